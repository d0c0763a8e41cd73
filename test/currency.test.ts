// Foreign currency through GraphQL on a real Neo4j: DOMAIN.md's worked example extended to
// currency (projects S, S2 and E), its figures worked out by hand there; hostile input; and
// that a plan fetches only its projects' items' upstream, not the graph.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { doc, edge, fixture, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.load(fixture('worked-example.json'));
  await h.load(
    doc(
      [
        node('project:s', 'Project', { owner: 'A', status: 'ACTIVE', budget: 200_000, progress: 0.5 }),
        node('project:s2', 'Project', { owner: 'B', status: 'ACTIVE', budget: 150_000, progress: 0.2 }),
        node('project:e', 'Project', { owner: 'C', status: 'PLANNED', budget: 1_000_000, progress: 0.6 }),
        // An unrelated chain the plan must never fetch: ore mined at home, wire imported.
        node('mine:far', 'Mine'),
        node('product:far-ore', 'Product', { unitValueUsd: 3 }),
        node('supplier:far', 'Supplier', { country: 'DE' }),
        node('part:far-wire', 'Part', { unitValueUsd: 7 }),
      ],
      [
        edge('LOCALIZES', 'project:s', 'product:steel', { capacityTpy: 150 }),
        edge('LOCALIZES', 'project:s2', 'product:steel', { capacityTpy: 80 }),
        edge('LOCALIZES', 'project:e', 'part:electrode', { inputImportShare: 0.3 }),
        edge('EXTRACTS', 'mine:far', 'product:far-ore', { capacityTpy: 10 }),
        edge('SUPPLIES', 'supplier:far', 'part:far-wire'),
      ],
    ),
  );
});
afterAll(async () => {
  await h.close();
});

const close = (x: number, digits = 6) => expect.closeTo(x, digits);
const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

describe('import bills', () => {
  it('ranks items by what is paid abroad for them: steel 100 t × 500 = 50,000, the electrode 2 × 5,000 = 10,000', async () => {
    const { importBills } = await h.query(`{ importBills { item { id } importVolume unitValueUsd importBillUsd volumeFromDemand
      countries { country weight volume } assumptions { code nodeId } } }`);
    expect(importBills).toEqual([
      { item: { id: 'product:steel' }, importVolume: 100, unitValueUsd: 500, importBillUsd: 50_000, volumeFromDemand: false, countries: [{ country: 'TR', weight: close(0.2), volume: 100 }], assumptions: [] },
      { item: { id: 'part:electrode' }, importVolume: 2, unitValueUsd: 5000, importBillUsd: 10_000, volumeFromDemand: false, countries: [{ country: 'CN', weight: 1, volume: 2 }], assumptions: [] },
      {
        // A supplier without a volume and an item nothing consumes: V = m × demand = 1 × 0, which
        // is not a measurement of nothing imported: the volume is unknown (NO_IMPORT_VOLUME).
        item: { id: 'part:far-wire' }, importVolume: 0, unitValueUsd: 7, importBillUsd: 0, volumeFromDemand: true,
        countries: [{ country: 'DE', weight: 1, volume: 0 }],
        assumptions: [{ code: 'IMPORT_VOLUME_FROM_DEMAND', nodeId: 'part:far-wire' }, { code: 'NO_IMPORT_VOLUME', nodeId: 'part:far-wire' }],
      },
    ]);
    const known = await h.query(`{ importBills { item { id } volumeKnown countries { country billUsd } } }`);
    expect(known.importBills.map((b: { item: { id: string }; volumeKnown: boolean; countries: { country: string; billUsd: number }[] }) => [b.item.id, b.volumeKnown, b.countries.map((c) => [c.country, c.billUsd])])).toEqual([
      ['product:steel', true, [['TR', 50_000]]],
      ['part:electrode', true, [['CN', 10_000]]],
      ['part:far-wire', false, [['DE', 0]]],
    ]);
    const semi = await h.query(`{ importBills(stage: SEMI_FINISHED, first: 1) { item { id } } }`);
    expect(semi.importBills).toEqual([{ item: { id: 'product:steel' } }]);
  });

  it('gives every product and part its importVolume and importBillUsd, the same as importBills', async () => {
    const data = await h.query(`{ products: nodes(kind: PRODUCT, first: 50) { edges { node { id ... on Product { importVolume importBillUsd } } } }
                                  parts: nodes(kind: PART, first: 50) { edges { node { id ... on Part { importVolume importBillUsd } } } } }`);
    const all = Object.fromEntries([...data.products.edges, ...data.parts.edges].map((e: any) => [e.node.id, [e.node.importVolume, e.node.importBillUsd]]));
    expect(all).toEqual({
      'product:ore': [0, 0],
      'product:pellet': [0, 0],
      'product:steel': [100, 50_000],
      'product:far-ore': [0, 0],
      'part:electrode': [2, 10_000],
      'part:far-wire': [0, 0],
    });
  });

  it('batches them: the number of database round trips does not grow with the number of items', async () => {
    const count = async (first: number) => {
      const reads = vi.spyOn(h.db.executor, 'read');
      await h.query(`{ nodes(kind: PRODUCT, first: ${first}) { edges { node { id ... on Product { importVolume importBillUsd } } } } }`);
      const calls = reads.mock.calls.map((c) => c[0]);
      reads.mockRestore();
      return calls;
    };
    const one = await count(1);
    const all = await count(50);
    // A page and its count, the home country, then one batched query per loader and level (the
    // items, their sources, consumers and assemblies, the plants' outputs, the assemblies'
    // sources): never one per item.
    expect(all.filter((c) => c === 'node/links-in' || c === 'node/links-out').length).toBeLessThanOrEqual(5);
    expect(all.length).toBeLessThanOrEqual(one.length + 2);
    expect(all.length).toBeLessThanOrEqual(9);
  });

  it('is null without a unit value', async () => {
    await h.load(doc([node('part:no-value', 'Part'), node('supplier:nv', 'Supplier', { country: 'CN' })], [edge('SUPPLIES', 'supplier:nv', 'part:no-value', { volumePerYear: 4 })]));
    const { node: n } = await h.query(`{ node(id: "part:no-value") { ... on Part { importVolume importBillUsd } } }`);
    expect(n).toEqual({ importVolume: 4, importBillUsd: null });
    const { importBills } = await h.query(`{ importBills { item { id } importBillUsd assumptions { code } } }`);
    expect(importBills.at(-1)).toEqual({ item: { id: 'part:no-value' }, importBillUsd: null, assumptions: [{ code: 'NO_UNIT_VALUE' }] });
  });
});

describe('localizationImpact', () => {
  it('S saves 45,000 $/y net (50,000 gross, 5,000 induced), 100,000 to go: payback 2.2 years', async () => {
    const { localizationImpact: r } = await h.query(`{ localizationImpact(projectId: "project:s") {
      project { id } netSavingUsd grossSavingUsd inducedImportsUsd remainingCostUsd paybackYears complete assumptions { code }
      items { item { id } displacedVolume grossSavingUsd inducedImportsUsd netSavingUsd homeImportContent capacityTpy importVolume } } }`);
    expect(r).toEqual({
      project: { id: 'project:s' },
      netSavingUsd: close(45_000),
      grossSavingUsd: 50_000,
      inducedImportsUsd: close(5_000),
      remainingCostUsd: 100_000,
      paybackYears: close(2.2222222),
      complete: true,
      assumptions: [],
      items: [{ item: { id: 'product:steel' }, displacedVolume: 100, grossSavingUsd: 50_000, inducedImportsUsd: close(5_000), netSavingUsd: close(45_000), homeImportContent: close(0.1), capacityTpy: 150, importVolume: 100 }],
    });
  });

  it('E: all of the electrode’s imports (no capacity), h = its inputImportShare 0.3: 7,000 $/y', async () => {
    const { localizationImpact: r } = await h.query(`{ localizationImpact(projectId: "project:e") { netSavingUsd paybackYears assumptions { code nodeId } } }`);
    expect(r).toEqual({ netSavingUsd: close(7_000), paybackYears: close(400_000 / 7_000), assumptions: [{ code: 'NO_PROJECT_CAPACITY', nodeId: 'project:e' }, { code: 'NO_HOME_RECIPE', nodeId: 'part:electrode' }] });
  });

  it('is NOT_FOUND for an unknown id and BAD_USER_INPUT for a node that is not a project', async () => {
    const unknown = await h.gql(`{ localizationImpact(projectId: "project:nope") { netSavingUsd } }`);
    expect(code(unknown)).toBe('NOT_FOUND');
    expect(unknown.errors![0]!.message).toContain('project:nope');
    const plant = await h.gql(`{ localizationImpact(projectId: "plant:steel") { netSavingUsd } }`);
    expect(code(plant)).toBe('BAD_USER_INPUT');
    expect(plant.errors![0]!.message).toMatch(/plant:steel is a Plant/);
  });
});

describe('localizationPlan', () => {
  const PLAN = `query ($budget: Float!, $statuses: [ProjectStatus!], $minProgress: Float, $ids: [ID!]!) {
    localizationPlan(budgetUsd: $budget, statuses: $statuses, minProgress: $minProgress) {
      budgetUsd spentUsd totalSavingUsd candidates
      steps { project { id } netSavingUsd remainingCostUsd cumulativeCostUsd cumulativeSavingUsd savingPerUsd }
      skipped { project { id } reason standaloneNetSavingUsd marginalNetSavingUsd }
      importContentAfter(ids: $ids) { item { id } before after domesticContentBefore domesticContentAfter }
    } }`;

  it('for 250,000 picks S; S2 is REDUNDANT, E OVER_BUDGET; steel falls from t = 0.28 to 0.1', async () => {
    const { localizationPlan: plan } = await h.query(PLAN, { budget: 250_000, ids: ['product:steel'] });
    expect(plan).toEqual({
      budgetUsd: 250_000,
      spentUsd: 100_000,
      totalSavingUsd: close(45_000),
      candidates: 3,
      steps: [{ project: { id: 'project:s' }, netSavingUsd: close(45_000), remainingCostUsd: 100_000, cumulativeCostUsd: 100_000, cumulativeSavingUsd: close(45_000), savingPerUsd: close(0.45) }],
      skipped: [
        { project: { id: 'project:e' }, reason: 'OVER_BUDGET', standaloneNetSavingUsd: close(7_000), marginalNetSavingUsd: close(7_000) },
        { project: { id: 'project:s2' }, reason: 'REDUNDANT', standaloneNetSavingUsd: close(36_000), marginalNetSavingUsd: 0 },
      ],
      importContentAfter: [{ item: { id: 'product:steel' }, before: close(0.28), after: close(0.1), domesticContentBefore: close(0.72), domesticContentAfter: close(0.9) }],
    });
    // (V / m) · v · (t − t′) = (100 / 0.2) × 500 × 0.18 = 45,000.
    const c = plan.importContentAfter[0];
    expect((100 / 0.2) * 500 * (c.before - c.after)).toEqual(close(plan.totalSavingUsd));
  });

  it('asks article 004’s question: only projects past a progress mark, of chosen statuses', async () => {
    const past = await h.query(PLAN, { budget: 1e9, minProgress: 0.55, ids: [] });
    expect(past.localizationPlan.candidates).toBe(1);
    expect(past.localizationPlan.steps.map((s: any) => s.project.id)).toEqual(['project:e']);
    const planned = await h.query(PLAN, { budget: 1e9, statuses: ['PLANNED'], ids: ['part:electrode'] });
    expect(planned.localizationPlan.steps.map((s: any) => s.project.id)).toEqual(['project:e']);
    expect(planned.localizationPlan.importContentAfter).toMatchObject([{ before: 1, after: close(0.3) }]);
  });

  it('refuses a negative, infinite, non-numeric or absurd budget, a progress outside 0..1, and bad ids, clearly', async () => {
    const plan = (args: string, ids = '[]') => h.gql(`{ localizationPlan(${args}) { totalSavingUsd importContentAfter(ids: ${ids}) { after } } }`);
    const negative = await plan('budgetUsd: -1');
    expect([code(negative), negative.errors![0]!.message]).toEqual(['BAD_USER_INPUT', 'budgetUsd must not be negative; got -1.']);
    const huge = await plan('budgetUsd: 1e300');
    expect(code(huge)).toBe('BAD_USER_INPUT');
    expect(huge.errors![0]!.message).toMatch(/at most 1e\+15/);
    expect(code(await plan('budgetUsd: 1e999'))).toBe('BAD_USER_INPUT'); // Infinity
    const nan = await h.gql(`query ($b: Float!) { localizationPlan(budgetUsd: $b) { totalSavingUsd } }`, { b: 'NaN' });
    expect(code(nan)).toBe('BAD_USER_INPUT');
    expect(code(await plan('budgetUsd: "many"'))).toBe('GRAPHQL_VALIDATION_FAILED');
    const progress = await plan('budgetUsd: 1, minProgress: 1.5');
    expect([code(progress), progress.errors![0]!.message]).toEqual(['BAD_USER_INPUT', 'minProgress must be between 0 and 1 (0.75 = past 75 %); got 1.5.']);
    expect(code(await plan('budgetUsd: 1, minProgress: -0.1'))).toBe('BAD_USER_INPUT');
    expect(code(await plan('budgetUsd: 1', '["product:nope"]'))).toBe('NOT_FOUND');
    const notItem = await plan('budgetUsd: 1', '["plant:steel"]');
    expect([code(notItem), notItem.errors![0]!.message]).toEqual(['BAD_USER_INPUT', 'plant:steel is a Plant: ids must name products or parts.']);
    const many = JSON.stringify(Array.from({ length: 101 }, (_, i) => `product:x${i}`));
    expect((await plan('budgetUsd: 1', many)).errors![0]!.message).toBe('importContentAfter takes at most 100 ids; got 101.');
    expect(code(await h.gql(`{ importBills(first: 0) { importBillUsd } }`))).toBe('BAD_USER_INPUT');
    expect((await h.gql(`{ importBills(first: 5000) { importBillUsd } }`)).errors![0]!.message).toBe('first must be a whole number from 1 to 1000; got 5000.');
  });
});


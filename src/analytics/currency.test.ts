import { describe, expect, it } from 'vitest';
import { chainGraph, type ChainGraph } from '../model/graph.js';
import type { EdgeRecord, NodeRecord } from '../model/records.js';
import { importContent } from './import-content.js';
import { CurrencyModel, importBills, importContentAfter, localizationImpact, localizationPlan, type LocalizationPlan } from './currency.js';
import { UnknownNodeError } from './errors.js';
import { e, n, workedExample, on } from './test-graphs.js';

const close = (x: number, digits = 9) => expect.closeTo(x, digits);

/** DOMAIN.md's worked example with its three projects: S and S2 on steel, E on the electrode. */
function withProjects(extraNodes: NodeRecord[] = [], extraEdges: EdgeRecord[] = []): ChainGraph {
  const g = workedExample();
  return chainGraph(
    [
      ...g.nodes.values(),
      n('project:s', 'Project', { owner: 'A', status: 'ACTIVE', budget: 200_000, progress: 0.5 }),
      n('project:s2', 'Project', { owner: 'B', status: 'ACTIVE', budget: 150_000, progress: 0.2 }),
      n('project:e', 'Project', { owner: 'C', status: 'PLANNED', budget: 1_000_000, progress: 0.6 }),
      ...extraNodes,
    ],
    [
      ...g.edges,
      e('LOCALIZES', 'project:s', 'steel', { capacityTpy: 150 }),
      e('LOCALIZES', 'project:s2', 'steel', { capacityTpy: 80 }),
      e('LOCALIZES', 'project:e', 'electrode', { inputImportShare: 0.3 }),
      ...extraEdges,
    ],
  );
}

const codes = (list: { code: string; nodeId: string }[]) => list.map((a) => `${a.code} ${a.nodeId}`).sort();

describe("DOMAIN.md's worked example, in currency", () => {
  const g = withProjects();

  it('steel’s import bill is 100 t × 500 = 50,000 $/y, and the electrode’s 2 × 5,000 = 10,000', () => {
    const bills = importBills(on(g));
    expect(bills.map((b) => [b.itemId, b.importVolume, b.importBillUsd, b.volumeFromDemand])).toEqual([
      ['steel', 100, 50_000, false],
      ['electrode', 2, 10_000, false],
    ]);
    expect(bills[0]!.countries).toEqual([{ country: 'TR', weight: close(0.2), volume: 100, billUsd: 50_000 }]);
    expect(bills[0]!.assumptions).toEqual([]);
  });

  it('h_steel = (0.8 × (0.5 × 0 + 0.1 × 1)) / 0.8 = 0.1; the electrode has no home recipe', () => {
    const model = new CurrencyModel(on(g));
    expect(model.homeRecipeImportContent('steel')).toEqual(close(0.1, 12));
    expect(model.homeRecipeImportContent('electrode')).toBeNull();
  });

  it('S: x = min(150, 100) = 100; gross 50,000, induced 5,000, net 45,000; 100,000 to go, payback 2.2 years', () => {
    const r = localizationImpact(on(g), 'project:s');
    expect(r.items).toEqual([
      {
        itemId: 'steel',
        importVolume: 100,
        unitValueUsd: 500,
        capacity: 150,
        displacedVolume: 100,
        homeImportContent: close(0.1, 12),
        homeRecipe: true,
        inputImportShare: null,
        grossSavingUsd: 50_000,
        inducedImportsUsd: close(5_000),
        netSavingUsd: close(45_000),
      },
    ]);
    expect(r.netSavingUsd).toEqual(close(45_000));
    expect(r.remainingCostUsd).toBe(100_000);
    expect(r.paybackYears).toEqual(close(100_000 / 45_000)); // 2.22
    expect(r.paybackYears!.toFixed(1)).toBe('2.2');
    expect(r.assumptions).toEqual([]);
  });

  it('S2 alone: x = 80, net 80 × 500 × 0.9 = 36,000, 120,000 to go', () => {
    const r = localizationImpact(on(g), 'project:s2');
    expect([r.items[0]!.displacedVolume, r.netSavingUsd, r.remainingCostUsd]).toEqual([80, close(36_000), 120_000]);
  });

  it('E: no capacity, so x = V = 2; no home recipe, so h = its inputImportShare 0.3; net 7,000', () => {
    const r = localizationImpact(on(g), 'project:e');
    expect([r.items[0]!.displacedVolume, r.items[0]!.homeImportContent, r.netSavingUsd, r.remainingCostUsd]).toEqual([2, 0.3, close(7_000), 400_000]);
    expect(codes(r.assumptions)).toEqual(['NO_HOME_RECIPE electrode', 'NO_PROJECT_CAPACITY project:e']);
  });

  it('a plan for 250,000 picks S; S2 is REDUNDANT and E OVER_BUDGET; total 45,000 $/y', () => {
    const plan = localizationPlan(on(g), { budgetUsd: 250_000 });
    expect(plan.steps.map((s) => [s.projectId, s.netSavingUsd, s.remainingCostUsd, s.cumulativeCostUsd, s.cumulativeSavingUsd, s.savingPerUsd])).toEqual([
      ['project:s', close(45_000), 100_000, 100_000, close(45_000), close(0.45)],
    ]);
    expect(plan.skipped.map((s) => [s.projectId, s.reason])).toEqual([
      ['project:e', 'OVER_BUDGET'],
      ['project:s2', 'REDUNDANT'],
    ]);
    expect(plan.skipped.find((s) => s.projectId === 'project:s2')).toMatchObject({ standaloneNetSavingUsd: close(36_000), marginalNetSavingUsd: 0 });
    expect(plan.totalSavingUsd).toEqual(close(45_000));
    expect(plan.spentUsd).toBe(100_000);
    expect(plan.candidates).toBe(3);
    expect(plan.effects).toEqual([{ itemId: 'steel', importVolume: 100, displacedVolume: 100, picks: [{ projectId: 'project:s', volume: 100, inputImportShare: 0 }] }]);
  });

  it("after it, steel's t′ = 0.1 (domestic content 0.72 → 0.90), and (100 / 0.2) × 500 × (0.28 − 0.1) = 45,000", () => {
    const plan = localizationPlan(on(g), { budgetUsd: 250_000 });
    const [steel] = importContentAfter(on(g), plan.effects, ['steel']);
    expect(steel).toEqual({ itemId: 'steel', before: close(0.28, 12), after: close(0.1, 12) });
    expect((100 / 0.2) * 500 * (steel!.before - steel!.after)).toEqual(close(plan.totalSavingUsd, 6));
  });

  it('a budget for everything also picks E: the electrode falls to t′ = 0.3, and steel to 0.1 × 0.3 = 0.03', () => {
    const plan = localizationPlan(on(g), { budgetUsd: 1_000_000 });
    expect(plan.steps.map((s) => s.projectId)).toEqual(['project:s', 'project:e']);
    expect(plan.skipped.map((s) => [s.projectId, s.reason])).toEqual([['project:s2', 'REDUNDANT']]);
    expect(plan.totalSavingUsd).toEqual(close(52_000));
    const after = importContentAfter(on(g), plan.effects, ['electrode', 'steel', 'pellet']);
    expect(after).toEqual([
      { itemId: 'electrode', before: 1, after: close(0.3, 12) },
      { itemId: 'steel', before: close(0.28, 12), after: close(0.03, 12) },
      { itemId: 'pellet', before: 0, after: 0 },
    ]);
    // The item without a home recipe checks too: (2 / 1) × 5,000 × (1 − 0.3) = 7,000.
    expect((2 / 1) * 5000 * (after[0]!.before - after[0]!.after)).toEqual(close(7_000, 6));
  });

  it('refuses an unknown project or one that is not a project, and items that are not items', () => {
    expect(() => localizationImpact(on(g), 'project:nope')).toThrow(UnknownNodeError);
    expect(() => localizationImpact(on(g), 'steel')).toThrow(/savings are worked out for projects/);
    expect(() => importContentAfter(on(g), [], ['plant:steel'])).toThrow(/products and parts/);
    expect(() => importContentAfter(on(g), [], ['nope'])).toThrow(UnknownNodeError);
    expect(() => localizationPlan(on(g), { budgetUsd: -1 })).toThrow(RangeError);
    expect(() => localizationPlan(on(g), { budgetUsd: Number.NaN })).toThrow(RangeError);
  });
});

describe('the marginal plan', () => {
  it('a later project on the same item displaces only what is left: min(C, V − what earlier picks displaced)', () => {
    // Steel imports V = 100. S (cap 60, 50,000 to go) saves 60 × 450 = 27,000 (0.54 $/$);
    // S2 (cap 80, 120,000 to go) alone 36,000 (0.3), after S only min(80, 40) = 40: 18,000 (0.15).
    const g = withProjects();
    const s = g.edges.find((x) => x.type === 'LOCALIZES' && x.from === 'project:s')!;
    s.capacityTpy = 60;
    (g.nodes.get('project:s') as NodeRecord).budget = 100_000;
    const plan = localizationPlan(on(g), { budgetUsd: 170_000, statuses: ['ACTIVE'] });
    expect(plan.steps.map((x) => [x.projectId, x.netSavingUsd, x.standaloneNetSavingUsd, x.items[0]!.displacedVolume])).toEqual([
      ['project:s', close(27_000), close(27_000), 60],
      ['project:s2', close(18_000), close(36_000), 40],
    ]);
    expect(plan.totalSavingUsd).toEqual(close(45_000));
    expect(plan.effects[0]).toMatchObject({ itemId: 'steel', displacedVolume: 100 });
    // Both displace all of steel's imports between them: t′ = 0.1 again.
    expect(importContentAfter(on(g), plan.effects, ['steel'])[0]!.after).toEqual(close(0.1, 12));
  });

  it('ranks a project with nothing left to spend first, even on a budget of 0', () => {
    // Its edge has capacity 1 and no inputImportShare (the electrode has no home recipe): 1 × 5,000 × (1 − 0).
    const g = withProjects([n('project:done-soon', 'Project', { owner: 'D', status: 'STALLED', budget: 10, progress: 1 })], [e('LOCALIZES', 'project:done-soon', 'electrode', { capacityTpy: 1 })]);
    const plan = localizationPlan(on(g), { budgetUsd: 0 });
    expect(plan.steps.map((s) => [s.projectId, s.remainingCostUsd, s.savingPerUsd, s.netSavingUsd])).toEqual([['project:done-soon', 0, null, 5_000]]);
    expect(plan.skipped.map((s) => [s.projectId, s.reason])).toEqual([
      ['project:e', 'OVER_BUDGET'],
      ['project:s', 'OVER_BUDGET'],
      ['project:s2', 'OVER_BUDGET'],
    ]);
  });

  it('breaks a tie in saving per dollar by the larger saving, then by id', () => {
    // Two items, each 10 units at 100 $ imported, no recipe, h = 0. p:b saves 1,000 for 1,000;
    // p:a and p:c save 500 for 500: all 1 $/y per $. b first (larger), then a before c (id).
    const nodes = [
      n('x', 'Part', { unitValueUsd: 100 }),
      n('y', 'Part', { unitValueUsd: 100 }),
      n('z', 'Part', { unitValueUsd: 100 }),
      n('sup', 'Supplier', { country: 'CN' }),
      n('p:a', 'Project', { status: 'ACTIVE', budget: 500, progress: 0 }),
      n('p:b', 'Project', { status: 'ACTIVE', budget: 1_000, progress: 0 }),
      n('p:c', 'Project', { status: 'ACTIVE', budget: 500, progress: 0 }),
    ];
    const edges = [
      e('SUPPLIES', 'sup', 'x', { volumePerYear: 10 }),
      e('SUPPLIES', 'sup', 'y', { volumePerYear: 5 }),
      e('SUPPLIES', 'sup', 'z', { volumePerYear: 5 }),
      e('LOCALIZES', 'p:b', 'x'),
      e('LOCALIZES', 'p:a', 'y'),
      e('LOCALIZES', 'p:c', 'z'),
    ];
    const plan = localizationPlan(on(chainGraph(nodes, edges)), { budgetUsd: 1_500 });
    expect(plan.steps.map((s) => s.projectId)).toEqual(['p:b', 'p:a']);
    expect(plan.skipped).toMatchObject([{ projectId: 'p:c', reason: 'OVER_BUDGET', marginalNetSavingUsd: 500 }]);
  });

  it('takes ACTIVE, STALLED and PLANNED projects by default; statuses and minProgress narrow the candidates', () => {
    const g = withProjects([n('project:d', 'Project', { status: 'DONE', budget: 1, progress: 1 })], [e('LOCALIZES', 'project:d', 'steel')]);
    expect(localizationPlan(on(g), { budgetUsd: 1e9 }).candidates).toBe(3);
    expect(localizationPlan(on(g), { budgetUsd: 1e9, statuses: ['DONE'] }).steps.map((s) => s.projectId)).toEqual(['project:d']);
    // Article 004's question: only the projects past 50 % (S at 0.5, E at 0.6; not S2 at 0.2).
    const far = localizationPlan(on(g), { budgetUsd: 1e9, minProgress: 0.5 });
    expect(far.candidates).toBe(2);
    expect(far.steps.map((s) => s.projectId)).toEqual(['project:s', 'project:e']);
    expect(localizationPlan(on(g), { budgetUsd: 1e9, minProgress: 0.75 }).candidates).toBe(0);
  });

  it('lists a project on an item without imports as NO_SAVING, not as parallel work', () => {
    const g = withProjects([n('project:ore', 'Project', { status: 'ACTIVE', budget: 100, progress: 0 })], [e('LOCALIZES', 'project:ore', 'ore')]);
    const plan = localizationPlan(on(g), { budgetUsd: 1e9 });
    expect(plan.skipped.find((s) => s.projectId === 'project:ore')).toMatchObject({ reason: 'NO_SAVING', standaloneNetSavingUsd: 0 });
  });
});

describe('every assumption, on a hand-made graph', () => {
  it('IMPORT_VOLUME_FROM_DEMAND: a foreign source without a volume makes V = m × Q', () => {
    // x: home plant (share 0.6) and a Chinese supplier (share 0.4, no volume). Demand Q: x feeds
    // plant:y at 2 per unit of y (capacity 50) = 100, plus finalDemand 20 = 120. V = 0.4 × 120 = 48.
    const g = chainGraph(
      [
        n('x', 'Product', { unitValueUsd: 10, finalDemand: 20 }),
        n('plant:x', 'Plant'),
        n('sup:cn', 'Supplier', { country: 'CN' }),
        n('plant:y', 'Plant'),
        n('y', 'Product', { unitValueUsd: 100 }),
      ],
      [
        e('PRODUCES', 'plant:x', 'x', { share: 0.6, capacityTpy: 70 }),
        e('SUPPLIES', 'sup:cn', 'x', { share: 0.4 }),
        e('FEEDS', 'x', 'plant:y', { quantityPerUnit: 2 }),
        e('PRODUCES', 'plant:y', 'y', { capacityTpy: 50 }),
      ],
    );
    const [bill] = importBills(on(g));
    expect(bill).toMatchObject({ itemId: 'x', directImportShare: close(0.4), demand: 120, importVolume: close(48), importBillUsd: close(480), volumeFromDemand: true });
    expect(bill!.countries).toEqual([{ country: 'CN', weight: close(0.4), volume: close(48), billUsd: close(480) }]);
    expect(codes(bill!.assumptions)).toEqual(['IMPORT_VOLUME_FROM_DEMAND x']);
  });

  it('NO_IMPORT_VOLUME: all imported, no volume on the edge and no demand to take one from: unknown, not zero', () => {
    // Needle coke in the seed: one foreign supplier with no volume, nothing recorded that uses it.
    // V = m × Q = 1 × 0 would read as "nothing to save"; the truth is that V is not known.
    const g = chainGraph(
      [n('coke', 'Product', { unitValueUsd: 1500 }), n('sup:jp', 'Supplier', { country: 'JP' }), n('p', 'Project', { status: 'ACTIVE', budget: 40, progress: 0.5 })],
      [e('SUPPLIES', 'sup:jp', 'coke'), e('LOCALIZES', 'p', 'coke', { capacityTpy: 1000 })],
    );
    const [bill] = importBills(on(g));
    expect(bill).toMatchObject({ itemId: 'coke', directImportShare: 1, importVolume: 0, volumeKnown: false, volumeFromDemand: true, demand: 0 });
    expect(codes(bill!.assumptions)).toEqual(['IMPORT_VOLUME_FROM_DEMAND coke', 'NO_IMPORT_VOLUME coke']);
    const impact = localizationImpact(on(g), 'p');
    expect(impact).toMatchObject({ complete: false, netSavingUsd: 0 });
    expect(codes(impact.assumptions)).toContain('NO_IMPORT_VOLUME coke');
    expect(localizationPlan(on(g), { budgetUsd: 100 }).skipped).toMatchObject([{ projectId: 'p', reason: 'NO_IMPORT_VOLUME' }]);
    // With a volume on the edge it is known again, and the project saves 1,000 t × $1,500 (h = 0).
    const known = chainGraph([...g.nodes.values()], [e('SUPPLIES', 'sup:jp', 'coke', { volumePerYear: 4000 }), e('LOCALIZES', 'p', 'coke', { capacityTpy: 1000 })]);
    expect(importBills(on(known))[0]).toMatchObject({ importVolume: 4000, volumeKnown: true });
    expect(localizationImpact(on(known), 'p')).toMatchObject({ complete: true, netSavingUsd: 1_500_000 });
  });

  it('splits an import bill by country: each country’s volume × the unit value, summing to the bill', () => {
    // Steel-like: 600 t from CN and 300 t from TR by volume, 100 t made at home; v = $500/t.
    // m counts shares of all sources (0.6 and 0.3), but the bill is 900 t × 500 = $450,000:
    // CN $300,000 and TR $150,000, not the bill × m-weight ($270,000 and $135,000).
    const g = chainGraph(
      [n('steel', 'Product', { unitValueUsd: 500 }), n('plant', 'Plant'), n('cn', 'Supplier', { country: 'CN' }), n('tr', 'Supplier', { country: 'TR' })],
      [e('PRODUCES', 'plant', 'steel', { share: 0.1, capacityTpy: 100 }), e('SUPPLIES', 'cn', 'steel', { share: 0.6, volumePerYear: 600 }), e('SUPPLIES', 'tr', 'steel', { share: 0.3, volumePerYear: 300 })],
    );
    const [bill] = importBills(on(g));
    expect(bill!.importBillUsd).toBe(450_000);
    expect(bill!.countries.map((c) => [c.country, c.volume, c.billUsd])).toEqual([
      ['CN', 600, 300_000],
      ['TR', 300, 150_000],
    ]);
  });

  it('NO_UNIT_VALUE: no bill, and a project on the item cannot be ranked', () => {
    const g = chainGraph(
      [n('x', 'Part'), n('sup', 'Supplier', { country: 'DE' }), n('p', 'Project', { status: 'ACTIVE', budget: 10, progress: 0 })],
      [e('SUPPLIES', 'sup', 'x', { volumePerYear: 7 }), e('LOCALIZES', 'p', 'x', { capacityTpy: 3 })],
    );
    expect(importBills(on(g))[0]).toMatchObject({ importVolume: 7, unitValueUsd: null, importBillUsd: null });
    const impact = localizationImpact(on(g), 'p');
    expect(impact).toMatchObject({ valued: false, complete: false, netSavingUsd: 0, paybackYears: null });
    expect(impact.items[0]).toMatchObject({ displacedVolume: 3, grossSavingUsd: null, netSavingUsd: null });
    expect(codes(impact.assumptions)).toEqual(['NO_HOME_RECIPE x', 'NO_UNIT_VALUE x']);
    expect(localizationPlan(on(g), { budgetUsd: 100 }).skipped).toMatchObject([{ projectId: 'p', reason: 'NO_UNIT_VALUE' }]);
  });

  it('NO_HOME_RECIPE: h is the LOCALIZES inputImportShare, else 0', () => {
    const g = chainGraph(
      [n('x', 'Part', { unitValueUsd: 100 }), n('sup', 'Supplier', { country: 'DE' }), n('p', 'Project', { budget: 1 }), n('q', 'Project', { budget: 1 })],
      [e('SUPPLIES', 'sup', 'x', { volumePerYear: 10 }), e('LOCALIZES', 'p', 'x', { inputImportShare: 0.25 }), e('LOCALIZES', 'q', 'x')],
    );
    expect(localizationImpact(on(g), 'p').items[0]).toMatchObject({ homeRecipe: false, homeImportContent: 0.25, netSavingUsd: 750, inducedImportsUsd: 250 });
    expect(localizationImpact(on(g), 'q').items[0]).toMatchObject({ homeRecipe: false, homeImportContent: 0, netSavingUsd: 1_000 });
    expect(codes(localizationImpact(on(g), 'q').assumptions)).toEqual(['NO_HOME_RECIPE x', 'NO_PROGRESS q', 'NO_PROJECT_CAPACITY q']);
  });

  it('a home recipe wins over inputImportShare; a home supplier with a bill of materials is a recipe too', () => {
    // x: 50 % from DE, 50 % from a home supplier assembling it from a (valueShare 0.4, t = 1: CN only).
    // h_x = 0.4 × 1 = 0.4, whatever the edge says.
    const g = chainGraph(
      [
        n('x', 'Part', { unitValueUsd: 100 }),
        n('a', 'Part', { unitValueUsd: 10 }),
        n('sup:de', 'Supplier', { country: 'DE' }),
        n('sup:home', 'Supplier'),
        n('sup:cn', 'Supplier', { country: 'CN' }),
        n('p', 'Project', { budget: 1_000, progress: 0.5 }),
      ],
      [
        e('SUPPLIES', 'sup:de', 'x', { volumePerYear: 10, share: 0.5 }),
        e('SUPPLIES', 'sup:home', 'x', { volumePerYear: 10, share: 0.5 }),
        e('SUPPLIES', 'sup:cn', 'a', { volumePerYear: 100 }),
        e('COMPONENT_OF', 'a', 'x', { quantity: 4, valueShare: 0.4 }),
        e('LOCALIZES', 'p', 'x', { inputImportShare: 0.9, capacityTpy: 4 }),
      ],
    );
    const r = localizationImpact(on(g), 'p');
    expect(r.items[0]).toMatchObject({ homeRecipe: true, homeImportContent: close(0.4), displacedVolume: 4, netSavingUsd: close(240) });
    expect(r.paybackYears).toEqual(close(500 / 240));
    // After: ρ = 6/10, m 0.5 → 0.3; the displaced 0.2 is made at home with a: t′ = 0.3 + (0.5 + 0.2) × 0.4 = 0.58.
    const plan = localizationPlan(on(g), { budgetUsd: 1_000, statuses: [] });
    expect(plan.candidates).toBe(0); // no status: not a candidate under the default statuses
    const effects = [{ itemId: 'x', importVolume: 10, displacedVolume: 4, picks: [{ projectId: 'p', volume: 4, inputImportShare: 0.9 }] }];
    const [x] = importContentAfter(on(g), effects, ['x']);
    expect(x).toEqual({ itemId: 'x', before: close(0.7, 12), after: close(0.58, 12) });
    expect((10 / 0.5) * 100 * (x!.before - x!.after)).toEqual(close(240, 6));
  });

  it('NO_PROJECT_CAPACITY: x = V, all the imports', () => {
    const r = localizationImpact(on(withProjects()), 'project:e');
    expect(r.items[0]!.displacedVolume).toBe(2);
    expect(r.assumptions.find((a) => a.code === 'NO_PROJECT_CAPACITY')?.message).toMatch(/replace all of its imports/);
  });

  it('NO_BUDGET: no remaining cost, no payback, and skipped by the plan', () => {
    const g = withProjects([n('project:nb', 'Project', { status: 'ACTIVE', progress: 0.9 })], [e('LOCALIZES', 'project:nb', 'electrode')]);
    const r = localizationImpact(on(g), 'project:nb');
    expect(r).toMatchObject({ remainingCostUsd: null, paybackYears: null, netSavingUsd: 10_000 });
    expect(codes(r.assumptions)).toContain('NO_BUDGET project:nb');
    const plan = localizationPlan(on(g), { budgetUsd: 1e9 });
    expect(plan.skipped).toContainEqual({ projectId: 'project:nb', reason: 'NO_BUDGET', standaloneNetSavingUsd: 10_000, marginalNetSavingUsd: null, remainingCostUsd: null });
    expect(codes(plan.assumptions)).toContain('NO_BUDGET project:nb');
  });

  it('NO_PROGRESS (where the spec is silent): the whole budget is still to be spent', () => {
    const g = withProjects([n('project:np', 'Project', { status: 'ACTIVE', budget: 300 })], [e('LOCALIZES', 'project:np', 'electrode')]);
    expect(localizationImpact(on(g), 'project:np').remainingCostUsd).toBe(300);
  });
});

// ---- properties on random graphs ----

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** An acyclic chain of items with home plants (recipes), foreign suppliers, and projects on them. */
function randomGraph(seed: number, projects: number): ChainGraph {
  const rand = prng(seed);
  const maybe = (p: number) => rand() < p;
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  const count = 3 + Math.floor(rand() * 8);
  for (let i = 0; i < count; i += 1) {
    nodes.push(n(`i${i}`, maybe(0.5) ? 'Product' : 'Part', maybe(0.85) ? { unitValueUsd: 1 + Math.floor(rand() * 500), ...(maybe(0.3) ? { finalDemand: rand() * 100 } : {}) } : {}));
    if (maybe(0.7)) {
      nodes.push(n(`plant:${i}`, 'Plant'));
      edges.push(e('PRODUCES', `plant:${i}`, `i${i}`, { capacityTpy: 1 + rand() * 100, ...(maybe(0.5) ? { share: rand() } : {}) }));
      for (let j = i + 1; j < count; j += 1) if (maybe(0.4)) edges.push(e('FEEDS', `i${j}`, `plant:${i}`, { quantityPerUnit: rand() * 2, ...(maybe(0.5) ? { valueShare: rand() * 0.5 } : {}) }));
    }
    if (maybe(0.6)) {
      nodes.push(n(`sup:${i}`, 'Supplier', { country: ['CN', 'DE', 'TR'][Math.floor(rand() * 3)] }));
      edges.push(e('SUPPLIES', `sup:${i}`, `i${i}`, { ...(maybe(0.8) ? { volumePerYear: rand() * 200 } : {}), ...(maybe(0.5) ? { share: rand() } : {}) }));
    }
  }
  for (let p = 0; p < projects; p += 1) {
    const statuses = ['ACTIVE', 'STALLED', 'PLANNED', 'DONE'];
    nodes.push(n(`p${p}`, 'Project', { status: statuses[Math.floor(rand() * 4)]!, ...(maybe(0.9) ? { budget: Math.floor(rand() * 1e6) } : {}), ...(maybe(0.9) ? { progress: maybe(0.1) ? 1 : rand() } : {}) }));
    const targets = 1 + Math.floor(rand() * 2);
    const seen = new Set<number>();
    for (let t = 0; t < targets; t += 1) {
      const i = Math.floor(rand() * count);
      if (seen.has(i)) continue;
      seen.add(i);
      edges.push(e('LOCALIZES', `p${p}`, `i${i}`, { ...(maybe(0.6) ? { capacityTpy: rand() * 150 } : {}), ...(maybe(0.5) ? { inputImportShare: rand() } : {}) }));
    }
  }
  return chainGraph(nodes, edges);
}

function checkPlan(plan: LocalizationPlan, budget: number): void {
  expect(plan.spentUsd).toBeLessThanOrEqual(budget);
  let cost = 0;
  let saving = 0;
  for (const s of plan.steps) {
    cost += s.remainingCostUsd;
    saving += s.netSavingUsd;
    expect(s.netSavingUsd).toBeGreaterThan(0);
    expect(s.cumulativeCostUsd).toEqual(close(cost, 6));
    expect(s.cumulativeSavingUsd).toEqual(close(saving, 6));
  }
  expect(plan.spentUsd).toEqual(close(cost, 6));
  expect(plan.totalSavingUsd).toEqual(close(saving, 6));
  // Every candidate is either picked or skipped, once.
  expect(plan.steps.length + plan.skipped.length).toBe(plan.candidates);
  for (const s of plan.skipped) {
    if (s.reason === 'REDUNDANT') expect(s.marginalNetSavingUsd).toBeLessThanOrEqual(1e-9);
    // Something with a positive marginal saving that fitted would have been picked.
    if (s.reason === 'OVER_BUDGET') expect(plan.spentUsd + s.remainingCostUsd!).toBeGreaterThan(budget);
  }
}

describe('properties on 300 random graphs (seeded)', () => {
  it('a plan never spends past its budget, and its total is the sum of its steps', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const g = randomGraph(seed, 1 + (seed % 7));
      const budget = prng(seed * 7)() * 2e6;
      checkPlan(localizationPlan(on(g), { budgetUsd: budget }), budget);
      checkPlan(localizationPlan(on(g), { budgetUsd: 0 }), 0);
    }
  });

  it('picks what a plain greedy loop picks, recomputing every marginal saving every round', () => {
    // The plan keeps marginal savings until a pick touches their items; this loop does not.
    const naive = (g: ChainGraph, budget: number) => {
      const model = new CurrencyModel(on(g));
      const pool = [...g.nodes.values()]
        .filter((p) => p.kind === 'Project' && ['ACTIVE', 'STALLED', 'PLANNED'].includes(String(p.status)))
        .map((p) => ({ id: p.id, alone: model.impact(p.id) }))
        .filter((c) => c.alone.remainingCostUsd !== null && c.alone.valued);
      const displaced = new Map<string, number>();
      const picked: [string, number][] = [];
      let spent = 0;
      for (;;) {
        let best: { id: string; net: number; ratio: number; impact: ReturnType<CurrencyModel['impact']> } | null = null;
        for (const c of pool) {
          if (picked.some(([id]) => id === c.id) || spent + c.alone.remainingCostUsd! > budget) continue;
          const impact = model.impact(c.id, displaced);
          if (impact.netSavingUsd <= 1e-9) continue;
          const ratio = c.alone.remainingCostUsd === 0 ? Infinity : impact.netSavingUsd / c.alone.remainingCostUsd!;
          if (!best || ratio > best.ratio || (ratio === best.ratio && (impact.netSavingUsd > best.net || (impact.netSavingUsd === best.net && c.id < best.id)))) {
            best = { id: c.id, net: impact.netSavingUsd, ratio, impact };
          }
        }
        if (!best) return picked;
        picked.push([best.id, best.net]);
        spent += best.impact.remainingCostUsd!;
        for (const i of best.impact.items) if (i.displacedVolume > 0) displaced.set(i.itemId, (displaced.get(i.itemId) ?? 0) + i.displacedVolume);
      }
    };
    for (let seed = 1; seed <= 300; seed += 1) {
      const g = randomGraph(seed, 2 + (seed % 9));
      const budget = prng(seed * 3)() * 1e6;
      const plan = localizationPlan(on(g), { budgetUsd: budget });
      expect(plan.steps.map((s) => [s.projectId, s.netSavingUsd]), `seed ${seed}`).toEqual(naive(g, budget));
    }
  });

  it('on a single item, (V/m)·v·(t − t′) equals the plan’s net saving', () => {
    let checked = 0;
    for (let seed = 1; seed <= 300; seed += 1) {
      const g = randomGraph(seed, 0);
      const model = new CurrencyModel(on(g));
      const rand = prng(seed * 13);
      const k = `i${Math.floor(rand() * 3)}`;
      const bill = model.importBill(k);
      if (bill.directImportShare <= 1e-6 || bill.importVolume <= 1e-6 || bill.unitValueUsd === null) continue;
      const project = n('p', 'Project', { status: 'ACTIVE', budget: 100, progress: 0 });
      const edge = e('LOCALIZES', 'p', k, { ...(rand() < 0.5 ? { capacityTpy: rand() * bill.importVolume * 1.5 } : {}), ...(rand() < 0.5 ? { inputImportShare: rand() } : {}) });
      const withProject = chainGraph([...g.nodes.values(), project], [...g.edges, edge]);
      const plan = localizationPlan(on(withProject), { budgetUsd: 100 });
      const [after] = importContentAfter(on(withProject), plan.effects, [k]);
      expect(after!.before).toEqual(close(importContent(on(g), k).totalImportContent, 12));
      const fromContent = (bill.importVolume / bill.directImportShare) * bill.unitValueUsd * (after!.before - after!.after);
      expect(fromContent).toEqual(close(plan.totalSavingUsd, 5));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(50);
  });
});

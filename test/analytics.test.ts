// The localization analytics through GraphQL on a real Neo4j: the subgraph is fetched from the
// database and solved; answers are DOMAIN.md's worked example, worked out by hand there.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, edge, fixture, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.load(fixture('worked-example.json'));
  // Two live projects of different owners on the electrode, a stalled one on pellets.
  await h.load(
    doc(
      [
        node('project:a', 'Project', { owner: 'IMIDRO', status: 'ACTIVE', progress: 0.75 }),
        node('project:b', 'Project', { owner: 'Mobarakeh Steel', status: 'PLANNED', progress: 0.25 }),
        node('project:c', 'Project', { owner: 'IMIDRO', status: 'STALLED' }),
      ],
      [edge('LOCALIZES', 'project:a', 'part:electrode'), edge('LOCALIZES', 'project:b', 'part:electrode'), edge('LOCALIZES', 'project:c', 'product:pellet')],
    ),
  );
});
afterAll(async () => {
  await h.close();
});

const close = (x: number) => expect.closeTo(x, 9);

describe('importContent', () => {
  it('answers the worked example for steel', async () => {
    const { importContent } = await h.query(`{ importContent(id: "product:steel") {
      item { id } directImportShare totalImportContent domesticContent converged
      contributions { item { id } share } assumptions { code nodeId message } unmodeled { id }
    } }`);
    expect(importContent).toMatchObject({
      item: { id: 'product:steel' },
      directImportShare: close(0.2),
      totalImportContent: close(0.28),
      domesticContent: close(0.72),
      converged: true,
      contributions: [
        { item: { id: 'product:steel' }, share: close(0.2) },
        { item: { id: 'part:electrode' }, share: close(0.08) },
      ],
      unmodeled: [],
    });
    expect(importContent.assumptions.map((a: any) => a.code)).toEqual(['QUANTITY_VALUE_COEFFICIENT', 'QUANTITY_VALUE_COEFFICIENT']);
  });

  it('is NOT_FOUND for an unknown id and BAD_USER_INPUT for a plant', async () => {
    expect((await h.gql(`{ importContent(id: "nope") { totalImportContent } }`)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await h.gql(`{ importContent(id: "plant:steel") { totalImportContent } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('valueFlows', () => {
  it('splits steel’s $500 as worked out by hand: $140 imported, the plant adds $160', async () => {
    const { valueFlows } = await h.query(`{ valueFlows(id: "product:steel", minShare: 0) {
      item { id } unitValueUsd total imported importedShare cutLoops merged
      nodes { key role node { id kind } name nameFa foreign importShare value valueAdded }
      links { source target value importShare }
    } }`);
    expect(valueFlows).toMatchObject({ item: { id: 'product:steel' }, unitValueUsd: 500, total: 500, imported: close(140), importedShare: close(0.28), cutLoops: 0, merged: 0 });
    const keys = valueFlows.nodes.map((n: any) => n.key).sort();
    expect(keys).toEqual(['added:product:steel', 'mine:a', 'part:electrode', 'product:ore', 'product:pellet', 'product:steel', 'supplier:cn-electrodes', 'supplier:tr-steel']);
    const link = (s: string, t: string) => valueFlows.links.find((l: any) => l.source === s && l.target === t);
    expect(link('product:pellet', 'product:steel')).toMatchObject({ value: close(200), importShare: 0 });
    expect(link('part:electrode', 'product:steel')).toMatchObject({ value: close(40), importShare: 1 });
    expect(link('supplier:tr-steel', 'product:steel')).toMatchObject({ value: close(100), importShare: 1 });
    expect(link('added:product:steel', 'product:steel')).toMatchObject({ value: close(160), importShare: 0 });
    const added = valueFlows.nodes.find((n: any) => n.role === 'VALUE_ADDED');
    expect(added).toMatchObject({ node: null, name: 'Value added in making it', nameFa: 'ارزش افزوده در ساخت آن' });
    expect(valueFlows.nodes.find((n: any) => n.key === 'supplier:tr-steel')).toMatchObject({ role: 'NODE', node: { id: 'supplier:tr-steel', kind: 'SUPPLIER' }, foreign: true });
  });

  it('draws plants with detail: SITES, gathers small nodes, and refuses a bad minShare or a site', async () => {
    const sites = (await h.query(`{ valueFlows(id: "product:steel", minShare: 0, detail: SITES) { nodes { key valueAdded } } }`)).valueFlows;
    expect(sites.nodes.find((n: any) => n.key === 'plant:steel').valueAdded).toBeCloseTo(160, 9);
    const coarse = (await h.query(`{ valueFlows(id: "product:steel", minShare: 0.1) { merged nodes { key role value count } } }`)).valueFlows;
    expect(coarse.merged).toBe(2);
    expect(coarse.nodes.find((n: any) => n.role === 'OTHER_IMPORTS')).toMatchObject({ key: 'other:imports|product:steel', value: close(40), count: 1 });
    const bad = await h.gql(`{ valueFlows(id: "product:steel", minShare: 2) { total } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('minShare');
    expect((await h.gql(`{ valueFlows(id: "plant:steel") { total } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await h.gql(`{ valueFlows(id: "nope") { total } }`)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('importReliantLinks', () => {
  it('finds the electrode with its supplier, country, path and contribution', async () => {
    const { importReliantLinks } = await h.query(`{ importReliantLinks(id: "product:steel") {
      item { id name } directImportShare onlyForeign countries contribution
      foreignSuppliers { supplier { id ... on Supplier { country } } country }
      path { id kind }
    } }`);
    expect(importReliantLinks).toEqual([
      {
        item: { id: 'part:electrode', name: 'Graphite electrode' },
        directImportShare: 1,
        onlyForeign: true,
        countries: ['CN'],
        contribution: close(0.08),
        foreignSuppliers: [{ supplier: { id: 'supplier:cn-electrodes', country: 'CN' }, country: 'CN' }],
        path: [
          { id: 'part:electrode', kind: 'PART' },
          { id: 'plant:steel', kind: 'PLANT' },
          { id: 'product:steel', kind: 'PRODUCT' },
        ],
      },
    ]);
  });

  it('refuses a threshold outside 0..1', async () => {
    expect((await h.gql(`{ importReliantLinks(id: "product:steel", threshold: 1.5) { contribution } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('disruption and chokepoints', () => {
  it('"CN" costs the electrode all and steel 0.8', async () => {
    const { disruption } = await h.query(`{ disruption(scenario: { countries: ["CN"] }) { losses { item { id } loss } finishedGoodsHit { item { id } } converged } }`);
    expect(disruption).toEqual({
      losses: [
        { item: { id: 'part:electrode' }, loss: 1 },
        { item: { id: 'product:steel' }, loss: close(0.8) },
      ],
      finishedGoodsHit: [],
      converged: true,
    });
  });

  it('says what a loss costs in units and dollars: the electrode’s demand is 0.01 × 400 = 4 pieces, all lost, 4 × $5,000', async () => {
    const { disruption } = await h.query(`{ disruption(scenario: { countries: ["CN"] }) { losses { itemId loss demand lostUnits lostValueUsd } } }`);
    expect(disruption.losses).toEqual([
      { itemId: 'part:electrode', loss: 1, demand: close(4), lostUnits: close(4), lostValueUsd: close(20_000) },
      // Nothing recorded consumes steel and it has no final demand: no volume to lose, so null rather than 0.
      { itemId: 'product:steel', loss: close(0.8), demand: null, lostUnits: null, lostValueUsd: null },
    ]);
  });

  it('needs something to remove, and known nodes', async () => {
    expect((await h.gql(`{ disruption(scenario: {}) { converged } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await h.gql(`{ disruption(scenario: { nodeIds: ["ghost"] }) { converged } }`)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists the seven chokepoints of steel at 0.8', async () => {
    const { chokepoints } = await h.query(`{ chokepoints(id: "product:steel", minImpact: 0.8) { node { id } impact } }`);
    expect(chokepoints.map((c: any) => c.node.id).sort()).toEqual([
      'mine:a',
      'part:electrode',
      'plant:pellet',
      'plant:steel',
      'product:ore',
      'product:pellet',
      'supplier:cn-electrodes',
    ]);
    for (const c of chokepoints) expect(c.impact).toEqual(close(0.8));
    const sites = await h.query(`{ chokepoints(id: "product:steel", minImpact: 0.8, kinds: [MINE, PLANT, SUPPLIER]) { node { id } } }`);
    expect(sites.chokepoints.map((c: any) => c.node.id).sort()).toEqual(['mine:a', 'plant:pellet', 'plant:steel', 'supplier:cn-electrodes']);
  });
});

describe('chainBalance and parallelWork', () => {
  it('shows the balance of the chain', async () => {
    const { chainBalance } = await h.query(`{ chainBalance(ids: ["product:ore", "product:pellet", "part:electrode", "product:steel"]) { item { id } homeCapacity imports demand balance } }`);
    expect(chainBalance).toEqual([
      { item: { id: 'product:ore' }, homeCapacity: 1000, imports: 0, demand: 900, balance: 100 },
      { item: { id: 'product:pellet' }, homeCapacity: 600, imports: 0, demand: close(560), balance: close(40) },
      { item: { id: 'part:electrode' }, homeCapacity: 0, imports: 2, demand: 4, balance: -4 },
      { item: { id: 'product:steel' }, homeCapacity: 400, imports: 100, demand: 0, balance: 400 },
    ]);
    const byStage = await h.query(`{ chainBalance(stage: ORE) { item { id } } }`);
    expect(byStage.chainBalance).toEqual([{ item: { id: 'product:ore' } }]);
  });

  it('finds the electrode localized in parallel', async () => {
    const { parallelWork } = await h.query(`{ parallelWork { item { id } ownerCount projects { project { id } owner status progress } } }`);
    expect(parallelWork).toEqual([
      {
        item: { id: 'part:electrode' },
        ownerCount: 2,
        projects: [
          { project: { id: 'project:a' }, owner: 'IMIDRO', status: 'ACTIVE', progress: 0.75 },
          { project: { id: 'project:b' }, owner: 'Mobarakeh Steel', status: 'PLANNED', progress: 0.25 },
        ],
      },
    ]);
  });
});

// upstream/downstream through GraphQL on a hand-made chain with a recycling cycle; every
// expected depth and edge is worked out by hand in the comments.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, edge, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

// mine:m -EXTRACTS-> ore -FEEDS-> plant:s -PRODUCES-> steel -COMPONENT_OF-> car
// supplier:cn -SUPPLIES-> chip -COMPONENT_OF-> ecu -COMPONENT_OF-> car
// recycling: steel -FEEDS-> plant:r -PRODUCES-> scrap -FEEDS-> plant:s   (a cycle)
// not chain edges: project:p -LOCALIZES-> chip, chip -CITES-> source:s
const CHAIN = doc(
  [
    node('mine:m', 'Mine'),
    node('ore', 'Product', { stage: 'ORE' }),
    node('plant:s', 'Plant'),
    node('steel', 'Product'),
    node('car', 'Product', { stage: 'FINISHED' }),
    node('supplier:cn', 'Supplier', { country: 'CN' }),
    node('chip', 'Part'),
    node('ecu', 'Part'),
    node('plant:r', 'Plant'),
    node('scrap', 'Product'),
    node('project:p', 'Project', { status: 'ACTIVE' }),
    node('source:s', 'Source'),
  ],
  [
    edge('EXTRACTS', 'mine:m', 'ore'),
    edge('FEEDS', 'ore', 'plant:s', { quantityPerUnit: 1.6 }),
    edge('PRODUCES', 'plant:s', 'steel'),
    edge('COMPONENT_OF', 'steel', 'car', { quantity: 0.9 }),
    edge('SUPPLIES', 'supplier:cn', 'chip'),
    edge('COMPONENT_OF', 'chip', 'ecu', { quantity: 12 }),
    edge('COMPONENT_OF', 'ecu', 'car', { quantity: 1 }),
    edge('FEEDS', 'steel', 'plant:r'),
    edge('PRODUCES', 'plant:r', 'scrap'),
    edge('FEEDS', 'scrap', 'plant:s', { quantityPerUnit: 0.2 }),
    edge('LOCALIZES', 'project:p', 'chip'),
    edge('CITES', 'chip', 'source:s'),
  ],
);

const WALK = `query ($id: ID!, $d: Int, $n: Int, $down: Boolean!) {
  up: upstream(id: $id, maxDepth: $d, maxNodes: $n) @skip(if: $down) { ...G }
  down: downstream(id: $id, maxDepth: $d, maxNodes: $n) @include(if: $down) { ...G }
}
fragment G on DependencyGraph { root { id } maxDepth truncated nodes { id depth kind } edges { type from to } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.load(CHAIN);
});
afterAll(async () => {
  await h.close();
});

async function walk(id: string, down: boolean, d?: number, n?: number) {
  const data = await h.query(WALK, { id, d, n, down });
  return down ? data.down : data.up;
}

const depths = (g: any) => Object.fromEntries(g.nodes.map((x: any) => [x.id, x.depth]));
const edgeSet = (g: any) => new Set(g.edges.map((e: any) => `${e.from}>${e.to}`));

describe('upstream', () => {
  it('finds everything the car depends on, at its fewest hops, through the cycle', async () => {
    const g = await walk('car', false, 6);
    expect(depths(g)).toEqual({
      car: 0,
      steel: 1,
      ecu: 1,
      'plant:s': 2,
      chip: 2,
      ore: 3,
      scrap: 3,
      'supplier:cn': 3,
      'mine:m': 4,
      'plant:r': 4,
    });
    // The ten chain edges; the walk reaches steel again from plant:r at hop 5 and stops there.
    expect(edgeSet(g)).toEqual(
      new Set(['steel>car', 'ecu>car', 'plant:s>steel', 'chip>ecu', 'ore>plant:s', 'scrap>plant:s', 'supplier:cn>chip', 'mine:m>ore', 'plant:r>scrap', 'steel>plant:r']),
    );
    expect(g.truncated).toBe(false);
    expect(g.nodes[0]).toEqual({ id: 'car', depth: 0, kind: 'PRODUCT' });
  });

  it('stops at maxDepth', async () => {
    const g = await walk('car', false, 2);
    expect(depths(g)).toEqual({ car: 0, steel: 1, ecu: 1, 'plant:s': 2, chip: 2 });
    expect(edgeSet(g)).toEqual(new Set(['steel>car', 'ecu>car', 'plant:s>steel', 'chip>ecu']));
    expect(g.maxDepth).toBe(2);
  });

  it('keeps the nearest nodes when maxNodes cuts the walk, and says so', async () => {
    // root, then hop 1 (ecu, steel), then hop 2 in name order: chip fits, plant:s does not.
    const g = await walk('car', false, 6, 4);
    expect(g.nodes.map((x: any) => x.id)).toEqual(['car', 'ecu', 'steel', 'chip']);
    expect(edgeSet(g)).toEqual(new Set(['steel>car', 'ecu>car', 'chip>ecu']));
    expect(g.truncated).toBe(true);
  });

  it('does not follow LOCALIZES, CITES or MENTIONS', async () => {
    const g = await walk('chip', false, 6);
    expect(depths(g)).toEqual({ chip: 0, 'supplier:cn': 1 });
  });
});

describe('downstream', () => {
  it('finds what stops if the ore stops, through the cycle', async () => {
    const g = await walk('ore', true, 8);
    expect(depths(g)).toEqual({ ore: 0, 'plant:s': 1, steel: 2, car: 3, 'plant:r': 3, scrap: 4 });
    expect(edgeSet(g)).toEqual(new Set(['ore>plant:s', 'plant:s>steel', 'steel>car', 'steel>plant:r', 'plant:r>scrap', 'scrap>plant:s']));
  });
});

describe('bad requests', () => {
  it('answers NOT_FOUND for an unknown id', async () => {
    const res = await h.gql(`{ upstream(id: "nope") { truncated } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0]?.message).toMatch(/nope/);
  });

  it('answers BAD_USER_INPUT for a maxDepth above the cap, before touching the database', async () => {
    const res = await h.gql(`{ downstream(id: "ore", maxDepth: ${h.config.limits.maxDepth + 1}) { truncated } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/maxDepth must be between 1 and/);
  });

  it('answers BAD_USER_INPUT for maxNodes 0', async () => {
    const res = await h.gql(`{ upstream(id: "car", maxNodes: 0) { truncated } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

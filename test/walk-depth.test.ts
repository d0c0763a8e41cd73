// Walks and exports that tell the truth about depth, on the seed graph: the copper mines lie 13
// hops up from the Peugeot Pars, the outer body panels 16 hops down from Gol-e-Gohar. The
// expected depths were worked out with a breadth-first search in Python over seed/*.json.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../src/io/seed.js';
import { startHarness, type Harness } from './helpers/harness.js';

const COPPER_MINES = ['mine:chahar-gonbad', 'mine:darehzar', 'mine:miduk', 'mine:sarcheshmeh', 'mine:sungun'];

const WALK = `query ($id: ID!, $d: Int, $n: Int, $down: Boolean!) {
  up: upstream(id: $id, maxDepth: $d, maxNodes: $n) @skip(if: $down) { ...G }
  down: downstream(id: $id, maxDepth: $d, maxNodes: $n) @include(if: $down) { ...G }
}
fragment G on DependencyGraph { maxDepth truncated depthLimited nodesAtNextDepth nodesBeyondDepth graphVersion nodes { id depth } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedIfEmpty(h.db, 'default');
});
afterAll(async () => {
  await h.close();
});

async function walk(id: string, down: boolean, d?: number, n?: number) {
  const data = await h.query(WALK, { id, d, n, down });
  return down ? data.down : data.up;
}

const depthOf = (g: any) => new Map<string, number>(g.nodes.map((x: any) => [x.id, x.depth]));

describe('walks say when maxDepth left nodes out', () => {
  it('upstream of the Peugeot Pars reaches the five copper mines at 13 hops when allowed', async () => {
    const g = await walk('product:peugeot-pars', false, 30);
    const depths = depthOf(g);
    for (const mine of COPPER_MINES) expect(depths.get(mine), mine).toBe(13);
    // 290: issue 14 added one chain node upstream, KFCC (a sanctioned Chinese electrode maker).
    expect(g.nodes).toHaveLength(290);
    expect(depths.has('supplier:cn-kfcc')).toBe(true);
    expect(g.depthLimited).toBe(false);
    expect(g.nodesAtNextDepth).toBe(0);
    expect(g.truncated).toBe(false);
  });

  it('at maxDepth 12 it leaves the mines out and says so: 7 nodes lie at depth 13', async () => {
    const g = await walk('product:peugeot-pars', false, 12);
    const depths = depthOf(g);
    for (const mine of COPPER_MINES) expect(depths.has(mine), mine).toBe(false);
    expect(g.nodes).toHaveLength(283);
    expect(g.depthLimited).toBe(true);
    expect(g.nodesAtNextDepth).toBe(7);
    expect(g.nodesBeyondDepth).toBe(7);
    expect(g.truncated).toBe(false);
  });

  it('downstream of Gol-e-Gohar reaches the outer body panels at 16 hops; at 12 it says more lie beyond', async () => {
    const whole = await walk('mine:gol-e-gohar', true, 16);
    const depths = depthOf(whole);
    expect(depths.get('product:cold-rolled-coil')).toBe(13);
    expect(depths.get('part:seat')).toBe(14);
    expect(depths.get('product:galvanized-sheet')).toBe(15);
    expect(depths.get('part:outer-body-panels')).toBe(16);
    expect(whole.depthLimited).toBe(false);
    const cut = await walk('mine:gol-e-gohar', true, 12);
    expect(cut.depthLimited).toBe(true);
    // mill rolls and cold-rolled coil lie at depth 13; seats and the galvanizing line at 14,
    // galvanized sheet at 15, outer body panels at 16.
    expect(cut.nodesAtNextDepth).toBe(2);
    expect(cut.nodesBeyondDepth).toBe(6);
    expect(depthOf(cut).has('part:outer-body-panels')).toBe(false);
  });

  it('accepts a maxDepth of 20 (the seed is 16 hops deep at most)', async () => {
    const g = await walk('part:outer-body-panels', false, 20);
    expect(g.maxDepth).toBe(20);
    expect(g.depthLimited).toBe(false);
  });

  it('a walk cut by maxNodes says truncated, and still says what lies beyond maxDepth', async () => {
    const cut = await walk('product:peugeot-pars', false, 12, 50);
    expect(cut.truncated).toBe(true);
    expect(cut.nodes).toHaveLength(50);
    expect(cut).toMatchObject({ depthLimited: true, nodesAtNextDepth: 7, nodesBeyondDepth: 7 });
    const whole = await walk('product:peugeot-pars', false, 13, 50);
    expect(whole).toMatchObject({ truncated: true, depthLimited: false, nodesBeyondDepth: 0 });
  });

  it('refuses a maxDepth above the cap, naming the cap', async () => {
    const res = await h.gql(`{ upstream(id: "product:peugeot-pars", maxDepth: ${h.config.limits.maxDepth + 1}) { depthLimited } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain(`between 1 and ${h.config.limits.maxDepth}`);
  });
});

describe('exports say when maxDepth left nodes out', () => {
  it('in the GraphQL answer and in the download headers', async () => {
    const cut = await h.query(`{ exportGraph(format: JSON, rootId: "product:peugeot-pars", maxDepth: 12) { records depthLimited nodesAtNextDepth } }`);
    expect(cut.exportGraph).toMatchObject({ depthLimited: true, nodesAtNextDepth: 7 });
    const whole = await h.query(`{ exportGraph(format: JSON, rootId: "product:peugeot-pars", maxDepth: 13) { depthLimited nodesAtNextDepth } }`);
    expect(whole.exportGraph).toEqual({ depthLimited: false, nodesAtNextDepth: 0 });
    const res = await fetch(`${h.server.url}/export/cypher?root=mine:gol-e-gohar&direction=downstream&depth=12`);
    expect(res.headers.get('zanjir-depth-limited')).toBe('true');
    expect(res.headers.get('zanjir-nodes-at-next-depth')).toBe('2');
    expect(await res.text()).toContain('// Cut: 2 more nodes lie at depth 13, beyond maxDepth 12');
  });
});

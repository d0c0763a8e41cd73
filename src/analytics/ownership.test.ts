import { describe, expect, it } from 'vitest';
import { backersOf, controlledBy, holdings, reachOf, type OwnershipGraph } from './ownership.js';
import { e, n } from './test-graphs.js';

const close = (x: number) => expect.closeTo(x, 12);

// A holds 60% of B and 50% of C; B and C hold each other (30% and 20%), C holds 80% of D, and
// B holds 10% of A: two cycles. D owns plant:x outright (no share given). A operates mine:m,
// B operates plant:y, supplier:s is C.
const graph: OwnershipGraph = {
  nodes: new Map(
    [n('A', 'Organization'), n('B', 'Organization'), n('C', 'Organization'), n('D', 'Organization'), n('plant:x', 'Plant'), n('plant:y', 'Plant'), n('mine:m', 'Mine'), n('supplier:s', 'Supplier')].map(
      (x) => [x.id, x],
    ),
  ),
  edges: [
    e('OWNS', 'A', 'B', { share: 0.6 }),
    e('OWNS', 'A', 'C', { share: 0.5 }),
    e('OWNS', 'B', 'C', { share: 0.3 }),
    e('OWNS', 'C', 'B', { share: 0.2 }),
    e('OWNS', 'C', 'D', { share: 0.8 }),
    e('OWNS', 'B', 'A', { share: 0.1 }),
    e('OWNS', 'D', 'plant:x'),
    e('OPERATES', 'A', 'mine:m'),
    e('OPERATES', 'B', 'plant:y'),
    e('IS', 'supplier:s', 'C'),
  ],
};

describe('holdings through ownership chains', () => {
  it('multiplies shares along each simple chain and adds the chains, never going round a cycle', () => {
    // Chains from A, worked by hand:
    //   B: A→B 0.6, A→C→B 0.5×0.2 = 0.1                  → 0.7  (2 chains)
    //   C: A→C 0.5, A→B→C 0.6×0.3 = 0.18                 → 0.68 (2 chains)
    //   D: A→C→D 0.5×0.8 = 0.4, A→B→C→D 0.18×0.8 = 0.144 → 0.544
    //   plant:x: D's chains × 1 (no share given: counted as 1, not exact) → 0.544, 3 hops at the nearest
    // B→A and C→B / B→C would revisit a node on the chain: not followed.
    const r = holdings(graph, 'A');
    expect(r.cyclic).toBe(true);
    expect(r.truncated).toBe(false);
    expect(r.holdings).toEqual([
      { nodeId: 'B', effectiveShare: close(0.7), depth: 1, paths: 2, via: ['A', 'B'], controlled: true, exact: true },
      { nodeId: 'C', effectiveShare: close(0.68), depth: 1, paths: 2, via: ['A', 'C'], controlled: false, exact: true },
      { nodeId: 'D', effectiveShare: close(0.544), depth: 2, paths: 2, via: ['A', 'C', 'D'], controlled: false, exact: true },
      { nodeId: 'plant:x', effectiveShare: close(0.544), depth: 3, paths: 2, via: ['A', 'C', 'D', 'plant:x'], controlled: false, exact: false },
    ]);
  });

  it('stops at maxDepth and says when the path budget ran out', () => {
    expect(holdings(graph, 'A', { maxDepth: 1 }).holdings.map((h) => [h.nodeId, h.effectiveShare])).toEqual([
      ['B', 0.6],
      ['C', 0.5],
    ]);
    const cut = holdings(graph, 'A', { maxPaths: 2 });
    expect(cut.truncated).toBe(true);
  });

  it('a holding seen from the other side of the cycle: B holds A 0.1, C 0.3 + 0.1×0.5 …', () => {
    // From B: A 0.1 (B→A); C: B→C 0.3 + B→A→C 0.1×0.5 = 0.35; D: 0.35 × 0.8 = 0.28.
    const r = holdings(graph, 'B');
    const byId = Object.fromEntries(r.holdings.map((h) => [h.nodeId, h.effectiveShare]));
    expect(byId).toEqual({ A: close(0.1), C: close(0.35), D: close(0.28), 'plant:x': close(0.28) });
  });
});

describe('control and reach', () => {
  it('controls through majority chains only', () => {
    expect([...controlledBy(graph, 'A')].sort()).toEqual(['A', 'B']);
    expect([...controlledBy(graph, 'C')].sort()).toEqual(['C', 'D']);
  });

  it('reaches the sites it or its controlled companies operate or hold, and the suppliers that are them', () => {
    expect([...reachOf(graph, 'A')].sort()).toEqual(['mine:m', 'plant:y']);
    expect([...reachOf(graph, 'C')].sort()).toEqual(['plant:x', 'supplier:s']);
  });

  it('rolls nodes up to the organisations behind them', () => {
    expect(backersOf(graph, ['plant:x', 'supplier:s', 'mine:m'])).toEqual([
      { organizationId: 'C', nodeIds: ['plant:x', 'supplier:s'], direct: true },
      { organizationId: 'A', nodeIds: ['mine:m'], direct: true },
      { organizationId: 'D', nodeIds: ['plant:x'], direct: true },
    ]);
  });
});

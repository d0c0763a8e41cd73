// The engine against independent references, and a refreshed engine against a fresh build.
//   - Import content on acyclic graphs equals a plain recursion over the reference supply model,
//     and on cyclic ones the dense solve of (I − B) t = m (Gaussian elimination).
//   - Chokepoints and chain balance equal the record-based references.
//   - After any random sequence of edits (nodes added, changed, deleted; edges added, changed,
//     deleted), the engine that applied each write's delta in place answers exactly what an
//     engine built fresh from the same records answers.

import { describe, expect, it } from 'vitest';
import { chainGraph, type ChainGraph } from '../../src/model/graph.js';
import { edgeKey, type EdgeRecord, type NodeRecord } from '../../src/model/records.js';
import { applyChange, engineOf, finishBuild } from '../../src/analytics/engine.js';
import type { GraphDelta, GraphSnapshot, SnapshotEdgeInput, SnapshotNodeInput } from '../../src/analytics/graph-snapshot.js';
import { importContent } from '../../src/analytics/import-content.js';
import { chokepoints, disruption } from '../../src/analytics/disruption.js';
import { chainBalance } from '../../src/analytics/chain-balance.js';
import { forEachSource } from '../../src/analytics/supply-model.js';
import { e, n } from '../../src/analytics/test-graphs.js';
import { SupplyModel } from './supply.js';
import { chokepoints as referenceChokepoints } from './disruption.js';
import { chainBalance as referenceBalance } from './chain-balance.js';
import { prng, randomChain } from './random-chains.js';

const items = (g: ChainGraph) => [...g.nodes.values()].filter((x) => x.kind === 'Product' || x.kind === 'Part').map((x) => x.id);

/** t by direct recursion over an acyclic graph, on the reference supply model. */
function recursiveT(model: SupplyModel, id: string, memo = new Map<string, number>()): number {
  const known = memo.get(id);
  if (known !== undefined) return known;
  const supply = model.supplyOf(id);
  let t = supply.directImportShare;
  for (const source of supply.sources) {
    if (source.foreign) continue;
    for (const line of model.recipeOf(id, source)) t += source.weight * line.coefficient * recursiveT(model, line.itemId, memo);
  }
  memo.set(id, t);
  return t;
}

/** t = (I − B)⁻¹ m for every item, by Gaussian elimination with partial pivoting on the reference model. */
function denseT(graph: ChainGraph): Map<string, number> {
  const model = new SupplyModel(graph);
  const ids = items(graph);
  const at = new Map(ids.map((id, i) => [id, i]));
  const size = ids.length;
  const a = ids.map(() => new Array<number>(size + 1).fill(0));
  ids.forEach((id, i) => {
    a[i]![i] = 1;
    const supply = model.supplyOf(id);
    a[i]![size] = supply.directImportShare;
    for (const source of supply.sources) {
      if (source.foreign) continue;
      for (const line of model.recipeOf(id, source)) {
        const j = at.get(line.itemId);
        if (j !== undefined) a[i]![j]! -= source.weight * line.coefficient;
      }
    }
  });
  for (let c = 0; c < size; c += 1) {
    let p = c;
    for (let r = c + 1; r < size; r += 1) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]!;
    if (Math.abs(pivot) < 1e-14) continue; // a loop that feeds itself whole: no unique solution
    for (let r = 0; r < size; r += 1) {
      if (r === c) continue;
      const f = a[r]![c]! / pivot;
      if (f === 0) continue;
      for (let k = c; k <= size; k += 1) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return new Map(ids.map((id, i) => [id, a[i]![size]! / a[i]![i]!]));
}

function acyclic(graph: ChainGraph): boolean {
  const out = new Map<string, string[]>();
  for (const x of graph.edges) out.set(x.from, [...(out.get(x.from) ?? []), x.to]);
  const state = new Map<string, number>();
  const visit = (v: string): boolean => {
    if (state.get(v) === 1) return false;
    if (state.get(v) === 2) return true;
    state.set(v, 1);
    for (const w of out.get(v) ?? []) if (!visit(w)) return false;
    state.set(v, 2);
    return true;
  };
  return [...graph.nodes.keys()].every(visit);
}

describe('import content on the engine', () => {
  it('equals a direct recursion on acyclic graphs and the dense solve of (I − B) t = m on any', () => {
    let acyclicSeen = 0;
    for (let seed = 1; seed <= 150; seed += 1) {
      const graph = randomChain(seed);
      const snap = engineOf(graph);
      const dense = denseT(graph);
      const flat = acyclic(graph);
      if (flat) acyclicSeen += 1;
      const model = new SupplyModel(graph);
      for (const id of items(graph)) {
        const r = importContent(snap, id);
        if (!r.converged) continue;
        const expected = dense.get(id)!;
        if (Number.isFinite(expected)) expect(r.totalImportContent, `seed ${seed} ${id}`).toBeCloseTo(expected, 9);
        if (flat) expect(Math.abs(r.totalImportContent - recursiveT(model, id)), `seed ${seed} ${id}`).toBeLessThan(1e-12);
      }
    }
    expect(acyclicSeen).toBeGreaterThan(3);
  });
});

describe('chokepoints and chain balance on the engine', () => {
  it('equal the record-based references', () => {
    for (let seed = 1; seed <= 120; seed += 1) {
      const graph = randomChain(seed);
      const snap = engineOf(graph);
      for (const id of items(graph).slice(0, 4)) {
        for (const minImpact of [1, 0.3]) {
          const got = chokepoints(snap, id, minImpact);
          const expected = referenceChokepoints(graph, id, minImpact);
          const impactOf = new Map(expected.map((c) => [c.nodeId, c.impact]));
          expect(new Set(got.map((c) => c.nodeId)), `seed ${seed} ${id} ${minImpact}`).toEqual(new Set(impactOf.keys()));
          for (const c of got) expect(c.impact).toBeCloseTo(impactOf.get(c.nodeId)!, 10);
        }
      }
      const rows = chainBalance(snap);
      const reference = new Map(referenceBalance(graph).map((r) => [r.itemId, r]));
      expect(rows.length).toBe(reference.size);
      for (const r of rows) {
        const x = reference.get(r.itemId)!;
        expect(r.homeCapacity).toBeCloseTo(x.homeCapacity, 9);
        expect(r.imports).toBeCloseTo(x.imports, 9);
        expect(r.demand, `seed ${seed} ${r.itemId}`).toBeCloseTo(x.demand, 9);
        expect([...r.missing].sort()).toEqual([...x.missing].sort());
      }
    }
  });
});

// ----- a refreshed engine equals a fresh build -------------------------------------------------

/** The records as a database would hold them, with what each write touched. */
class Records {
  readonly nodes = new Map<string, NodeRecord>();
  readonly edges = new Map<string, EdgeRecord>();
  touchedNodes = new Set<string>();
  touchedPairs = new Map<string, { from: string; to: string }>();

  constructor(graph: ChainGraph) {
    for (const x of graph.nodes.values()) this.nodes.set(x.id, { ...x });
    for (const x of graph.edges) this.edges.set(edgeKey(x), { ...x });
  }

  graph(): ChainGraph {
    return chainGraph(this.nodes.values(), this.edges.values(), 'IR');
  }

  putNode(node: NodeRecord): void {
    this.nodes.set(node.id, node);
    this.touchedNodes.add(node.id);
  }

  deleteNode(id: string): void {
    this.nodes.delete(id);
    this.touchedNodes.add(id);
    // DETACH DELETE: the write touches the node; its edges go with it.
    for (const [k, x] of this.edges) if (x.from === id || x.to === id) this.edges.delete(k);
  }

  putEdge(edge: EdgeRecord): void {
    if (!this.nodes.has(edge.from) || !this.nodes.has(edge.to)) return;
    this.edges.set(edgeKey(edge), edge);
    this.touchPair(edge.from, edge.to);
  }

  deleteEdge(edge: EdgeRecord): void {
    this.edges.delete(edgeKey(edge));
    this.touchPair(edge.from, edge.to);
  }

  private touchPair(from: string, to: string): void {
    this.touchedPairs.set(`${from}\u0000${to}`, { from, to });
  }

  /** What the change feed hands the engine: the current rows of everything touched since the last delta. */
  delta(version: number): GraphDelta {
    const nodes = [...this.touchedNodes].filter((id) => this.nodes.has(id)).map((id) => this.nodes.get(id)! as unknown as SnapshotNodeInput);
    const removedNodes = [...this.touchedNodes].filter((id) => !this.nodes.has(id));
    const pairs = [...this.touchedPairs.values()].map((p) => ({ ...p, edges: [...this.edges.values()].filter((x) => x.from === p.from && x.to === p.to) as unknown as SnapshotEdgeInput[] }));
    this.touchedNodes = new Set();
    this.touchedPairs = new Map();
    return { version, nodes, removedNodes, pairs };
  }
}

function randomEdit(records: Records, rand: () => number, step: number): void {
  const pick = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[Math.floor(rand() * xs.length)] : undefined);
  const nodeIds = [...records.nodes.keys()];
  const itemIds = nodeIds.filter((id) => ['Product', 'Part'].includes(records.nodes.get(id)!.kind));
  const edges = [...records.edges.values()];
  const r = rand();
  if (r < 0.15) {
    const id = pick(itemIds);
    if (id) records.putNode({ ...records.nodes.get(id)!, unitValueUsd: 1 + Math.floor(rand() * 200), ...(rand() < 0.3 ? { stage: 'FINISHED' } : {}) });
  } else if (r < 0.25) {
    const id = pick(nodeIds.filter((x) => !itemIds.includes(x)));
    if (id) records.putNode({ ...records.nodes.get(id)!, country: pick(['CN', 'IR', 'DE', 'TR'])! });
  } else if (r < 0.35) {
    const kind = pick(['Mine', 'Plant', 'Supplier', 'Product', 'Part'] as const)!;
    const id = `new:${step}`;
    records.putNode(n(id, kind, kind === 'Supplier' ? { country: pick(['CN', 'IR'])! } : {}));
    const item = pick(itemIds);
    if (item && kind !== 'Product' && kind !== 'Part') records.putEdge(e(kind === 'Mine' ? 'EXTRACTS' : kind === 'Plant' ? 'PRODUCES' : 'SUPPLIES', id, item, rand() < 0.5 ? { share: rand() } : {}));
    if (item && (kind === 'Product' || kind === 'Part')) records.putEdge(e('COMPONENT_OF', id, item, { quantity: 2 }));
  } else if (r < 0.45) {
    const id = pick(nodeIds);
    if (id) records.deleteNode(id);
  } else if (r < 0.6) {
    const x = pick(edges);
    if (x) records.deleteEdge(x);
  } else if (r < 0.8) {
    const x = pick(edges);
    if (!x) return;
    const changed = { ...x } as Record<string, unknown>;
    for (const p of ['share', 'capacityTpy', 'volumePerYear', 'quantityPerUnit', 'quantity', 'valueShare']) {
      if (p in changed && rand() < 0.5) changed[p] = rand() < 0.2 ? undefined : rand() * 10;
    }
    if (x.type === 'SUPPLIES' && rand() < 0.3) changed.originCountry = pick(['CN', 'IR', 'AE']);
    records.putEdge(JSON.parse(JSON.stringify(changed)) as EdgeRecord);
  } else {
    const from = pick(itemIds);
    const plant = pick(nodeIds.filter((id) => records.nodes.get(id)!.kind === 'Plant'));
    if (from && plant && rand() < 0.5) records.putEdge(e('FEEDS', from, plant, { quantityPerUnit: rand() * 3, ...(rand() < 0.3 ? { output: pick(itemIds)! } : {}) }));
    else if (from) {
      const to = pick(itemIds);
      if (to && to !== from) records.putEdge(e('COMPONENT_OF', from, to, rand() < 0.7 ? { quantity: 1 + Math.floor(rand() * 3) } : {}));
    }
  }
}

const byKey = (xs: Iterable<EdgeRecord>) => [...xs].map((x) => JSON.stringify(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))).sort();

/** Every answer a refreshed engine gives must be a fresh build's. */
function expectSameEngine(refreshed: GraphSnapshot, fresh: GraphSnapshot, label: string): void {
  const a = refreshed.wholeGraph();
  const b = fresh.wholeGraph();
  expect(new Map([...a.nodes].sort()), label).toEqual(new Map([...b.nodes].sort()));
  expect(byKey(a.edges), label).toEqual(byKey(b.edges));
  for (const id of a.nodes.keys()) {
    const u = refreshed.index.get(id)!;
    const v = fresh.index.get(id)!;
    expect(refreshed.m[u], `${label} m of ${id}`).toBeCloseTo(fresh.m[v]!, 12);
    expect(refreshed.supplyFlags[u], `${label} flags of ${id}`).toBe(fresh.supplyFlags[v]);
    const weights = (s: GraphSnapshot, x: number) => {
      const out: string[] = [];
      forEachSource(s, x, (edge, w, foreign) => out.push(`${edge >= 0 ? edgeKey(s.edgeRecord(edge)) : 'assembly'} ${w.toFixed(12)} ${foreign}`));
      return out.sort();
    };
    expect(weights(refreshed, u), `${label} sources of ${id}`).toEqual(weights(fresh, v));
  }
  for (const id of [...a.nodes.values()].filter((x) => x.kind === 'Product' || x.kind === 'Part').map((x) => x.id)) {
    const x = importContent(refreshed, id);
    const y = importContent(fresh, id);
    expect(x.totalImportContent, `${label} t of ${id}`).toBeCloseTo(y.totalImportContent, 12);
    expect(new Set(x.contributions.map((c) => c.itemId))).toEqual(new Set(y.contributions.map((c) => c.itemId)));
    expect(x.assumptions.map((z) => z.message).sort()).toEqual(y.assumptions.map((z) => z.message).sort());
  }
  for (const scenario of [{ countries: ['CN'] }, { allImports: true }]) {
    const x = disruption(refreshed, scenario);
    const y = disruption(fresh, scenario);
    const lossOf = new Map(y.losses.map((l) => [l.itemId, l.loss]));
    expect(new Set(x.losses.map((l) => l.itemId)), label).toEqual(new Set(lossOf.keys()));
    for (const l of x.losses) expect(l.loss).toBeCloseTo(lossOf.get(l.itemId)!, 12);
    expect(x.removedSources).toEqual(y.removedSources);
  }
  expect(chainBalance(refreshed).map((r) => [r.itemId, r.demand.toFixed(9), r.homeCapacity.toFixed(9)]).sort()).toEqual(chainBalance(fresh).map((r) => [r.itemId, r.demand.toFixed(9), r.homeCapacity.toFixed(9)]).sort());
}

describe('an engine refreshed by deltas', () => {
  it('answers, after any random sequence of edits, what a fresh build of the same records answers', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const rand = prng(seed * 31);
      const records = new Records(randomChain(seed));
      let snap = engineOf(records.graph(), 1);
      for (let round = 1; round <= 8; round += 1) {
        const edits = 1 + Math.floor(rand() * 5);
        for (let k = 0; k < edits; k += 1) randomEdit(records, rand, round * 10 + k);
        snap = applyChange(snap, records.delta(round + 1)).snapshot;
        expectSameEngine(snap, engineOf(records.graph(), round + 1), `seed ${seed} round ${round}`);
      }
      // A compaction keeps every answer.
      expectSameEngine(finishBuild(snap.compacted()), engineOf(records.graph()), `seed ${seed} compacted`);
    }
  });

  it('works a hand-made change: a second Chinese supplier halves steel’s loss from a Turkish cut-off', () => {
    const graph = chainGraph(
      [n('steel', 'Product', { unitValueUsd: 500 }), n('supplier:tr', 'Supplier', { country: 'TR' }), n('plant:home', 'Plant')],
      [e('SUPPLIES', 'supplier:tr', 'steel', { volumePerYear: 100 }), e('PRODUCES', 'plant:home', 'steel', { capacityTpy: 100 })],
      'IR',
    );
    let snap = engineOf(graph, 1);
    // Half the steel is Turkish: a Turkish cut-off loses 0.5.
    expect(disruption(snap, { countries: ['TR'] }).losses).toEqual([{ itemId: 'steel', loss: 0.5 }]);
    // The home plant doubles: 200 of 300 t now home-made, so a Turkish cut-off loses 1/3.
    snap = applyChange(snap, { version: 2, nodes: [], removedNodes: [], pairs: [{ from: 'plant:home', to: 'steel', edges: [{ type: 'PRODUCES', from: 'plant:home', to: 'steel', capacityTpy: 200 }] }] }).snapshot;
    expect(disruption(snap, { countries: ['TR'] }).losses[0]!.loss).toBeCloseTo(1 / 3, 12);
    expect(snap.m[snap.index.get('steel')!]).toBeCloseTo(1 / 3, 12);
    // The Turkish supplier is deleted: nothing Turkish is left to lose.
    snap = applyChange(snap, { version: 3, nodes: [], removedNodes: ['supplier:tr'], pairs: [] }).snapshot;
    expect(disruption(snap, { countries: ['TR'] }).losses).toEqual([]);
    expect(snap.version).toBe(3);
    expect(snap.edgeCount).toBe(1);
  });
});

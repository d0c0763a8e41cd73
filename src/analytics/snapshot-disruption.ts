// Disruption on a GraphSnapshot, for the whole graph at once (DOMAIN.md, Disruption): the same
// supply model as src/model/supply.ts (source weights: shares, else capacities and volumes, else
// equal; origins; a plant's recipe is its FEEDS for that output, else the item's bill of
// materials), compiled once per snapshot into typed arrays, and the least fixed point of the
// losses found with a worklist that only visits what a loss reaches. Cost follows the part of the
// graph the scenario touches, not the whole graph; disruption.ts stays the reference it is tested
// against.

import { FINISHED_STAGE, KIND, TYPE, type GraphSnapshot } from './graph-snapshot.js';
import type { DisruptionReport, DisruptionScenario } from './disruption.js';
import { rankKey } from './rank.js';

/** Per item, its supply sources; per source, the item inputs of its recipe. CSR throughout. */
export interface SupplyPlan {
  /** Item i's sources are s in srcStart[i] .. srcStart[i+1]. */
  srcStart: Int32Array;
  /** The source node, or -1 for the implicit home assembly. */
  srcNode: Int32Array;
  /** The source edge, or -1 for the implicit home assembly. */
  srcEdge: Int32Array;
  srcWeight: Float64Array;
  /** Origin country code (the snapshot's country table). */
  srcOrigin: Int32Array;
  srcForeign: Uint8Array;
  /** Recipe inputs (items) of source s: recInput[recStart[s] .. recStart[s+1]]. */
  recStart: Int32Array;
  recInput: Int32Array;
  /** Items whose loss depends on item j: dependents of j through some recipe. */
  depStart: Int32Array;
  dep: Int32Array;
  /** The nodes in id order (localeCompare), for the report's tie-break. */
  byId: Int32Array;
}

const EPS = 1e-9;
const TOLERANCE = 1e-12;
/** A change smaller than this is not propagated: far below what the report can show. */
const PROPAGATE = 1e-15;

export function supplyPlan(snap: GraphSnapshot): SupplyPlan {
  const cached = snap.derived.get('supplyPlan') as SupplyPlan | undefined;
  if (cached) return cached;
  const n = snap.nodeCount;
  const { start: inStart, edge: inEdge } = snap.inAdj;
  const srcStart = new Int32Array(n + 1);
  const srcNode: number[] = [];
  const srcEdge: number[] = [];
  const srcWeight: number[] = [];
  const srcOrigin: number[] = [];
  const srcForeign: number[] = [];
  const recStart: number[] = [0];
  const recInput: number[] = [];
  const home = snap.homeCode;
  const isSource = (t: number) => t === TYPE.EXTRACTS || t === TYPE.PRODUCES || t === TYPE.SUPPLIES;
  const sourceEdges: number[] = [];
  const lines: number[] = [];

  for (let i = 0; i < n; i += 1) {
    srcStart[i] = srcNode.length;
    if (!snap.isItem(i)) continue;
    sourceEdges.length = 0;
    let hasBom = false;
    for (let k = inStart[i]!; k < inStart[i + 1]!; k += 1) {
      const e = inEdge[k]!;
      const t = snap.eType[e]!;
      if (isSource(t)) sourceEdges.push(e);
      else if (t === TYPE.COMPONENT_OF) hasBom = true;
    }
    if (sourceEdges.length === 0) {
      if (hasBom) {
        // The implicit home assembly: weight 1, its recipe the bill of materials.
        srcNode.push(-1);
        srcEdge.push(-1);
        srcWeight.push(1);
        srcOrigin.push(home);
        srcForeign.push(0);
        bomInputs(snap, i, recInput);
        recStart.push(recInput.length);
      }
      continue;
    }
    const weights = sourceWeights(snap, sourceEdges);
    sourceEdges.forEach((e, k) => {
      const from = snap.eFrom[e]!;
      const origin = snap.eType[e] === TYPE.SUPPLIES && snap.eOrigin[e]! >= 0 ? snap.eOrigin[e]! : snap.country[from]! >= 0 ? snap.country[from]! : home;
      const foreign = origin !== home;
      srcNode.push(from);
      srcEdge.push(e);
      srcWeight.push(weights[k]!);
      srcOrigin.push(origin);
      srcForeign.push(foreign ? 1 : 0);
      if (!foreign && snap.kind[from] !== KIND.Mine) {
        // A plant's recipe: the FEEDS into it for this output (or for all); else the item's BOM.
        lines.length = 0;
        if (snap.kind[from] === KIND.Plant) {
          for (let q = inStart[from]!; q < inStart[from + 1]!; q += 1) {
            const f = inEdge[q]!;
            if (snap.eType[f] === TYPE.FEEDS && (snap.eOutput[f] === -1 || snap.eOutput[f] === i)) lines.push(snap.eFrom[f]!);
          }
        }
        if (lines.length > 0) for (const j of lines) { if (snap.isItem(j)) recInput.push(j); }
        else bomInputs(snap, i, recInput);
      }
      recStart.push(recInput.length);
    });
  }
  srcStart[n] = srcNode.length;

  // Dependents: item i depends on input j when j is in the recipe of one of i's sources.
  const recStartArr = Int32Array.from(recStart);
  const recInputArr = Int32Array.from(recInput);
  const depCount = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) {
    for (let s = srcStart[i]!; s < srcStart[i + 1]!; s += 1) for (let r = recStartArr[s]!; r < recStartArr[s + 1]!; r += 1) depCount[recInputArr[r]! + 1]! += 1;
  }
  for (let v = 0; v < n; v += 1) depCount[v + 1]! += depCount[v]!;
  const depStart = depCount.slice();
  const fill = depCount.slice(0, n);
  const dep = new Int32Array(depStart[n]!);
  for (let i = 0; i < n; i += 1) {
    for (let s = srcStart[i]!; s < srcStart[i + 1]!; s += 1) for (let r = recStartArr[s]!; r < recStartArr[s + 1]!; r += 1) dep[fill[recInputArr[r]!]!++] = i;
  }

  const collator = new Intl.Collator();
  const byId = Int32Array.from(Array.from({ length: n }, (_, v) => v).sort((a, b) => collator.compare(snap.ids[a]!, snap.ids[b]!)));

  const plan: SupplyPlan = {
    srcStart,
    srcNode: Int32Array.from(srcNode),
    srcEdge: Int32Array.from(srcEdge),
    srcWeight: Float64Array.from(srcWeight),
    srcOrigin: Int32Array.from(srcOrigin),
    srcForeign: Uint8Array.from(srcForeign),
    recStart: recStartArr,
    recInput: recInputArr,
    depStart,
    dep,
    byId,
  };
  snap.derived.set('supplyPlan', plan);
  return plan;
}

function bomInputs(snap: GraphSnapshot, item: number, out: number[]): void {
  const { start, edge } = snap.inAdj;
  for (let k = start[item]!; k < start[item + 1]!; k += 1) {
    const e = edge[k]!;
    if (snap.eType[e] === TYPE.COMPONENT_OF && snap.isItem(snap.eFrom[e]!)) out.push(snap.eFrom[e]!);
  }
}

/** SupplyModel.weights, on the snapshot: shares, else capacities and volumes, else equal. */
function sourceWeights(snap: GraphSnapshot, edges: readonly number[]): number[] {
  if (edges.length === 1) return [1];
  if (edges.every((e) => !Number.isNaN(snap.eShare[e]!))) {
    const sum = edges.reduce((a, e) => a + snap.eShare[e]!, 0);
    if (sum > EPS) return edges.map((e) => snap.eShare[e]! / sum);
  }
  if (edges.every((e) => !Number.isNaN(snap.eAmount[e]!))) {
    const sum = edges.reduce((a, e) => a + snap.eAmount[e]!, 0);
    if (sum > EPS) return edges.map((e) => snap.eAmount[e]! / sum);
  }
  return edges.map(() => 1 / edges.length);
}

export interface SnapshotDisruption extends DisruptionReport {
  /** Node indexes of the losses, in report order (for callers that want the snapshot's names). */
  lossNodes: Int32Array;
}

/** Losses of every item under the scenario: the answer of disruption() on the whole graph. */
export function disruptionOnSnapshot(snap: GraphSnapshot, scenario: DisruptionScenario): SnapshotDisruption {
  const plan = supplyPlan(snap);
  const n = snap.nodeCount;
  const removedNode = new Uint8Array(n);
  for (const id of scenario.nodeIds ?? []) {
    const v = snap.index.get(id);
    if (v !== undefined) removedNode[v] = 1;
  }
  const removedCountry = new Set<number>();
  for (const c of scenario.countries ?? []) {
    const code = snap.countries.indexOf(c);
    if (code >= 0) removedCountry.add(code);
    else if (c === snap.homeCountry) removedCountry.add(snap.homeCode);
  }
  const allImports = scenario.allImports === true;
  const isSite = (v: number) => snap.kind[v] === KIND.Mine || snap.kind[v] === KIND.Plant || snap.kind[v] === KIND.Supplier;
  const countryOf = (v: number) => (snap.country[v]! >= 0 ? snap.country[v]! : snap.homeCode);

  // Which sources are cut, and the loss each item starts from.
  const sourceCount = plan.srcNode.length;
  const cut = new Uint8Array(sourceCount);
  const loss = new Float64Array(n);
  const queued = new Uint8Array(n);
  const queue: number[] = [];
  const enqueue = (i: number) => {
    if (!queued[i]) {
      queued[i] = 1;
      queue.push(i);
    }
  };
  for (let i = 0; i < n; i += 1) {
    if (!snap.isItem(i)) continue;
    if (removedNode[i]) {
      loss[i] = 1;
      for (let d = plan.depStart[i]!; d < plan.depStart[i + 1]!; d += 1) enqueue(plan.dep[d]!);
      continue;
    }
    let anyCut = false;
    for (let s = plan.srcStart[i]!; s < plan.srcStart[i + 1]!; s += 1) {
      const src = plan.srcNode[s]!;
      const e = plan.srcEdge[s]!;
      const c =
        (src >= 0 && (removedNode[src] === 1 || (isSite(src) && removedCountry.has(countryOf(src))))) ||
        (e >= 0 && snap.eType[e] === TYPE.SUPPLIES && removedCountry.has(plan.srcOrigin[s]!)) ||
        (allImports && plan.srcForeign[s] === 1);
      if (c) {
        cut[s] = 1;
        anyCut = true;
      }
    }
    if (anyCut) enqueue(i);
  }

  // Least fixed point: losses only grow from 0; an item is recomputed when an input's loss grew.
  let iterations = 0;
  for (let head = 0; head < queue.length; head += 1) {
    const i = queue[head]!;
    queued[i] = 0;
    iterations += 1;
    if (removedNode[i]) continue;
    let value = 0;
    for (let s = plan.srcStart[i]!; s < plan.srcStart[i + 1]!; s += 1) {
      if (cut[s]) value += plan.srcWeight[s]!;
      else if (!plan.srcForeign[s] && plan.recStart[s + 1]! > plan.recStart[s]!) {
        let worst = 0;
        for (let r = plan.recStart[s]!; r < plan.recStart[s + 1]!; r += 1) worst = Math.max(worst, loss[plan.recInput[r]!]!);
        value += plan.srcWeight[s]! * worst;
      }
    }
    value = Math.min(1, value);
    if (value - loss[i]! > PROPAGATE) {
      loss[i] = value;
      for (let d = plan.depStart[i]!; d < plan.depStart[i + 1]!; d += 1) enqueue(plan.dep[d]!);
    }
    // Compact the queue now and then so it does not grow without bound on long cascades.
    if (head > 1_000_000 && head * 2 > queue.length) {
      queue.splice(0, head + 1);
      head = -1;
    }
  }

  // Collected in id order, then a stable sort on the loss to 12 decimals (rankKey, as disruption()
  // orders), so ties, last bits included, stay in id order.
  const hit: number[] = [];
  for (let k = 0; k < n; k += 1) {
    const i = plan.byId[k]!;
    if (loss[i]! > TOLERANCE && snap.isItem(i)) hit.push(i);
  }
  // Keys for the items hit only: a small scenario must not pay for the whole graph here.
  const key = new Map<number, number>();
  for (const i of hit) key.set(i, rankKey(loss[i]!));
  hit.sort((a, b) => key.get(b)! - key.get(a)!);
  const losses = hit.map((i) => ({ itemId: snap.ids[i]!, loss: loss[i]! }));
  const finishedGoodsHit = hit.filter((i) => snap.stage[i] === FINISHED_STAGE).map((i) => ({ itemId: snap.ids[i]!, loss: loss[i]! }));
  // The mines, plants and suppliers removed (named, or in a removed country), sorted as disruption() does.
  const removed: number[] = [];
  for (let v = 0; v < n; v += 1) if (isSite(v) && (removedNode[v] || removedCountry.has(countryOf(v)))) removed.push(v);
  const removedSources = removed.map((v) => snap.ids[v]!).sort();
  const removedGroups = removed.filter((v) => snap.isGroup(v)).map((v) => snap.ids[v]!).sort();
  return { losses, finishedGoodsHit, removedSources, removedGroups, converged: true, iterations, lossNodes: Int32Array.from(hit) };
}

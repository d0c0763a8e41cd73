// Disruption what-ifs (DOMAIN.md): remove named nodes, whole countries or every import, and see
// what share of each item's supply is lost. A source with a recipe loses as much as its scarcest
// input (fixed proportions); the least fixed point is found with a worklist that starts from
// what the scenario cuts and only visits what a loss reaches, so the cost follows the part of the
// graph the scenario touches. One solver serves the whole-graph scenarios and chokepoints (a
// removal per candidate, solved within the root's upstream). The loss loop reads only the typed
// core, so it runs the same in a worker thread (src/engine/).

import { rankKey } from './rank.js';
import { compareIds, FINISHED_STAGE, KIND, LAST_CHAIN_TYPE, TYPE, type GraphCore, type GraphSnapshot } from './graph-snapshot.js';
import { forEachSource, recipeLines } from './supply-model.js';
import { itemSlot } from './import-content.js';

export interface DisruptionScenario {
  nodeIds?: readonly string[];
  countries?: readonly string[];
  allImports?: boolean;
}

/** A set of nodes removed together: an organisation's reach, say (see ownership.ts). */
export interface RemovalSet {
  key: string;
  nodeIds: readonly string[];
}

export interface ItemLoss {
  itemId: string;
  loss: number;
}

export interface DisruptionReport {
  /** Every item with a loss above 0, largest first. */
  losses: ItemLoss[];
  /** The FINISHED products among them. */
  finishedGoodsHit: ItemLoss[];
  /** Mines, plants and suppliers the scenario removes (named, or in a removed country). */
  removedSources: string[];
  /** Those of them that stand for many firms or sites (`group: true`). */
  removedGroups: string[];
  converged: boolean;
  iterations: number;
}

export interface Chokepoint {
  nodeId: string;
  impact: number;
}

/** How a caller bounds long work. */
export interface SolveOptions {
  /**
   * Called now and then; throwing stops the work (a server passes its request's deadline check,
   * so a big chain cannot hold a thread past the request's time budget).
   */
  checkpoint?: () => void;
}

/** A scenario in slots and codes: what the loss solver (and a worker) takes. */
export interface Removal {
  nodes: readonly number[];
  countries: readonly number[];
  allImports: boolean;
}

const TOLERANCE = 1e-12;
const IMPACT_TOLERANCE = 1e-9;
/** A change smaller than this is not propagated: far below what a report can show. */
const PROPAGATE = 1e-15;
/** Items recomputed between two checkpoints. */
const CHECK_EVERY = 50_000;

/** Reusable per-thread scratch, sized to the core. */
class LossState {
  loss = new Float64Array(0);
  removed = new Uint8Array(0);
  queued = new Uint8Array(0);
  fit(n: number): void {
    if (this.loss.length < n) {
      this.loss = new Float64Array(n);
      this.removed = new Uint8Array(n);
      this.queued = new Uint8Array(n);
    }
  }
}
const state = new LossState();

export interface LossSolve {
  /** Items with a loss above the tolerance, in the order first reached. */
  hit: number[];
  /** Every item whose loss the solve set (resetLosses clears them). */
  touched: number[];
  /** Loss by slot (valid for `hit`; the rest 0). Scratch: read it before the next solve. */
  loss: Float64Array;
  iterations: number;
}

/**
 * The least fixed point of the losses under `removal`. With `within`, only the items it marks are
 * solved (a root's upstream: nothing outside can reach the root). The scratch arrays are reset
 * before it returns its answer's next use, so consecutive solves cost only what each touches.
 */
export function solveLosses(core: GraphCore, removal: Removal, options: SolveOptions & { within?: Uint8Array } = {}): LossSolve {
  const n = core.nodeSlots;
  state.fit(n);
  const { loss, removed, queued } = state;
  const within = options.within;
  const countries = new Set(removal.countries);
  const allImports = removal.allImports;
  for (const v of removal.nodes) removed[v] = 1;
  const queue: number[] = [];
  const enqueue = (i: number) => {
    if (!queued[i] && (!within || within[i])) {
      queued[i] = 1;
      queue.push(i);
    }
  };
  const dependentsOf = (j: number) => {
    const s = core.outStart[j]!;
    const end = s + core.outLen[j]!;
    for (let k = s; k < end; k += 1) {
      const e = core.outPool[k]!;
      const t = core.eType[e]!;
      if (t === TYPE.COMPONENT_OF) enqueue(core.eTo[e]!);
      else if (t === TYPE.FEEDS) {
        const plant = core.eTo[e]!;
        const output = core.eRef[e]!;
        const ps = core.outStart[plant]!;
        const pend = ps + core.outLen[plant]!;
        for (let q = ps; q < pend; q += 1) {
          const p = core.outPool[q]!;
          if (core.eType[p] === TYPE.PRODUCES && (output === -1 || output === core.eTo[p])) enqueue(core.eTo[p]!);
        }
      }
    }
  };
  const sourcesOf = (v: number) => {
    // A removed site: the items it is a source of.
    const s = core.outStart[v]!;
    const end = s + core.outLen[v]!;
    for (let k = s; k < end; k += 1) {
      const e = core.outPool[k]!;
      if (core.isSourceEdge(e)) enqueue(core.eTo[e]!);
    }
  };
  const isCut = (e: number): boolean => {
    if (e < 0) return false;
    const src = core.eFrom[e]!;
    if (removed[src]) return true;
    if (countries.size > 0) {
      if (core.isSite(src) && countries.has(core.countryOf(src))) return true;
      if (core.eType[e] === TYPE.SUPPLIES && countries.has(core.originOf(e))) return true;
    }
    return allImports && core.originOf(e) !== core.homeCode;
  };

  const hit: number[] = [];
  const hitMark = (i: number) => {
    if (loss[i] === 0) hit.push(i);
  };
  for (const v of removal.nodes) {
    if (core.isItem(v) && (!within || within[v])) {
      hitMark(v);
      loss[v] = 1;
      dependentsOf(v);
    } else sourcesOf(v);
  }
  if (countries.size > 0 || allImports) {
    // Any source may be cut: look at every item once.
    for (let i = 0; i < n; i += 1) {
      if (!core.isItem(i) || (within && !within[i])) continue;
      const s = core.inStart[i]!;
      const end = s + core.inLen[i]!;
      for (let k = s; k < end; k += 1) {
        const e = core.inPool[k]!;
        if (core.isSourceEdge(e) && isCut(e)) {
          enqueue(i);
          break;
        }
      }
    }
  }

  const lines: number[] = [];
  let iterations = 0;
  for (let head = 0; head < queue.length; head += 1) {
    const i = queue[head]!;
    queued[i] = 0;
    iterations += 1;
    if (iterations % CHECK_EVERY === 0) options.checkpoint?.();
    if (removed[i]) continue;
    let value = 0;
    forEachSource(core, i, (e, weight, foreign) => {
      if (isCut(e)) value += weight;
      else if (!foreign) {
        recipeLines(core, e, i, lines);
        let worst = 0;
        for (const l of lines) {
          const x = loss[core.eFrom[l]!]!;
          if (x > worst) worst = x;
        }
        value += weight * worst;
      }
    });
    value = Math.min(1, value);
    if (value - loss[i]! > PROPAGATE) {
      hitMark(i);
      loss[i] = value;
      dependentsOf(i);
    }
    // Compact the queue now and then so it does not grow without bound on long cascades.
    if (head > 1_000_000 && head * 2 > queue.length) {
      queue.splice(0, head + 1);
      head = -1;
    }
  }
  for (const v of removal.nodes) removed[v] = 0;
  return { hit: hit.filter((i) => loss[i]! > TOLERANCE), touched: hit, loss, iterations };
}

/** Clears what a solve left in the scratch, once its answer has been read: the next solve starts from 0. */
export function resetLosses(solve: LossSolve): void {
  for (const i of solve.touched) solve.loss[i] = 0;
}

/** The scenario in slots and codes; unknown ids are left out (the service refuses them first). */
export function removalOf(snap: GraphSnapshot, scenario: DisruptionScenario): Removal {
  const nodes: number[] = [];
  for (const id of scenario.nodeIds ?? []) {
    const v = snap.index.get(id);
    if (v !== undefined) nodes.push(v);
  }
  const countries: number[] = [];
  for (const c of scenario.countries ?? []) {
    const code = c === snap.homeCountry ? snap.homeCode : snap.knownCountry(c);
    if (code >= 0) countries.push(code);
  }
  return { nodes, countries, allImports: scenario.allImports === true };
}

/** The items a removal hits, largest loss first (ties in slot order: the caller orders them by id). */
export interface RankedLosses {
  items: Int32Array;
  losses: Float64Array;
  converged: boolean;
  iterations: number;
}

/** Losses of every item under a removal, ranked by loss to 12 decimals. Typed in, typed out: runs in a worker. */
export function rankedLosses(core: GraphCore, removal: Removal, options: SolveOptions = {}): RankedLosses {
  const solve = solveLosses(core, removal, options);
  const items = Int32Array.from(solve.hit);
  const keys = Float64Array.from(items, (v) => rankKey(solve.loss[v]!));
  const order = Array.from(items.keys()).sort((a, b) => keys[b]! - keys[a]! || items[a]! - items[b]!);
  const ranked = Int32Array.from(order, (k) => items[k]!);
  const losses = Float64Array.from(ranked, (v) => solve.loss[v]!);
  resetLosses(solve);
  return { items: ranked, losses, converged: true, iterations: solve.iterations };
}

/** Orders equal-ranked runs by id (the snapshot holds the ids; a worker does not). */
export function orderTiesById(snap: GraphSnapshot, ranked: RankedLosses): RankedLosses {
  const { items, losses } = ranked;
  for (let a = 0; a < items.length; ) {
    let b = a + 1;
    const key = rankKey(losses[a]!);
    while (b < items.length && rankKey(losses[b]!) === key) b += 1;
    if (b - a > 1) {
      const run = Array.from(items.subarray(a, b)).map((v, k) => ({ v, loss: losses[a + k]! }));
      run.sort((x, y) => snap.compareIds(x.v, y.v));
      run.forEach((r, k) => {
        items[a + k] = r.v;
        losses[a + k] = r.loss;
      });
    }
    a = b;
  }
  return ranked;
}

/** The whole answer of a scenario, with ids: losses, finished goods hit, what was removed. */
export function disruptionReport(snap: GraphSnapshot, removal: Removal, ranked: RankedLosses): DisruptionReport {
  orderTiesById(snap, ranked);
  const losses: ItemLoss[] = [];
  const finishedGoodsHit: ItemLoss[] = [];
  ranked.items.forEach((v, k) => {
    const l = { itemId: snap.ids[v]!, loss: ranked.losses[k]! };
    losses.push(l);
    if (snap.stage[v] === FINISHED_STAGE) finishedGoodsHit.push(l);
  });
  const named = new Set(removal.nodes);
  const countries = new Set(removal.countries);
  const removed: number[] = [];
  for (let v = 0; v < snap.nodeSlots; v += 1) if (snap.isSite(v) && (named.has(v) || countries.has(snap.countryOf(v)))) removed.push(v);
  const removedSources = removed.map((v) => snap.ids[v]!).sort(compareIds);
  const removedGroups = removed.filter((v) => snap.isGroup(v)).map((v) => snap.ids[v]!).sort(compareIds);
  return { losses, finishedGoodsHit, removedSources, removedGroups, converged: ranked.converged, iterations: ranked.iterations };
}

/** Losses of every item of the graph under the scenario (in this thread). */
export function disruption(snap: GraphSnapshot, scenario: DisruptionScenario, options: SolveOptions = {}): DisruptionReport {
  const removal = removalOf(snap, scenario);
  return disruptionReport(snap, removal, rankedLosses(snap, removal, options));
}

/** Marks the root's upstream: the only items a removal can reach the root through. */
export function upstreamMask(core: GraphCore, root: number): Uint8Array {
  const within = new Uint8Array(core.nodeSlots);
  within[root] = 1;
  const stack = [root];
  while (stack.length > 0) {
    const v = stack.pop()!;
    const s = core.inStart[v]!;
    const end = s + core.inLen[v]!;
    for (let k = s; k < end; k += 1) {
      const e = core.inPool[k]!;
      if (core.eType[e]! > LAST_CHAIN_TYPE) continue;
      const u = core.eFrom[e]!;
      if (!within[u]) {
        within[u] = 1;
        stack.push(u);
      }
    }
  }
  return within;
}

/**
 * For each set of slots, the loss at `root` when everything in it is removed at once (one solve
 * each, within the root's upstream). Typed in, typed out: runs in a worker.
 */
export function impactsAt(core: GraphCore, root: number, sets: readonly (readonly number[])[], options: SolveOptions = {}): Float64Array {
  const within = upstreamMask(core, root);
  const impacts = new Float64Array(sets.length);
  sets.forEach((nodes, k) => {
    const kept = nodes.filter((v) => v !== root && within[v]);
    if (kept.length === 0) {
      impacts[k] = NaN;
      return;
    }
    options.checkpoint?.();
    const solve = solveLosses(core, { nodes: kept, countries: [], allImports: false }, { ...options, within });
    impacts[k] = solve.loss[root]!;
    resetLosses(solve);
  });
  return impacts;
}

/** The upstream nodes of `root` (the root excluded), each a set of one: the chokepoint candidates. */
export function chokepointCandidates(core: GraphCore, root: number): number[][] {
  const within = upstreamMask(core, root);
  const out: number[][] = [];
  for (let v = 0; v < core.nodeSlots; v += 1) if (within[v] && v !== root && core.kind[v]! >= 0) out.push([v]);
  return out;
}

/** The sets whose impact reaches `minImpact`, largest first, then by key. */
export function chokepointsFrom(keys: readonly string[], impacts: Float64Array, minImpact: number): Chokepoint[] {
  const found: Chokepoint[] = [];
  impacts.forEach((impact, k) => {
    if (!Number.isNaN(impact) && impact + IMPACT_TOLERANCE >= minImpact) found.push({ nodeId: keys[k]!, impact });
  });
  return found.sort((a, b) => rankKey(b.impact) - rankKey(a.impact) || compareIds(a.nodeId, b.nodeId));
}

/**
 * For each set, the loss at `rootId` when everything in it is removed at once; the sets whose
 * loss reaches `minImpact`, largest first (in this thread).
 */
export function setChokepoints(snap: GraphSnapshot, rootId: string, sets: readonly RemovalSet[], minImpact = 1, options: SolveOptions = {}): Chokepoint[] {
  const root = itemSlot(snap, rootId, 'chokepoints are found');
  const slots = sets.map((s) => s.nodeIds.flatMap((id) => (snap.index.has(id) ? [snap.index.get(id)!] : [])));
  return chokepointsFrom(sets.map((s) => s.key), impactsAt(snap, root, slots, options), minImpact);
}

/**
 * The upstream nodes of `rootId` whose removal alone costs it at least `minImpact` of its supply,
 * largest impact first: one solve per upstream node (in this thread).
 */
export function chokepoints(snap: GraphSnapshot, rootId: string, minImpact = 1, options: SolveOptions = {}): Chokepoint[] {
  const root = itemSlot(snap, rootId, 'chokepoints are found');
  const candidates = chokepointCandidates(snap, root);
  return chokepointsFrom(candidates.map(([v]) => snap.ids[v!]!), impactsAt(snap, root, candidates, options), minImpact);
}

/** Whether a node kind is a site a scenario can remove by country (for callers filtering answers). */
export function isSiteKind(kind: number): boolean {
  return kind === KIND.Mine || kind === KIND.Plant || kind === KIND.Supplier;
}

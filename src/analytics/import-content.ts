// Import reliance (DOMAIN.md): direct import share m, total import content t = m + B t through
// every tier, domestic content 1 − t, where the imports enter (L[X,k]·m_k), and X's
// import-reliant links. Pure: read from the supply model on the snapshot, over X's upstream only.

import { rankKey } from './rank.js';
import { compareIds, type GraphCore, type GraphSnapshot } from './graph-snapshot.js';
import { assumptionsOf, forEachSource, SUPPLY_ORIGIN, type Assumption } from './supply-model.js';
import { UnknownNodeError } from './errors.js';
import { pathFrom, pathsTo } from './paths.js';
import { buildSystem, solveImportContent, solveRootRow } from './sparse-system.js';

export interface Contribution {
  itemId: string;
  share: number;
}

export interface ImportContentReport {
  rootId: string;
  directImportShare: number;
  totalImportContent: number;
  domesticContent: number;
  /** Largest first, only those above 0; they sum to totalImportContent. */
  contributions: Contribution[];
  assumptions: Assumption[];
  /** Origins upstream: items with no modelled source, counted as home-made. */
  unmodeled: string[];
  converged: boolean;
  iterations: number;
}

export interface ForeignSupplier {
  supplierId: string;
  country: string;
  weight: number;
}

export interface ImportReliantLink {
  itemId: string;
  directImportShare: number;
  onlyForeign: boolean;
  foreignSuppliers: ForeignSupplier[];
  countries: string[];
  /** Node ids from the item to the root along a shortest chain path. */
  path: string[];
  contribution: number;
}

export const DEFAULT_THRESHOLD = 0.5;

/** The solved system of one root, in slots: what a worker sends back. */
export interface ImportSolve {
  items: Int32Array;
  direct: Float64Array;
  t: Float64Array;
  y: Float64Array;
  converged: boolean;
  iterations: number;
}

/** The root's slot, refusing what is not an item of the snapshot. */
export function itemSlot(snap: GraphSnapshot, rootId: string, what = 'import content is measured'): number {
  const root = snap.index.get(rootId);
  if (root === undefined) throw new UnknownNodeError(rootId);
  if (!snap.isItem(root)) throw new TypeError(`${rootId} is a ${snap.kindOf(root)}: ${what} for products and parts`);
  return root;
}

/** t and the root's row of L over the root's upstream. Typed in, typed out: runs in a worker. */
export function solveImportSystem(core: GraphCore, root: number, options: { checkpoint?: () => void } = {}): ImportSolve {
  const system = buildSystem(core, root);
  options.checkpoint?.();
  const t = solveImportContent(system, options);
  const y = solveRootRow(system, 0, options);
  return { items: Int32Array.from(system.items), direct: system.direct, t: t.values, y: y.values, converged: t.converged && y.converged, iterations: Math.max(t.iterations, y.iterations) };
}

export function importContent(snap: GraphSnapshot, rootId: string): ImportContentReport {
  return importContentFrom(snap, rootId, solveImportSystem(snap, itemSlot(snap, rootId)));
}

/** The report, with ids and assumptions, from the solved system. */
export function importContentFrom(snap: GraphSnapshot, rootId: string, s: ImportSolve): ImportContentReport {
  const items = Array.from(s.items);
  const contributions: Contribution[] = [];
  items.forEach((v, k) => {
    const share = s.y[k]! * s.direct[k]!;
    if (share > 1e-12) contributions.push({ itemId: snap.ids[v]!, share });
  });
  contributions.sort((a, b) => rankKey(b.share) - rankKey(a.share) || compareIds(a.itemId, b.itemId));
  const total = s.t[0]!;
  return {
    rootId,
    directImportShare: s.direct[0]!,
    totalImportContent: total,
    domesticContent: 1 - total,
    contributions,
    assumptions: assumptionsOf(snap, items),
    unmodeled: items.filter((v) => (snap.supplyFlags[v]! & SUPPLY_ORIGIN) !== 0).map((v) => snap.ids[v]!).sort(compareIds),
    converged: s.converged,
    iterations: s.iterations,
  };
}

/**
 * Items upstream of X (X itself excluded) whose direct import share is at least `threshold`, or
 * whose only sources are foreign, largest contribution first.
 */
export function importReliantLinks(snap: GraphSnapshot, rootId: string, threshold = DEFAULT_THRESHOLD): ImportReliantLink[] {
  const root = itemSlot(snap, rootId);
  const s = solveImportSystem(snap, root);
  const next = pathsTo(snap, root);
  const links: ImportReliantLink[] = [];
  s.items.forEach((v, k) => {
    if (v === root) return;
    const foreign: ForeignSupplier[] = [];
    let sources = 0;
    forEachSource(snap, v, (e, weight, isForeign) => {
      sources += 1;
      if (isForeign) foreign.push({ supplierId: snap.ids[snap.eFrom[e]!]!, country: snap.countries[snap.originOf(e)]!, weight });
    });
    const m = snap.m[v]!;
    const onlyForeign = foreign.length > 0 && foreign.length === sources;
    if (m + 1e-12 < threshold && !onlyForeign) return;
    links.push({
      itemId: snap.ids[v]!,
      directImportShare: m,
      onlyForeign,
      foreignSuppliers: foreign,
      countries: [...new Set(foreign.map((f) => f.country))].sort(),
      path: pathFrom(next, v).map((u) => snap.ids[u]!),
      contribution: s.y[k]! * s.direct[k]!,
    });
  });
  return links.sort((a, b) => rankKey(b.contribution) - rankKey(a.contribution) || compareIds(a.itemId, b.itemId));
}

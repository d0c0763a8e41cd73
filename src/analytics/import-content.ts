// Import reliance (DOMAIN.md): direct import share m, total import content t = m + B t through
// every tier, domestic content 1 − t, where the imports enter (L[X,k]·m_k), and X's
// import-reliant links. Pure: given the subgraph upstream of X, it returns numbers.

import { rankKey } from './rank.js';
import type { ChainGraph } from '../model/graph.js';
import { SupplyModel, type Assumption } from '../model/supply.js';
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

interface Solved {
  model: SupplyModel;
  items: string[];
  direct: Float64Array;
  t: Float64Array;
  y: Float64Array;
  converged: boolean;
  iterations: number;
}

function solve(graph: ChainGraph, rootId: string): Solved {
  const model = new SupplyModel(graph);
  const root = model.node(rootId);
  if (!root) throw new UnknownNodeError(rootId);
  if (!model.isItem(rootId)) {
    throw new TypeError(`${rootId} is a ${root.kind}: import content is measured for products and parts`);
  }
  const system = buildSystem(model, rootId);
  const t = solveImportContent(system);
  const y = solveRootRow(system);
  return {
    model,
    items: system.items,
    direct: system.direct,
    t: t.values,
    y: y.values,
    converged: t.converged && y.converged,
    iterations: Math.max(t.iterations, y.iterations),
  };
}

export function importContent(graph: ChainGraph, rootId: string): ImportContentReport {
  const s = solve(graph, rootId);
  const contributions: Contribution[] = [];
  s.items.forEach((itemId, k) => {
    const share = s.y[k]! * s.direct[k]!;
    if (share > 1e-12) contributions.push({ itemId, share });
  });
  contributions.sort((a, b) => rankKey(b.share) - rankKey(a.share) || a.itemId.localeCompare(b.itemId));
  const total = s.t[0]!;
  return {
    rootId,
    directImportShare: s.direct[0]!,
    totalImportContent: total,
    domesticContent: 1 - total,
    contributions,
    assumptions: s.model.assumptionsFor(new Set(s.items)),
    unmodeled: s.items.filter((id) => s.model.supplyOf(id).origin).sort(),
    converged: s.converged,
    iterations: s.iterations,
  };
}

/**
 * Items upstream of X (X itself excluded) whose direct import share is at least `threshold`, or
 * whose only sources are foreign, largest contribution first.
 */
export function importReliantLinks(graph: ChainGraph, rootId: string, threshold = DEFAULT_THRESHOLD): ImportReliantLink[] {
  const s = solve(graph, rootId);
  const next = pathsTo(s.model.index, rootId);
  const links: ImportReliantLink[] = [];
  s.items.forEach((itemId, k) => {
    if (itemId === rootId) return;
    const supply = s.model.supplyOf(itemId);
    const foreign = supply.sources.filter((src) => src.foreign);
    const onlyForeign = foreign.length > 0 && foreign.length === supply.sources.length;
    if (supply.directImportShare + 1e-12 < threshold && !onlyForeign) return;
    links.push({
      itemId,
      directImportShare: supply.directImportShare,
      onlyForeign,
      foreignSuppliers: foreign.map((src) => ({ supplierId: src.sourceId!, country: src.origin, weight: src.weight })),
      countries: [...new Set(foreign.map((src) => src.origin))].sort(),
      path: pathFrom(next, itemId),
      contribution: s.y[k]! * s.direct[k]!,
    });
  });
  return links.sort((a, b) => rankKey(b.contribution) - rankKey(a.contribution) || a.itemId.localeCompare(b.itemId));
}

// Who stands behind what (docs/domain.md, Organisations): holdings through ownership chains, with
// effective shares multiplied along each chain; the organisations a node answers to; and what an
// organisation reaches (its sites and supplier identities, and those of the companies it
// controls). Pure: given the organisations' edges, it returns ids and numbers.

import { rankKey } from './rank.js';
import type { OwnershipGraph } from '../model/graph.js';
import type { EdgeRecord } from '../model/records.js';

export type { OwnershipGraph };

export interface Holding {
  nodeId: string;
  /** Σ over the simple ownership chains root → … → node of the product of the shares on the chain. */
  effectiveShare: number;
  /** Fewest OWNS hops from the root. */
  depth: number;
  /** How many distinct chains lead there (each counted once; no chain goes round a cycle). */
  paths: number;
  /** The chain with the largest product, root first, the node last. */
  via: string[];
  /** The root controls it: every hop of some chain is a majority (share > 0.5). */
  controlled: boolean;
  /** Every OWNS edge on every chain to it gives its share; false when one counted as 1 for lack of one. */
  exact: boolean;
}

export interface HoldingsReport {
  holdings: Holding[];
  /** Some OWNS chain led back to a node already on it (a cross-holding): it was not followed round. */
  cyclic: boolean;
  /** The path budget ran out: shares are lower bounds. */
  truncated: boolean;
}

/**
 * A share above this is control. OWNS without a share is a subsidiary whose share the data does
 * not give: it counts as 1 (control), and holdings through it say `exact: false`.
 */
export const CONTROL_SHARE = 0.5;
const DEFAULT_MAX_PATHS = 100_000;

export function ownsShare(edge: EdgeRecord): number {
  return typeof edge.share === 'number' ? edge.share : 1;
}

class OwnershipIndex {
  readonly out = new Map<string, EdgeRecord[]>();
  readonly in = new Map<string, EdgeRecord[]>();
  private readonly ownsOut = new Map<string, EdgeRecord[]>();

  constructor(readonly graph: OwnershipGraph) {
    for (const e of graph.edges) {
      if (e.type !== 'OWNS' && e.type !== 'OPERATES' && e.type !== 'IS') continue;
      push(this.out, e.from, e);
      push(this.in, e.to, e);
      if (e.type === 'OWNS') push(this.ownsOut, e.from, e);
    }
  }

  owns(id: string): EdgeRecord[] {
    return this.ownsOut.get(id) ?? [];
  }
}

/**
 * One index per ownership graph (graphs are never changed once built): reachOf and controlledBy
 * are called once per organisation, and each would otherwise index every edge again.
 */
const indexes = new WeakMap<OwnershipGraph, OwnershipIndex>();
function indexOf(graph: OwnershipGraph): OwnershipIndex {
  let index = indexes.get(graph);
  if (!index) indexes.set(graph, (index = new OwnershipIndex(graph)));
  return index;
}

/**
 * Everything `rootId` holds through OWNS chains of at most `maxDepth` hops, largest effective
 * share first. Every simple chain counts once, so cross-holdings (A owns B owns A) neither loop
 * nor inflate: a chain stops where it would revisit a node.
 */
export function holdings(graph: OwnershipGraph, rootId: string, options: { maxDepth?: number; maxPaths?: number } = {}): HoldingsReport {
  const index = indexOf(graph);
  const maxDepth = options.maxDepth ?? 6;
  let budget = options.maxPaths ?? DEFAULT_MAX_PATHS;
  const found = new Map<string, Holding & { best: number }>();
  let cyclic = false;
  let truncated = false;
  const path = [rootId];
  const onPath = new Set(path);

  const walk = (at: string, product: number, majority: boolean, known: boolean): void => {
    if (path.length > maxDepth) return;
    for (const edge of index.owns(at)) {
      if (onPath.has(edge.to)) {
        cyclic = true;
        continue;
      }
      if (budget <= 0) {
        truncated = true;
        return;
      }
      budget -= 1;
      const share = product * ownsShare(edge);
      const control = majority && ownsShare(edge) > CONTROL_SHARE;
      const exact = known && typeof edge.share === 'number';
      path.push(edge.to);
      onPath.add(edge.to);
      const h = found.get(edge.to);
      if (!h) {
        found.set(edge.to, { nodeId: edge.to, effectiveShare: share, depth: path.length - 1, paths: 1, via: [...path], controlled: control, exact, best: share });
      } else {
        h.effectiveShare += share;
        h.paths += 1;
        h.depth = Math.min(h.depth, path.length - 1);
        h.controlled ||= control;
        h.exact &&= exact;
        if (share > h.best) {
          h.best = share;
          h.via = [...path];
        }
      }
      walk(edge.to, share, control, exact);
      path.pop();
      onPath.delete(edge.to);
    }
  };
  walk(rootId, 1, true, true);
  const list = [...found.values()].map(({ best: _best, ...h }) => ({ ...h, effectiveShare: Math.min(1, h.effectiveShare) }));
  list.sort((a, b) => rankKey(b.effectiveShare) - rankKey(a.effectiveShare) || a.depth - b.depth || a.nodeId.localeCompare(b.nodeId));
  return { holdings: list, cyclic, truncated };
}

/** The organisations `orgId` controls through majority chains, itself included. */
export function controlledBy(graph: OwnershipGraph, orgId: string): Set<string> {
  const index = indexOf(graph);
  const seen = new Set([orgId]);
  const stack = [orgId];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const e of index.owns(at)) {
      if (ownsShare(e) > CONTROL_SHARE && !seen.has(e.to) && graph.nodes.get(e.to)?.kind === 'Organization') {
        seen.add(e.to);
        stack.push(e.to);
      }
    }
  }
  return seen;
}

/**
 * What an organisation reaches: the mines and plants it or a company it controls operates or
 * holds a majority of, and the suppliers that are it or such a company. Removing an
 * organisation in a what-if removes these.
 */
export function reachOf(graph: OwnershipGraph, orgId: string): Set<string> {
  const index = indexOf(graph);
  const reach = new Set<string>();
  for (const org of controlledBy(graph, orgId)) {
    for (const e of index.out.get(org) ?? []) {
      const target = graph.nodes.get(e.to);
      if (e.type === 'OPERATES') reach.add(e.to);
      else if (e.type === 'OWNS' && ownsShare(e) > CONTROL_SHARE && target && target.kind !== 'Organization') reach.add(e.to);
    }
    for (const e of index.in.get(org) ?? []) if (e.type === 'IS') reach.add(e.from);
  }
  return reach;
}

export interface Backer {
  organizationId: string;
  /** The given nodes it stands behind (operates, owns, is, or through a company it controls). */
  nodeIds: string[];
  /** True when it operates, owns or is one of them itself, not only through subsidiaries. */
  direct: boolean;
}

/**
 * The organisations behind a set of nodes: every organisation whose reach, or whose direct
 * holdings (any share), include one of them; most nodes first.
 */
export function backersOf(graph: OwnershipGraph, nodeIds: Iterable<string>): Backer[] {
  const wanted = new Set(nodeIds);
  const index = indexOf(graph);
  const out: Backer[] = [];
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'Organization') continue;
    const directly = new Set<string>();
    for (const e of index.out.get(node.id) ?? []) if ((e.type === 'OPERATES' || e.type === 'OWNS') && wanted.has(e.to)) directly.add(e.to);
    for (const e of index.in.get(node.id) ?? []) if (e.type === 'IS' && wanted.has(e.from)) directly.add(e.from);
    const all = new Set(directly);
    for (const id of reachOf(graph, node.id)) if (wanted.has(id)) all.add(id);
    if (all.size === 0) continue;
    out.push({ organizationId: node.id, nodeIds: [...all].sort(), direct: directly.size > 0 });
  }
  return out.sort((a, b) => b.nodeIds.length - a.nodeIds.length || a.organizationId.localeCompare(b.organizationId));
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

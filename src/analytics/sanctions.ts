// Which supply sources a `sanctioned: true` scenario removes (docs/domain.md, Sanctions). An
// organisation is blocked when it is listed itself, or when blocked organisations together own
// 50 % or more of it directly (the aggregation rule of the US Treasury's "50 percent rule"),
// applied until nothing changes. A Mine, Plant or Supplier is a sanctioned source when it is
// listed itself, is (IS) a blocked organisation, is operated by one, or is 50 % or more owned
// by blocked organisations.

import type { NodeRecord } from '../model/records.js';
import { ownsShare, type OwnershipGraph } from './ownership.js';

export const BLOCKING_SHARE = 0.5;

export interface SanctionedSources {
  /** The sanctioned sources, sorted. */
  nodeIds: string[];
  /** Why each is removed: "listed", or the blocked organisation behind it. */
  reasons: Map<string, string>;
  /** Blocked organisations, with why: "listed" or "owned 50 % or more by blocked organisations". */
  blocked: Map<string, string>;
}

/** Whether a record is listed, under one of `regimes` when given (case-insensitive). */
export function isListed(record: NodeRecord | undefined, regimes?: readonly string[] | null): boolean {
  const listed = Array.isArray(record?.sanctionRegimes) ? (record.sanctionRegimes as string[]) : [];
  if (listed.length === 0) return false;
  if (!regimes || regimes.length === 0) return true;
  const wanted = new Set(regimes.map((r) => r.toUpperCase()));
  return listed.some((r) => wanted.has(r.toUpperCase()));
}

export function sanctionedSources(chainNodes: Iterable<NodeRecord>, ownership: OwnershipGraph, regimes?: readonly string[] | null): SanctionedSources {
  const blocked = new Map<string, string>();
  for (const node of ownership.nodes.values()) if (node.kind === 'Organization' && isListed(node, regimes)) blocked.set(node.id, 'listed');
  const owns = ownership.edges.filter((e) => e.type === 'OWNS');
  // 50 % rule, aggregated over blocked owners; monotone, so it ends.
  for (let changed = true; changed; ) {
    changed = false;
    const held = new Map<string, number>();
    for (const e of owns) if (blocked.has(e.from)) held.set(e.to, (held.get(e.to) ?? 0) + ownsShare(e));
    for (const [id, share] of held) {
      if (share + 1e-12 >= BLOCKING_SHARE && !blocked.has(id) && ownership.nodes.get(id)?.kind === 'Organization') {
        blocked.set(id, 'owned 50 % or more by blocked organisations');
        changed = true;
      }
    }
  }
  const reasons = new Map<string, string>();
  for (const node of chainNodes) {
    if (node.kind !== 'Mine' && node.kind !== 'Plant' && node.kind !== 'Supplier') continue;
    if (isListed(node, regimes)) reasons.set(node.id, 'listed');
  }
  const heldSites = new Map<string, { share: number; by: string }>();
  for (const e of ownership.edges) {
    if (e.type === 'IS' && blocked.has(e.to) && !reasons.has(e.from)) reasons.set(e.from, e.to);
    if (e.type === 'OPERATES' && blocked.has(e.from) && !reasons.has(e.to)) reasons.set(e.to, e.from);
    if (e.type === 'OWNS' && blocked.has(e.from) && ownership.nodes.get(e.to)?.kind !== 'Organization') {
      const h = heldSites.get(e.to) ?? { share: 0, by: e.from };
      h.share += ownsShare(e);
      heldSites.set(e.to, h);
    }
  }
  for (const [id, h] of heldSites) if (h.share + 1e-12 >= BLOCKING_SHARE && !reasons.has(id)) reasons.set(id, h.by);
  return { nodeIds: [...reasons.keys()].sort(), reasons, blocked };
}

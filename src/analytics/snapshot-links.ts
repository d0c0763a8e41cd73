// A node's links read from the engine's adjacency instead of the database: the edges of some
// types in one direction, each with the node at the other end (its id and kind; the rest of its
// record is read by whoever needs it), in the order cypher/node/links-{in,out}.cypher gives them
// (edge type, then the other end's name, then its id). Pure: no I/O.

import type { EdgeType, NodeKind } from '../model/kinds.js';
import type { EdgeRecord } from '../model/records.js';
import { SNAPSHOT_EDGE_TYPES, TYPE, type GraphSnapshot, type SnapshotEdgeType } from './graph-snapshot.js';

/** The node at the other end of a link, as the engine knows it. */
export interface LinkedRef {
  id: string;
  kind: NodeKind;
}

export interface HeldLink {
  edge: EdgeRecord;
  ref: LinkedRef;
}

const HELD_TYPES = new Set<string>(SNAPSHOT_EDGE_TYPES);

/** Whether the engine holds every edge of these types (and so every node at their ends). */
export function engineHoldsTypes(types: readonly EdgeType[]): boolean {
  return types.every((t) => HELD_TYPES.has(t));
}

/**
 * The links of `id` along `types` (all held by the engine) in one direction, ordered as the
 * database orders them. Edges of one type between the same two nodes (FEEDS, one per output) keep
 * the engine's order: the database gives no order among them either.
 */
export function linksOf(snap: GraphSnapshot, id: string, direction: 'in' | 'out', types: readonly EdgeType[]): HeldLink[] {
  const v = snap.index.get(id);
  if (v === undefined) return [];
  const wanted = new Set<number>(types.map((t) => TYPE[t as SnapshotEdgeType]));
  const incident = direction === 'in' ? snap.inEdges(v) : snap.outEdges(v);
  const picked: { e: number; other: number; type: string }[] = [];
  for (const e of incident) {
    if (!wanted.has(snap.eType[e]!)) continue;
    const other = direction === 'in' ? snap.eFrom[e]! : snap.eTo[e]!;
    if (!snap.isLive(other)) continue;
    picked.push({ e, other, type: snap.typeOf(e) });
  }
  picked.sort(
    (a, b) =>
      compareCodePoints(a.type, b.type) ||
      compareCodePoints(snap.names[a.other]!, snap.names[b.other]!) ||
      compareCodePoints(snap.ids[a.other]!, snap.ids[b.other]!) ||
      a.e - b.e,
  );
  return picked.map(({ e, other }) => ({ edge: snap.edgeRecord(e), ref: { id: snap.ids[other]!, kind: snap.kindOf(other) } }));
}

/**
 * Strings in Unicode code point order, as Neo4j's ORDER BY compares them. JavaScript's `<`
 * compares UTF-16 code units, which puts a character beyond U+FFFF (a surrogate pair) before
 * U+E000..U+FFFF; everywhere else the two orders agree.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    // Both halves of pairs, or neither: code units order as code points do. A pair is above any single unit.
    if (sx === sy) return x - y;
    return sx ? 1 : -1;
  }
  return a.length - b.length;
}

// Shortest chain paths towards a root, by breadth-first search backwards along chain edges.
// Neighbours are visited in id order, so ties are broken the same way every time.

import type { ChainIndex } from '../model/graph.js';
import { CHAIN_EDGE_TYPES } from '../model/kinds.js';

/** For every node with a chain path to `rootId`, the next node on a shortest such path. */
export function pathsTo(index: ChainIndex, rootId: string): Map<string, string | null> {
  const next = new Map<string, string | null>([[rootId, null]]);
  let frontier = [rootId];
  while (frontier.length > 0) {
    const reached: string[] = [];
    for (const id of frontier) {
      const sources = index
        .incomingOf(id, ...CHAIN_EDGE_TYPES)
        .map((e) => e.from)
        .sort();
      for (const from of sources) {
        if (next.has(from)) continue;
        next.set(from, id);
        reached.push(from);
      }
    }
    frontier = reached.sort();
  }
  return next;
}

/** The node ids from `fromId` to the root along the tree pathsTo() built; empty when none. */
export function pathFrom(next: Map<string, string | null>, fromId: string): string[] {
  if (!next.has(fromId)) return [];
  const path = [fromId];
  let at = next.get(fromId);
  while (at) {
    path.push(at);
    at = next.get(at);
  }
  return path;
}

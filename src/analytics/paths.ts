// Shortest chain paths towards a root, by breadth-first search backwards along chain edges.
// Neighbours are visited in id order, so ties are broken the same way every time.

import { LAST_CHAIN_TYPE, type GraphSnapshot } from './graph-snapshot.js';

/** For every node with a chain path to `root`, the next node on a shortest such path (-1 at the root). */
export function pathsTo(snap: GraphSnapshot, root: number): Map<number, number> {
  const next = new Map<number, number>([[root, -1]]);
  const byId = (a: number, b: number) => snap.compareIds(a, b);
  let frontier = [root];
  while (frontier.length > 0) {
    const reached: number[] = [];
    for (const v of frontier) {
      const sources: number[] = [];
      snap.forIn(v, (e) => {
        if (snap.eType[e]! <= LAST_CHAIN_TYPE) sources.push(snap.eFrom[e]!);
      });
      sources.sort(byId);
      for (const from of sources) {
        if (next.has(from)) continue;
        next.set(from, v);
        reached.push(from);
      }
    }
    frontier = reached.sort(byId);
  }
  return next;
}

/** The nodes from `from` to the root along the tree pathsTo() built; empty when none. */
export function pathFrom(next: Map<number, number>, from: number): number[] {
  if (!next.has(from)) return [];
  const path = [from];
  let at = next.get(from)!;
  while (at >= 0) {
    path.push(at);
    at = next.get(at)!;
  }
  return path;
}

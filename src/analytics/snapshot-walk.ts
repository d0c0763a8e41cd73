// Bounded breadth-first walks on a GraphSnapshot, with exactly the answer of the hop-by-hop walk
// over the database: nearest nodes first, within a hop in name order (then id), so a cut by
// maxNodes is repeatable; the edges walked within maxDepth hops. And, because the whole reach is
// cheap in memory, how many nodes lie beyond maxDepth: a walk says what it left out.

import { LAST_CHAIN_TYPE, type GraphSnapshot } from './graph-snapshot.js';

export interface SnapshotWalk {
  /** Node indexes in answer order (root first) and their depths. */
  nodes: Int32Array;
  depths: Int32Array;
  /** Edge indexes walked. */
  edges: number[];
  truncated: boolean;
  /** Nodes at depth maxDepth + 1 (the nearest depth left out), and beyond maxDepth in all. */
  nodesAtNextDepth: number;
  nodesBeyondDepth: number;
}

const collator = new Intl.Collator();

export function walkSnapshot(snap: GraphSnapshot, root: number, direction: 'upstream' | 'downstream', maxDepth: number, maxNodes: number): SnapshotWalk {
  const up = direction === 'upstream';
  const start = up ? snap.inStart : snap.outStart;
  const len = up ? snap.inLen : snap.outLen;
  const pool = up ? snap.inPool : snap.outPool;
  const far = up ? snap.eFrom : snap.eTo;
  const type = snap.eType;
  const depthOf = new Int32Array(snap.nodeSlots).fill(-1);
  depthOf[root] = 0;
  const nodes: number[] = [root];
  const depths: number[] = [0];
  const edges: number[] = [];
  const names = snap.names;
  const ids = snap.ids;
  const byName = (a: number, b: number) => collator.compare(names[a]!, names[b]!) || collator.compare(ids[a]!, ids[b]!);
  const end = (v: number) => start[v]! + len[v]!;
  let frontier: number[] = [root];
  let truncated = false;
  const hitEdges: number[] = [];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0 && !truncated; depth += 1) {
    hitEdges.length = 0;
    const reached: number[] = [];
    const mark = new Set<number>();
    for (const v of frontier) {
      for (let k = start[v]!; k < end(v); k += 1) {
        const e = pool[k]!;
        if (type[e]! > LAST_CHAIN_TYPE) continue;
        hitEdges.push(e);
        const u = far[e]!;
        if (depthOf[u] === -1 && !mark.has(u)) {
          mark.add(u);
          reached.push(u);
        }
      }
    }
    reached.sort(byName);
    const next: number[] = [];
    for (const u of reached) {
      if (nodes.length >= maxNodes) {
        truncated = true;
        break;
      }
      depthOf[u] = depth;
      nodes.push(u);
      depths.push(depth);
      next.push(u);
    }
    for (const e of hitEdges) if (depthOf[snap.eFrom[e]!] !== -1 && depthOf[snap.eTo[e]!] !== -1) edges.push(e);
    frontier = next;
  }

  // What lies beyond maxDepth: plain distances over the whole reach.
  const distance = new Int32Array(snap.nodeSlots).fill(-1);
  distance[root] = 0;
  let level = [root];
  let nodesAtNextDepth = 0;
  let nodesBeyondDepth = 0;
  for (let d = 1; level.length > 0; d += 1) {
    const next: number[] = [];
    for (const v of level) {
      for (let k = start[v]!; k < end(v); k += 1) {
        const e = pool[k]!;
        if (type[e]! > LAST_CHAIN_TYPE) continue;
        const u = far[e]!;
        if (distance[u] === -1) {
          distance[u] = d;
          next.push(u);
        }
      }
    }
    if (d === maxDepth + 1) nodesAtNextDepth = next.length;
    if (d > maxDepth) nodesBeyondDepth += next.length;
    level = next;
  }
  return { nodes: Int32Array.from(nodes), depths: Int32Array.from(depths), edges: [...new Set(edges)], truncated, nodesAtNextDepth, nodesBeyondDepth };
}

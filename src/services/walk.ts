// Bounded, cycle-safe breadth-first walks along the chain edges, answered from the in-memory
// snapshot of the graph (src/analytics/snapshot-walk.ts): nearest nodes first, in name order
// within a hop, so a cut by maxNodes keeps the nearest nodes and is repeatable. The answer says
// which graph version it walked and what it left out beyond maxDepth. Node records beyond id,
// kind and name are loaded only when a caller asks for them (one batched query).

import { BadUserInputError } from '../errors/index.js';
import { walkSnapshot } from '../analytics/snapshot-walk.js';
import type { NodeKind } from '../model/kinds.js';
import type { EdgeRecord, NodeRecord } from '../model/records.js';
import type { ServiceDeps } from './deps.js';
import { requireNode } from './nodes.js';

export interface WalkRequest {
  id: string;
  direction: 'upstream' | 'downstream';
  maxDepth?: number | null;
  maxNodes?: number | null;
}

/** A node reached by a walk: what the snapshot knows of it, and its depth. */
export interface WalkNode {
  id: string;
  kind: NodeKind;
  name: string;
  depth: number;
}

export interface WalkResult {
  rootId: string;
  direction: 'upstream' | 'downstream';
  maxDepth: number;
  nodes: WalkNode[];
  edges: EdgeRecord[];
  truncated: boolean;
  /** Nodes lie beyond maxDepth: a deeper walk would find more. */
  depthLimited: boolean;
  /** How many nodes lie at maxDepth + 1, the nearest depth left out. */
  nodesAtNextDepth: number;
  /** How many nodes lie beyond maxDepth in all. */
  nodesBeyondDepth: number;
  /** The graph version the walk was answered from. */
  graphVersion: number;
  /** The root's record when the walk had to read it anyway (a root outside the chain). */
  root?: NodeRecord;
}

export function walkLimits(ctx: ServiceDeps, maxDepth?: number | null, maxNodes?: number | null): { depth: number; nodes: number } {
  const limits = ctx.limits;
  const depth = maxDepth ?? Math.min(limits.defaultDepth, limits.maxDepth);
  const nodes = maxNodes ?? limits.maxNodes;
  if (!Number.isInteger(depth) || depth < 1 || depth > limits.maxDepth) {
    throw new BadUserInputError(`maxDepth must be between 1 and ${limits.maxDepth} (this server's cap); got ${depth}.`, 'maxDepth');
  }
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > limits.maxNodes) {
    throw new BadUserInputError(`maxNodes must be between 1 and ${limits.maxNodes} (this server's cap); got ${nodes}.`, 'maxNodes');
  }
  return { depth, nodes };
}

export async function walk(ctx: ServiceDeps, request: WalkRequest): Promise<WalkResult> {
  const limits = walkLimits(ctx, request.maxDepth, request.maxNodes);
  const snap = await ctx.snapshots.current();
  const base = { rootId: request.id, direction: request.direction, maxDepth: limits.depth, graphVersion: snap.version };
  const root = snap.index.get(request.id);
  if (root === undefined) {
    // Not a chain node: a Source (no chain edges touch it), or unknown (NOT_FOUND).
    const node = await requireNode(ctx, request.id);
    return { ...base, root: node, nodes: [{ id: node.id, kind: node.kind, name: node.name, depth: 0 }], edges: [], truncated: false, depthLimited: false, nodesAtNextDepth: 0, nodesBeyondDepth: 0 };
  }
  const w = walkSnapshot(snap, root, request.direction, limits.depth, limits.nodes);
  const nodes: WalkNode[] = [];
  for (let k = 0; k < w.nodes.length; k += 1) {
    const v = w.nodes[k]!;
    nodes.push({ id: snap.ids[v]!, kind: snap.kindOf(v), name: snap.names[v]!, depth: w.depths[k]! });
  }
  return {
    ...base,
    nodes,
    edges: w.edges.map((e) => snap.edgeRecord(e)),
    truncated: w.truncated,
    depthLimited: w.nodesBeyondDepth > 0,
    nodesAtNextDepth: w.nodesAtNextDepth,
    nodesBeyondDepth: w.nodesBeyondDepth,
  };
}

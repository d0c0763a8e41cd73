// Bounded, cycle-safe breadth-first walks along the chain edges, one query per level inside one
// read transaction. Breadth-first order means a cut by maxNodes keeps the nearest nodes.

import { BadUserInputError } from '../../errors/index.js';
import { edgeKey, type EdgeRecord, type NodeRecord } from '../../model/records.js';
import type { Context } from '../../context.js';
import { requireNode } from '../node/node.service.js';

export interface WalkRequest {
  id: string;
  direction: 'upstream' | 'downstream';
  maxDepth?: number | null;
  maxNodes?: number | null;
}

export interface WalkResult {
  root: NodeRecord;
  direction: 'upstream' | 'downstream';
  maxDepth: number;
  nodes: { node: NodeRecord; depth: number }[];
  edges: EdgeRecord[];
  truncated: boolean;
  /** Nodes lie beyond maxDepth: a deeper walk would find more. */
  depthLimited: boolean;
  /** How many nodes lie at maxDepth + 1, the nearest depth left out (0 when none, or when maxNodes cut first). */
  nodesAtNextDepth: number;
}

export function walkLimits(ctx: Context, maxDepth?: number | null, maxNodes?: number | null): { depth: number; nodes: number } {
  const limits = ctx.config.limits;
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

export async function walk(ctx: Context, request: WalkRequest): Promise<WalkResult> {
  const limits = walkLimits(ctx, request.maxDepth, request.maxNodes);
  const root = await requireNode(ctx, request.id);
  const depthOf = new Map<string, number>([[root.id, 0]]);
  const nodes: { node: NodeRecord; depth: number }[] = [{ node: root, depth: 0 }];
  const edges = new Map<string, EdgeRecord>();
  let truncated = false;
  let nodesAtNextDepth = 0;

  await ctx.store.snapshot(async (tx) => {
    let frontier = [root.id];
    for (let depth = 1; depth <= limits.depth && frontier.length > 0 && !truncated; depth += 1) {
      const hits = await ctx.store.step(tx, frontier, request.direction);
      const next: NodeRecord[] = [];
      const reached = new Map<string, NodeRecord>();
      for (const hit of hits) if (!depthOf.has(hit.node.id)) reached.set(hit.node.id, hit.node);
      // Deterministic order within a level, so a truncated answer is repeatable.
      for (const node of [...reached.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))) {
        if (nodes.length >= limits.nodes) {
          truncated = true;
          break;
        }
        depthOf.set(node.id, depth);
        nodes.push({ node, depth });
        next.push(node);
      }
      for (const hit of hits) {
        if (depthOf.has(hit.edge.from) && depthOf.has(hit.edge.to)) edges.set(edgeKey(hit.edge), hit.edge);
      }
      frontier = next.map((n) => n.id);
    }
    // One step more, to say honestly whether maxDepth left nodes out (and how many at the next depth).
    if (!truncated && frontier.length > 0) {
      const beyond = new Set<string>();
      for (const hit of await ctx.store.step(tx, frontier, request.direction)) if (!depthOf.has(hit.node.id)) beyond.add(hit.node.id);
      nodesAtNextDepth = beyond.size;
    }
  }, `walk/${request.direction}`);

  return { root, direction: request.direction, maxDepth: limits.depth, nodes, edges: [...edges.values()], truncated, depthLimited: nodesAtNextDepth > 0, nodesAtNextDepth };
}

// Bounded, cycle-safe walks along the chain edges in one read transaction: one query finds every
// node within maxDepth with its fewest hops (a breadth-first search inside Neo4j), the nearest
// maxNodes are kept (within a hop, by name), then those nodes and the edges walked are fetched.
// The answer is what a hop-by-hop breadth-first walk that stops at the cut would give.

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

  return ctx.store.snapshot(async (tx) => {
    const reached = await ctx.store.reach(tx, root.id, request.direction, limits.depth, limits.nodes - 1);
    // Nearest first; within a hop by name, then id, so a cut answer is repeatable.
    reached.sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const kept = reached.slice(0, limits.nodes - 1);
    const truncated = reached.length > kept.length;
    // A hop-by-hop walk expands every node above the hop where it stops: maxDepth, or the hop of
    // the first node that did not fit.
    const lastHop = truncated ? reached[kept.length]!.depth : limits.depth;
    const depthOf = new Map<string, number>([[root.id, 0], ...kept.map((r) => [r.id, r.depth] as const)]);
    const expanded = [...depthOf].filter(([, depth]) => depth < lastHop).map(([id]) => id);
    // One transaction runs one query at a time.
    const keptNodes = await ctx.store.nodesIn(tx, kept.map((r) => r.id));
    const edges = await ctx.store.walkEdges(tx, expanded, [...depthOf.keys()], request.direction);
    const nodes = [{ node: root, depth: 0 }, ...keptNodes.map((node) => ({ node, depth: depthOf.get(node.id)! }))];
    const unique = new Map(edges.map((e) => [edgeKey(e), e]));
    return { root, direction: request.direction, maxDepth: limits.depth, nodes, edges: [...unique.values()], truncated };
  }, `walk/${request.direction}`);
}

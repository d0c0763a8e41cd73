// What an export holds, read as streams: the whole graph, or the subgraph within maxDepth chain
// hops of a root (upstream or downstream), narrowed to some kinds. Nodes come kind by kind in id
// order and edges type by type, each from one streamed read, so memory holds ids, never the graph.

import type { Executor } from '../../db/executor.js';
import { toEdgeRecord, toNodeRecord } from '../../db/mappers.js';
import { BadUserInputError } from '../../errors/index.js';
import { ChainStore } from '../../db/chain-store.js';
import { CHAIN_EDGE_TYPES, EDGE_TYPES, NODE_KINDS, type EdgeType, type NodeKind } from '../../model/kinds.js';
import { DEFAULT_HOME_COUNTRY, type EdgeRecord, type NodeRecord } from '../../model/records.js';

export interface ExportRequest {
  /**
   * CSV only: leave cells exactly as stored. By default a text cell that a spreadsheet would run
   * as a formula (starting with = + - @, a tab or a carriage return) is prefixed with ' .
   */
  raw?: boolean;
  /** null: the whole graph. */
  rootId?: string | null;
  direction?: 'upstream' | 'downstream';
  /** Chain hops from the root; absent: the whole chain (up to maxNodes). */
  maxDepth?: number;
  /** The most nodes a subgraph export holds (default and at most EXPORT_MAX_NODES). */
  maxNodes?: number;
  /** null or empty: every kind. */
  kinds?: readonly NodeKind[] | null;
}

export interface ExportScope {
  request: ExportRequest;
  homeCountry: string;
  kinds: readonly NodeKind[];
  /** The exported ids when the export is a subgraph; null for the whole graph. */
  ids: string[] | null;
  /** A subgraph export left nodes out: some lie beyond maxDepth. */
  depthLimited: boolean;
  /** How many nodes lie at maxDepth + 1, the nearest depth the export left out. */
  nodesAtNextDepth: number;
  /** A subgraph export stopped at the node cap (maxNodes); nearer tiers come first. */
  truncated: boolean;
  /** The node cap the walk used. */
  maxNodes: number;
}

/** A subgraph export walks the whole chain unless a depth is asked; it holds at most this many nodes. */
export const EXPORT_MAX_NODES = 100_000;
export const EXPORT_MAX_DEPTH = 1000;

export async function resolveScope(executor: Executor, request: ExportRequest): Promise<ExportScope> {
  const kinds = request.kinds && request.kinds.length > 0 ? request.kinds : NODE_KINDS;
  const [meta] = await executor.read('meta/get');
  const homeCountry = (meta?.homeCountry as string | null) ?? DEFAULT_HOME_COUNTRY;
  const maxNodes = request.maxNodes ?? EXPORT_MAX_NODES;
  if (!Number.isInteger(maxNodes) || maxNodes < 1 || maxNodes > EXPORT_MAX_NODES) {
    throw new BadUserInputError(`maxNodes must be a whole number from 1 to ${EXPORT_MAX_NODES}; got ${maxNodes}.`, 'maxNodes');
  }
  const base = { request, homeCountry, kinds, depthLimited: false, nodesAtNextDepth: 0, truncated: false, maxNodes };
  if (!request.rootId) return { ...base, ids: null };
  const depth = request.maxDepth ?? EXPORT_MAX_DEPTH;
  if (!Number.isInteger(depth) || depth < 0 || depth > EXPORT_MAX_DEPTH) {
    throw new BadUserInputError(`maxDepth must be a whole number from 0 to ${EXPORT_MAX_DEPTH}; got ${depth}.`, 'maxDepth');
  }
  const rootId = request.rootId;
  // Tier by tier in one read transaction (one consistent snapshot): each node's depth is known,
  // so the cap keeps the nearest nodes, and one tier past maxDepth says what a depth cut left out.
  const scope = await executor.readTransaction(
    async (tx): Promise<ExportScope | null> => {
      const seen = new Set<string>([rootId]);
      const ids: string[] = [rootId];
      let frontier = [rootId];
      let truncated = false;
      let nodesAtNextDepth = 0;
      for (let d = 1; frontier.length > 0; d += 1) {
        const rows = await tx.run('export/next-tier', { frontier, downstream: request.direction === 'downstream' }, { types: CHAIN_EDGE_TYPES });
        if (d === 1 && rows.length === 0) return null;
        const next = rows.filter((r) => r.id !== null).map((r) => String(r.id)).filter((id) => !seen.has(id)).sort();
        if (next.length === 0) break;
        if (d > depth) {
          nodesAtNextDepth = next.length;
          break;
        }
        const room = maxNodes - ids.length;
        if (next.length > room) {
          ids.push(...next.slice(0, room));
          truncated = true;
          break;
        }
        for (const id of next) seen.add(id);
        ids.push(...next);
        frontier = next;
      }
      return { ...base, ids, depthLimited: nodesAtNextDepth > 0, nodesAtNextDepth, truncated };
    },
    { label: 'export/next-tier', timeoutMs: 0 },
  );
  if (!scope) throw await new ChainStore(executor).unknownIdError([rootId]);
  return scope;
}

/** What cut a subgraph export, in a sentence every format and door repeats; null when nothing did. */
export function scopeNote(scope: ExportScope): string | null {
  if (scope.truncated) {
    return `Cut: the export stopped at the node cap of ${scope.maxNodes} nodes (nearest tiers first); this is not the whole chain. Ask for a larger maxNodes (at most ${EXPORT_MAX_NODES}) or a smaller depth.`;
  }
  if (scope.depthLimited) {
    const n = scope.nodesAtNextDepth;
    const depth = scope.request.maxDepth ?? EXPORT_MAX_DEPTH;
    return `Cut: ${n} more ${n === 1 ? 'node lies' : 'nodes lie'} at depth ${depth + 1}, beyond maxDepth ${depth}; this is not the whole chain. Leave the depth out for the whole chain.`;
  }
  return null;
}

/** The export's scope as metadata for the file itself (JSON, JSON Lines, GraphML); null for the whole graph. */
export function scopeMetadata(scope: ExportScope): Record<string, string | number | boolean | string[] | null> | null {
  const narrowed = scope.kinds.length !== NODE_KINDS.length;
  if (!scope.request.rootId && !narrowed) return null;
  const note = scopeNote(scope);
  return {
    root: scope.request.rootId ?? null,
    direction: scope.request.rootId ? (scope.request.direction ?? 'upstream') : null,
    maxDepth: scope.request.maxDepth ?? null,
    maxNodes: scope.maxNodes,
    kinds: narrowed ? [...scope.kinds] : null,
    complete: note === null,
    depthLimited: scope.depthLimited,
    nodesAtNextDepth: scope.nodesAtNextDepth,
    truncated: scope.truncated,
    ...(note ? { note } : {}),
  };
}

/** Nodes of one kind in the scope, in id order. */
export async function* nodesOfKind(executor: Executor, scope: ExportScope, kind: NodeKind): AsyncGenerator<NodeRecord> {
  if (!scope.kinds.includes(kind)) return;
  for await (const row of executor.stream('export/nodes-of-kind', { ids: scope.ids }, { substitutions: { label: kind } })) {
    yield toNodeRecord(row.node);
  }
}

export async function* allNodes(executor: Executor, scope: ExportScope): AsyncGenerator<NodeRecord> {
  for (const kind of NODE_KINDS) yield* nodesOfKind(executor, scope, kind);
}

/** Edges of one type whose two ends are in the scope. */
export async function* edgesOfType(executor: Executor, scope: ExportScope, type: EdgeType): AsyncGenerator<EdgeRecord> {
  const labels = scope.kinds.length === NODE_KINDS.length ? null : [...scope.kinds];
  for await (const row of executor.stream('export/edges-of-type', { ids: scope.ids, labels }, { substitutions: { type } })) {
    yield toEdgeRecord(type, row.from, row.to, row.props);
  }
}

export async function* allEdges(executor: Executor, scope: ExportScope): AsyncGenerator<EdgeRecord> {
  for (const type of EDGE_TYPES) yield* edgesOfType(executor, scope, type);
}

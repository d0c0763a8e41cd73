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
  maxDepth?: number;
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
}

/** How far a subgraph export may reach by default and at most. */
export const EXPORT_DEFAULT_DEPTH = 12;
export const EXPORT_MAX_DEPTH = 1000;

export async function resolveScope(executor: Executor, request: ExportRequest): Promise<ExportScope> {
  const kinds = request.kinds && request.kinds.length > 0 ? request.kinds : NODE_KINDS;
  const [meta] = await executor.read('meta/get');
  const homeCountry = (meta?.homeCountry as string | null) ?? DEFAULT_HOME_COUNTRY;
  if (!request.rootId) return { request, homeCountry, kinds, ids: null, depthLimited: false, nodesAtNextDepth: 0 };
  const depth = request.maxDepth ?? EXPORT_DEFAULT_DEPTH;
  if (!Number.isInteger(depth) || depth < 0 || depth > EXPORT_MAX_DEPTH) {
    throw new BadUserInputError(`maxDepth must be a whole number from 0 to ${EXPORT_MAX_DEPTH}; got ${depth}.`, 'maxDepth');
  }
  // The reach one hop further too, in the same snapshot, so the export can say what it left out.
  const [rows, further] = await executor.readTransaction(
    async (tx) => {
      const params = { id: request.rootId, downstream: request.direction === 'downstream' };
      return [await tx.run('export/subgraph-ids', params, { types: CHAIN_EDGE_TYPES, depth }), await tx.run('export/subgraph-ids', params, { types: CHAIN_EDGE_TYPES, depth: depth + 1 })];
    },
    { label: 'export/subgraph-ids', timeoutMs: 0 },
  );
  if (rows.length === 0) throw await new ChainStore(executor).unknownIdError([request.rootId]);
  const nodesAtNextDepth = further.length - rows.length;
  return { request, homeCountry, kinds, ids: rows.map((r) => String(r.id)), depthLimited: nodesAtNextDepth > 0, nodesAtNextDepth };
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

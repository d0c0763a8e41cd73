// The subgraphs ownership answers are worked out on (docs/domain.md, Organisations): what an
// organisation holds, and the organisations behind a set of nodes, each in one read transaction.

import type { OwnershipGraph } from '../model/graph.js';
import { edgeKey, type EdgeRecord, type NodeRecord } from '../model/records.js';
import type { Executor, QueryRunner } from './executor.js';
import { toEdgeRecord, toNodeRecord } from './mappers.js';

/** OWNS hops a fetch follows: far beyond any real holding structure, a guard on the query. */
export const OWNERSHIP_DEPTH = 12;

/** An organisation and what it holds through OWNS chains, with their edges; null for an unknown id. */
export async function fetchOwnershipDown(executor: Executor, id: string, depth = OWNERSHIP_DEPTH): Promise<OwnershipGraph | null> {
  return executor.readTransaction(
    async (tx) => {
      const rows = await tx.run('organization/holdings-down', { id }, { depth });
      if (rows.length === 0) return null;
      return withEdges(tx, rows.map((r) => toNodeRecord(r.node)));
    },
    { label: 'organization/holdings' },
  );
}

/** The organisations behind the given nodes (and their owners), with their edges. */
export async function fetchOwnershipBehind(executor: Executor, ids: readonly string[], depth = OWNERSHIP_DEPTH): Promise<OwnershipGraph> {
  return executor.readTransaction(
    async (tx) => {
      const rows = ids.length === 0 ? [] : await tx.run('organization/behind', { ids: [...new Set(ids)] }, { depth });
      return withEdges(tx, rows.map((r) => toNodeRecord(r.node)));
    },
    { label: 'organization/behind' },
  );
}

async function withEdges(tx: QueryRunner, found: NodeRecord[]): Promise<OwnershipGraph> {
  const nodes = new Map(found.map((n) => [n.id, n]));
  const orgIds = found.filter((n) => n.kind === 'Organization').map((n) => n.id);
  const edges = new Map<string, EdgeRecord>();
  if (orgIds.length > 0) {
    for (const r of await tx.run('organization/edges-of', { ids: orgIds })) {
      const edge = toEdgeRecord(r.type, r.from, r.to, r.props);
      edges.set(edgeKey(edge), edge);
      const other = toNodeRecord(r.other);
      if (!nodes.has(other.id)) nodes.set(other.id, other);
    }
  }
  return { nodes, edges: [...edges.values()] };
}

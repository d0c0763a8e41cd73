// The graph's read side as domain operations over named queries: batched node and link lookups
// for the DataLoaders, pages, search, walk steps and the subgraph fetches the metrics solve on.

import { CHAIN_EDGE_TYPES, ENTITY_LABEL, type EdgeType, type NodeKind } from '../model/kinds.js';
import { chainGraph, type ChainGraph } from '../model/graph.js';
import { DEFAULT_HOME_COUNTRY, type EdgeRecord, type NodeRecord } from '../model/records.js';
import { fullTextQuery } from '../model/search-text.js';
import { normalizeForMatch } from '../model/persian.js';
import type { Executor, QueryRunner } from './executor.js';
import { toEdgeRecord, toNodeRecord } from './mappers.js';

export type Direction = 'in' | 'out';

/** An edge seen from one of its ends: the edge and the node at the other end. */
export interface Link {
  edge: EdgeRecord;
  node: NodeRecord;
}

export interface NodeFilter {
  country?: string | null;
  province?: string | null;
  stage?: string | null;
  status?: string | null;
  text?: string | null;
  /** Only nodes this data set wrote. */
  dataset?: string | null;
}

export type OrderField = 'id' | 'name' | 'nameFa';

export interface PageRequest {
  kind: NodeKind | null;
  filter: NodeFilter;
  orderField: OrderField;
  descending: boolean;
  limit: number;
  after: { key: string; id: string } | null;
}

export interface SearchHit {
  node: NodeRecord;
  score: number;
}

/** One step of a breadth-first walk: the edge from the frontier node and the node reached. */
export interface StepHit {
  at: string;
  edge: EdgeRecord;
  node: NodeRecord;
}

export class ChainStore {
  constructor(private readonly executor: Executor) {}

  async homeCountry(): Promise<string> {
    const [row] = await this.executor.read('meta/get');
    return (row?.homeCountry as string | null) ?? DEFAULT_HOME_COUNTRY;
  }

  async counts(): Promise<{ nodes: Record<string, number>; edges: Record<string, number> }> {
    const rows = await this.executor.read('meta/counts');
    const out = { nodes: {} as Record<string, number>, edges: {} as Record<string, number> };
    for (const r of rows) (r.what === 'node' ? out.nodes : out.edges)[String(r.name)] = Number(r.count);
    return out;
  }

  /** Nodes for a batch of ids, in the same order; null where an id is unknown. */
  async nodesByIds(ids: readonly string[]): Promise<(NodeRecord | null)[]> {
    const rows = await this.executor.read('node/by-ids', { ids: [...new Set(ids)] });
    const byId = new Map(rows.map((r) => [String(r.id), toNodeRecord(r.node)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** For each id (in order), the data sets that wrote it (none for an unknown id). */
  async datasetNames(ids: readonly string[]): Promise<string[][]> {
    const rows = await this.executor.read('dataset/names-of', { ids: [...new Set(ids)] });
    const byId = new Map(rows.map((r) => [String(r.id), (r.datasets as string[]).map(String)]));
    return ids.map((id) => byId.get(id) ?? []);
  }

  /** For each id (in order), its links of the given types in one direction. */
  async links(ids: readonly string[], direction: Direction, types: readonly EdgeType[]): Promise<Link[][]> {
    const name = direction === 'out' ? 'node/links-out' : 'node/links-in';
    const rows = await this.executor.read(name, { ids: [...new Set(ids)] }, { substitutions: { types } });
    const byId = new Map<string, Link[]>();
    for (const r of rows) {
      const at = String(r.id);
      const node = toNodeRecord(r.node);
      const edge = direction === 'out' ? toEdgeRecord(r.type, at, node.id, r.props) : toEdgeRecord(r.type, node.id, at, r.props);
      const list = byId.get(at) ?? [];
      list.push({ edge, node });
      byId.set(at, list);
    }
    return ids.map((id) => byId.get(id) ?? []);
  }

  async page(request: PageRequest, homeCountry: string): Promise<NodeRecord[]> {
    const rows = await this.executor.read(
      'node/page',
      { ...filterParams(request.filter, homeCountry), afterKey: request.after?.key ?? null, afterId: request.after?.id ?? null, limit: request.limit },
      {
        substitutions: {
          label: request.kind ?? ENTITY_LABEL,
          orderField: request.orderField,
          order: request.descending ? 'DESC' : 'ASC',
          cmp: request.descending ? '<' : '>',
        },
      },
    );
    return rows.map((r) => toNodeRecord(r.node));
  }

  async count(kind: NodeKind | null, filter: NodeFilter, homeCountry: string): Promise<number> {
    const [row] = await this.executor.read('node/count', filterParams(filter, homeCountry), { substitutions: { label: kind ?? ENTITY_LABEL } });
    return Number(row?.total ?? 0);
  }

  /** Ranked hits: full-text on names (Persian analyzer) merged with substring hits on name keys. */
  async search(text: string, kind: NodeKind | null, limit: number): Promise<SearchHit[]> {
    const query = fullTextQuery(text);
    const key = normalizeForMatch(text);
    if (!query && !key) return [];
    const [fullText, contains] = await this.executor.readTransaction(async (tx) => [
      query ? await tx.run('search/fulltext', { query, kind, limit: limit * 3 }) : [],
      key ? await tx.run('search/contains', { key, kind, limit: limit * 3 }) : [],
    ]);
    const hits = new Map<string, SearchHit>();
    // A substring hit on a whole name outranks any token score; token scores order the rest.
    for (const r of contains) {
      const node = toNodeRecord(r.node);
      hits.set(node.id, { node, score: Number(r.score) * 10 });
    }
    for (const r of fullText) {
      const node = toNodeRecord(r.node);
      const prior = hits.get(node.id);
      hits.set(node.id, { node, score: (prior?.score ?? 0) + Number(r.score) });
    }
    return [...hits.values()].sort((a, b) => b.score - a.score || a.node.name.localeCompare(b.node.name)).slice(0, limit);
  }

  /** One breadth-first step from a frontier along the chain edges. */
  async step(tx: QueryRunner, frontier: readonly string[], direction: 'upstream' | 'downstream'): Promise<StepHit[]> {
    const name = direction === 'upstream' ? 'walk/upstream-step' : 'walk/downstream-step';
    const rows = await tx.run(name, { frontier }, { types: CHAIN_EDGE_TYPES });
    return rows.map((r) => {
      const at = String(r.at);
      const node = toNodeRecord(r.node);
      const edge = direction === 'upstream' ? toEdgeRecord(r.type, node.id, at, r.props) : toEdgeRecord(r.type, at, node.id, r.props);
      return { at, edge, node };
    });
  }

  /** Runs a unit of work in one read transaction (a consistent snapshot for a multi-step walk). */
  snapshot<T>(work: (tx: QueryRunner) => Promise<T>, label: string): Promise<T> {
    return this.executor.readTransaction(work, { label });
  }

  /** Everything upstream of `id` (itself included) with the chain edges among it, in one round trip. */
  async fetchUpstream(id: string, maxDepth: number): Promise<ChainGraph | null> {
    const [rows, home] = await Promise.all([
      this.executor.read('walk/fetch-upstream', { id }, { substitutions: { types: CHAIN_EDGE_TYPES, depth: maxDepth } }),
      this.homeCountry(),
    ]);
    if (rows.length === 0) return null;
    const nodes = rows.map((r) => toNodeRecord(r.node));
    const inSet = new Set(nodes.map((n) => n.id));
    const edges: EdgeRecord[] = [];
    rows.forEach((r, i) => {
      for (const e of (r.incoming ?? []) as { type: string; from: string; props: Record<string, never> }[]) {
        if (e && inSet.has(e.from)) edges.push(toEdgeRecord(e.type, e.from, nodes[i]!.id, e.props));
      }
    });
    return chainGraph(nodes, edges, home);
  }

  /** The whole chain (no Source nodes), for graph-wide reports. */
  async fetchAll(edgeTypes: readonly EdgeType[] = CHAIN_EDGE_TYPES): Promise<ChainGraph> {
    const [nodes, edges, home] = await this.executor.readTransaction(
      async (tx) => [
        await tx.run('walk/fetch-all-nodes'),
        await tx.run('walk/fetch-all-edges', {}, { types: edgeTypes }),
        await tx.run('meta/get'),
      ],
      { label: 'fetch-all' },
    );
    return chainGraph(
      nodes.map((r) => toNodeRecord(r.node)),
      edges.map((r) => toEdgeRecord(r.type, r.from, r.to, r.props)),
      (home[0]?.homeCountry as string | null) ?? DEFAULT_HOME_COUNTRY,
    );
  }
}

function filterParams(filter: NodeFilter, homeCountry: string): Record<string, unknown> {
  return {
    country: filter.country ?? null,
    province: filter.province ?? null,
    stage: filter.stage ?? null,
    status: filter.status ?? null,
    text: filter.text ? normalizeForMatch(filter.text) : null,
    dataset: filter.dataset ?? null,
    homeCountry,
  };
}

/** Empties the database in batches (nodes and relationships; schema stays). Returns nodes deleted. */
export async function deleteEverything(executor: Executor, batch = 10_000): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await executor.write('admin/delete-batch', { limit: batch }, { timeoutMs: 0 });
    const deleted = Number(row?.deleted ?? 0);
    total += deleted;
    if (deleted === 0) return total;
  }
}

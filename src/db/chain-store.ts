// The graph's read side as domain operations over named queries: batched node and link lookups
// for the DataLoaders, pages, search, walk steps and the subgraph fetches the metrics solve on.

import { CHAIN_EDGE_TYPES, ENTITY_LABEL, type EdgeType, type NodeKind } from '../model/kinds.js';
import { chainGraph, type ChainGraph } from '../model/graph.js';
import { DEFAULT_HOME_COUNTRY, type EdgeRecord, type NodeRecord } from '../model/records.js';
import { fullTextQuery } from '../model/search-text.js';
import { normalizeForMatch } from '../model/persian.js';
import { provinceKeys } from '../model/provinces.js';
import { MAX_SEARCH_CHARS, MAX_SEARCH_WORDS, matchingCategories, rankSearch } from '../model/search-rank.js';
import { editDistance } from '../model/search-words.js';
import { NotFoundError } from '../errors/index.js';
import type { OrderField } from './order-keys.js';
import type { Executor, QueryRunner } from './executor.js';
import { toEdgeRecord, toNodeRecord } from './mappers.js';

export type Direction = 'in' | 'out';

/** An edge seen from one of its ends: the edge and the node at the other end. */
export interface Link {
  edge: EdgeRecord;
  node: NodeRecord;
}

export interface NodeFilter {
  /** ISO alpha-2, upper case. */
  country?: string | null;
  /** Any spelling; matched by its normalised keys (src/model/provinces.ts). */
  province?: string | null;
  stage?: string | null;
  status?: string | null;
  /** Items of any of these categories. */
  categories?: readonly string[] | null;
  text?: string | null;
  /** Only nodes this data set wrote. */
  dataset?: string | null;
}

export type { OrderField } from './order-keys.js';

export type SortKey = string | number | null;

export interface PageRequest {
  kind: NodeKind | null;
  filter: NodeFilter;
  orderField: OrderField;
  descending: boolean;
  limit: number;
  after: { key: SortKey; id: string } | null;
}

export interface SearchHit {
  node: NodeRecord;
  score: number;
  matched: string;
}

/** Folds applied to a stored province in Cypher, as provinceKey() does to the one asked for. */
const PROVINCE_FOLD = [['\u064A', '\u06CC'], ['\u0649', '\u06CC'], ['\u0643', '\u06A9'], ['\u0629', '\u0647'], ['\u200C', ''], ['\u200D', ''], [' ', ''], ['-', ''], ['_', ''], ["'", ''], ['\u2019', ''], ['.', '']];

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

  /** One page of nodes, each with the value it was sorted by (for the next cursor). */
  async page(request: PageRequest, homeCountry: string): Promise<{ node: NodeRecord; key: SortKey }[]> {
    const after = request.after;
    const rows = await this.executor.read(
      'node/page',
      {
        ...filterParams(request.filter, homeCountry),
        afterKey: after?.key ?? null,
        afterNull: after !== null && after.key === null,
        afterId: after?.id ?? null,
        limit: request.limit,
      },
      {
        substitutions: {
          label: request.kind ?? ENTITY_LABEL,
          orderKey: request.orderField,
          order: request.descending ? 'DESC' : 'ASC',
          cmp: request.descending ? '<' : '>',
        },
      },
    );
    return rows.map((r) => ({ node: toNodeRecord(r.node), key: (r.key ?? null) as SortKey }));
  }

  async count(kind: NodeKind | null, filter: NodeFilter, homeCountry: string): Promise<number> {
    const [row] = await this.executor.read('node/count', filterParams(filter, homeCountry), { substitutions: { label: kind ?? ENTITY_LABEL } });
    return Number(row?.total ?? 0);
  }

  /**
   * Ranked hits. The database gathers candidates three ways (full-text with typos, stems, sounds
   * and HS codes; substrings of the name keys; the categories the words name), and
   * src/model/search-rank.ts orders them.
   */
  async search(text: string, kind: NodeKind | null, limit: number): Promise<SearchHit[]> {
    const query = fullTextQuery(text);
    const key = normalizeForMatch(text);
    const categories = matchingCategories(text);
    if (!query && !key && categories.length === 0) return [];
    const wide = Math.min(500, Math.max(50, limit * 5));
    // Three independent reads, run side by side.
    const batches = await Promise.all([
      query ? this.executor.read('search/fulltext', { query, kind, limit: kind ? wide * 4 : wide }) : [],
      key ? this.executor.read('search/contains', { key, kind, limit: wide }) : [],
      categories.length ? this.executor.read('search/category', { categories, kind, limit: wide }) : [],
    ]);
    const candidates = batches.flat().map((r) => ({ node: toNodeRecord(r.node), degree: Number(r.degree ?? 0) }));
    return rankSearch(text, candidates, limit);
  }

  /**
   * The error for ids that are not in the graph, with the nearest ids that are ("did you mean
   * product:peugeot-pars?"): found by searching the id's words, then ordered by how few letters
   * of the id differ.
   */
  async unknownIdError(ids: readonly string[], what = 'node'): Promise<NotFoundError> {
    const suggestions: string[] = [];
    for (const id of ids.slice(0, 5)) suggestions.push(...(await this.suggestIds(id)));
    return new NotFoundError(what, ids.join(', '), [...new Set(suggestions)]);
  }

  async suggestIds(id: string, limit = 3): Promise<string[]> {
    const typed = id.trim().toLowerCase().slice(0, MAX_SEARCH_CHARS);
    const words = typed.replace(/^[a-z]+:/, '').replace(/[-_:.]+/g, ' ').trim();
    if (!words) return [];
    const hits = await this.search(words.split(' ').slice(0, MAX_SEARCH_WORDS).join(' '), null, 10).catch(() => []);
    // Near in letters, and not much further than the nearest: one clear answer stays alone.
    const bound = Math.max(2, Math.ceil(typed.length * 0.34));
    const near = hits
      .map((h, rank) => ({ id: h.node.id, rank, d: editDistance(typed, h.node.id.toLowerCase(), bound) }))
      .filter((x) => x.d <= bound)
      .sort((a, b) => a.d - b.d || a.rank - b.rank);
    return near.filter((x) => x.d <= near[0]!.d + 2).slice(0, limit).map((x) => x.id);
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
    provinceKeys: filter.province ? provinceKeys(filter.province) : null,
    provinceFold: PROVINCE_FOLD,
    stage: filter.stage ?? null,
    status: filter.status ?? null,
    categories: filter.categories ? [...filter.categories] : null,
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

// Looks nodes up, pages through them and searches them; validates what resolvers pass in.

import { BadUserInputError, NotFoundError } from '../errors/index.js';
import type { OrderField } from '../db/chain-store.js';
import { categoriesOfSector, type Category, type Sector } from '../model/categories.js';
import { PROJECT_STATUSES, SITE_STATUSES, type NodeKind } from '../model/kinds.js';
import type { NodeRecord } from '../model/records.js';
import { MAX_SEARCH_CHARS, MAX_SEARCH_WORDS } from '../model/search-rank.js';
import { words } from '../model/search-words.js';
import { loadNode, loadNodes, type ServiceDeps } from './deps.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { checkDatasetName } from '../io/datasets.js';

export async function requireNode(ctx: ServiceDeps, id: string): Promise<NodeRecord> {
  const node = await loadNode(ctx, id);
  if (!node) throw await ctx.store.unknownIdError([id]);
  return node;
}

/** Most ids nodesByIds answers at once. */
export const MAX_IDS = 500;

/** Unknown ids that get "did you mean" suggestions (a search each); the rest a plain NOT_FOUND. */
const SUGGESTED_IDS = 5;

/** Nodes for ids, in order; an unknown id is null in the list and a NOT_FOUND error at its index. */
export async function nodesByIds(ctx: ServiceDeps, ids: readonly string[]): Promise<(NodeRecord | Error)[]> {
  if (ids.length > MAX_IDS) throw new BadUserInputError(`ids may hold at most ${MAX_IDS} ids; got ${ids.length}.`, 'ids');
  const nodes = await loadNodes(ctx, ids);
  let searched = 0;
  return Promise.all(
    nodes.map(async (n, i) => {
      if (n instanceof Error || n) return n;
      return (searched += 1) <= SUGGESTED_IDS ? ctx.store.unknownIdError([ids[i]!]) : new NotFoundError('node', ids[i]!);
    }),
  );
}

export interface PageFilter {
  country?: string;
  province?: string;
  stage?: string;
  status?: string;
  category?: Category;
  sector?: Sector;
  nameContains?: string;
  dataset?: string;
}

export interface PageArgs {
  kind: NodeKind | null;
  filter: PageFilter;
  orderField: OrderField;
  descending: boolean;
  first: number;
  after: string | null;
}

export const MAX_PAGE = 500;

const STATUS_KINDS: Record<string, NodeKind[]> = Object.fromEntries([
  ...SITE_STATUSES.map((s) => [s, ['Mine', 'Plant']]),
  ...PROJECT_STATUSES.map((s) => [s, ['Project']]),
]);
for (const s of SITE_STATUSES) if ((PROJECT_STATUSES as readonly string[]).includes(s)) STATUS_KINDS[s] = ['Mine', 'Plant', 'Project'];

/** Checks and normalises a filter: a filter that can only ever match nothing is an error, not an empty page. */
export function checkFilter(kind: NodeKind | null, filter: PageFilter) {
  let country: string | null = null;
  if (filter.country !== undefined && filter.country !== null) {
    const c = filter.country.trim();
    if (!/^[A-Za-z]{2}$/.test(c)) throw new BadUserInputError(`country must be an ISO 3166-1 alpha-2 code like CN or IR; got ${JSON.stringify(filter.country)}.`, 'filter.country');
    country = c.toUpperCase();
  }
  const province = filter.province?.trim() || null;
  if (province && province.length > MAX_SEARCH_CHARS) throw new BadUserInputError(`province must be at most ${MAX_SEARCH_CHARS} characters.`, 'filter.province');
  const text = filter.nameContains?.trim() || null;
  if (text && text.length > MAX_SEARCH_CHARS) throw new BadUserInputError(`nameContains must be at most ${MAX_SEARCH_CHARS} characters; got ${text.length}.`, 'filter.nameContains');
  if (filter.status && kind && !STATUS_KINDS[filter.status]?.includes(kind)) {
    const kinds = STATUS_KINDS[filter.status]!.join(' and ');
    throw new BadUserInputError(`status ${filter.status} is a status of ${kinds} nodes, never of a ${kind}: this filter would match nothing.`, 'filter.status');
  }
  if ((filter.category || filter.sector) && kind && kind !== 'Product' && kind !== 'Part') {
    throw new BadUserInputError(`category and sector describe products and parts, never a ${kind}: this filter would match nothing.`, 'filter.category');
  }
  let categories: string[] | null = null;
  if (filter.sector) categories = categoriesOfSector(filter.sector);
  if (filter.category) categories = categories ? categories.filter((c) => c === filter.category) : [filter.category];
  return { country, province, stage: filter.stage ?? null, status: filter.status ?? null, categories, text, dataset: filter.dataset ?? null };
}

export async function pageNodes(ctx: ServiceDeps, args: PageArgs) {
  if (!Number.isInteger(args.first) || args.first < 0 || args.first > MAX_PAGE) throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE}; got ${args.first}.`, 'first');
  if (args.filter.dataset !== undefined && args.filter.dataset !== null) checkDatasetName(args.filter.dataset, 'filter.dataset');
  const after = args.after ? decodeCursor(args.after, args.orderField) : null;
  const filter = checkFilter(args.kind, args.filter);
  const home = await ctx.homeCountry();
  const [rows, totalCount] = await Promise.all([
    ctx.store.page({ kind: args.kind, filter, orderField: args.orderField, descending: args.descending, limit: args.first + 1, after }, home),
    ctx.store.count(args.kind, filter, home),
  ]);
  const page = rows.slice(0, args.first);
  const edges = page.map(({ node, key }) => ({ node, cursor: encodeCursor(args.orderField, key, node.id) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > args.first,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export async function searchNodes(ctx: ServiceDeps, text: string, kind: NodeKind | null, first: number) {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new BadUserInputError(`first must be between 1 and 100; got ${first}.`, 'first');
  checkSearchText(text);
  return ctx.store.search(text, kind, first);
}

/** Search text is bounded: a few words of a name, not a document (the index query grows with every word). */
export function checkSearchText(text: string): void {
  if (text.trim().length === 0) throw new BadUserInputError('text must not be empty.', 'text');
  if (text.length > MAX_SEARCH_CHARS) {
    throw new BadUserInputError(`text must be at most ${MAX_SEARCH_CHARS} characters (a name, not a document); got ${text.length}.`, 'text');
  }
  const count = words(text).length;
  if (count > MAX_SEARCH_WORDS) throw new BadUserInputError(`text may hold at most ${MAX_SEARCH_WORDS} words; got ${count}.`, 'text');
}

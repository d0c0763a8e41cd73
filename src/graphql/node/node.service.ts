// Looks nodes up, pages through them and searches them; validates what resolvers pass in.

import { BadUserInputError, NotFoundError } from '../../errors/index.js';
import type { OrderField } from '../../db/chain-store.js';
import type { NodeKind } from '../../model/kinds.js';
import type { NodeRecord } from '../../model/records.js';
import type { Context } from '../../context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { checkDatasetName } from '../../io/datasets.js';

export async function requireNode(ctx: Context, id: string): Promise<NodeRecord> {
  const node = await ctx.loaders.node.load(id);
  if (!node) throw new NotFoundError('node', id);
  return node;
}

export interface PageArgs {
  kind: NodeKind | null;
  filter: { country?: string; province?: string; stage?: string; status?: string; nameContains?: string; dataset?: string };
  orderField: OrderField;
  descending: boolean;
  first: number;
  after: string | null;
}

export const MAX_PAGE = 500;

export async function pageNodes(ctx: Context, args: PageArgs) {
  if (args.first < 0 || args.first > MAX_PAGE) throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE}.`, 'first');
  if (args.filter.dataset !== undefined && args.filter.dataset !== null) checkDatasetName(args.filter.dataset, 'filter.dataset');
  const after = args.after ? decodeCursor(args.after, args.orderField) : null;
  const filter = { ...args.filter, text: args.filter.nameContains ?? null };
  const home = await ctx.homeCountry();
  const [rows, totalCount] = await Promise.all([
    ctx.store.page({ kind: args.kind, filter, orderField: args.orderField, descending: args.descending, limit: args.first + 1, after }, home),
    ctx.store.count(args.kind, filter, home),
  ]);
  const page = rows.slice(0, args.first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(args.orderField, String(node[args.orderField] ?? ''), node.id) }));
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

export async function searchNodes(ctx: Context, text: string, kind: NodeKind | null, first: number) {
  if (first < 1 || first > 100) throw new BadUserInputError('first must be between 1 and 100.', 'first');
  if (text.trim().length === 0) throw new BadUserInputError('text must not be empty.', 'text');
  const max = ctx.config.limits.searchMaxLength;
  if (text.length > max) throw new BadUserInputError(`text is ${text.length} characters long; search takes up to ${max} characters (ZANJIR_SEARCH_MAX_LENGTH).`, 'text');
  return ctx.store.search(text, kind, first);
}

// Fills the derived search fields (src/model/search-text.ts) of nodes that lack them: nodes
// loaded from a Cypher or CSV export, or written by another tool (a no-op when none lack them);
// rebuilds every node's fields once when their format is newer than what the database holds;
// and rebuilds them for given nodes inside a transaction, for the importer.

import { SEARCH_FIELDS_VERSION, searchKey, searchText } from '../model/search-text.js';
import type { Executor, QueryRunner, Row } from './executor.js';

const BATCH = 5_000;

export async function backfillSearchKeys(executor: Executor): Promise<number> {
  let total = 0;
  const [meta] = await executor.read('admin/search-version');
  if (Number(meta?.version ?? 0) < SEARCH_FIELDS_VERSION) {
    // Older fields: rebuild all of them, a page at a time in id order, then record the version.
    let after = '';
    for (;;) {
      const page = await executor.read('admin/search-names-page', { after, limit: BATCH }, { timeoutMs: 0 });
      if (page.length === 0) break;
      await executor.write('admin/set-search-keys', { rows: page.map(searchFields) }, { timeoutMs: 0 });
      total += page.length;
      after = String(page.at(-1)!.id);
    }
    await executor.write('admin/set-search-version', { version: SEARCH_FIELDS_VERSION });
  }
  for (;;) {
    const missing = await executor.read('admin/missing-search-keys', { limit: BATCH }, { timeoutMs: 0 });
    if (missing.length === 0) return total;
    const rows = missing.map(searchFields);
    await executor.write('admin/set-search-keys', { rows }, { timeoutMs: 0 });
    total += rows.length;
  }
}

/** Rebuilds the search fields of these nodes from their stored names, in the caller's transaction. */
export async function refreshSearchKeys(tx: QueryRunner, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const named = await tx.run('admin/search-names', { ids });
  await tx.run('admin/set-search-keys', { rows: named.map(searchFields) });
}

function searchFields(r: Row) {
  const named = {
    id: String(r.id),
    name: String(r.name ?? r.id),
    nameFa: String(r.nameFa ?? ''),
    aliases: (r.aliases as string[] | null) ?? undefined,
    hsCode: r.hsCode ?? undefined,
    operator: r.operator ?? undefined,
    owner: r.owner ?? undefined,
  };
  return { id: named.id, searchKey: searchKey(named), searchText: searchText(named) };
}

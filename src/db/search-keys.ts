// Fills the derived search fields (src/model/search-text.ts) of nodes that lack them: nodes
// loaded from a Cypher or CSV export, or written by another tool. A no-op when none lack them.

import { searchKey, searchText } from '../model/search-text.js';
import type { Executor } from './executor.js';

const BATCH = 5_000;

export async function backfillSearchKeys(executor: Executor): Promise<number> {
  let total = 0;
  for (;;) {
    const missing = await executor.read('admin/missing-search-keys', { limit: BATCH }, { timeoutMs: 0 });
    if (missing.length === 0) return total;
    const rows = missing.map((r) => {
      const named = { id: String(r.id), name: String(r.name ?? r.id), nameFa: String(r.nameFa ?? ''), aliases: r.aliases ?? undefined };
      return { id: named.id, searchKey: searchKey(named), searchText: searchText(named) };
    });
    await executor.write('admin/set-search-keys', { rows }, { timeoutMs: 0 });
    total += rows.length;
  }
}

// `zanjir link-sources`: finds the chain nodes each Source's text names and records them as
// MENTIONS edges (Source → node), replacing what an earlier run found. One read of every name,
// the matching in memory (src/model/entity-linking.ts), one write transaction.

import type { Executor } from '../db/executor.js';
import { NameIndex, type LinkableNode } from '../model/entity-linking.js';

export interface LinkSummary {
  sources: number;
  mentions: number;
  bySource: { sourceId: string; nodeIds: string[] }[];
}

export async function linkSources(executor: Executor, sourceIds: string[] | null = null): Promise<LinkSummary> {
  const [sources, names] = await executor.readTransaction(
    async (tx) => [await tx.run('link/sources', { ids: sourceIds }), await tx.run('link/names')],
    { label: 'link-sources', timeoutMs: 0 },
  );
  const index = new NameIndex(names.map((r) => ({ id: String(r.id), name: String(r.name), nameFa: String(r.nameFa), aliases: (r.aliases ?? []) as string[] }) satisfies LinkableNode));
  const found = sources.map((s) => ({ id: String(s.id), mentions: index.mentionsIn(String(s.text)) }));
  if (found.length > 0) {
    await executor.write('link/replace-mentions', { sources: found.map((f) => ({ id: f.id, mentions: f.mentions.map((m) => ({ nodeId: m.nodeId })) })) }, { timeoutMs: 0 });
  }
  return {
    sources: found.length,
    mentions: found.reduce((n, f) => n + f.mentions.length, 0),
    bySource: found.map((f) => ({ sourceId: f.id, nodeIds: f.mentions.map((m) => m.nodeId) })),
  };
}

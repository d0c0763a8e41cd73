import { linkSources } from '../../io/link-sources.js';
import type { ParsedArgs } from '../args.js';
import { log, withDatabase } from './common.js';

export async function linkSourcesCommand(args: ParsedArgs): Promise<void> {
  await withDatabase(async (db) => {
    const summary = await linkSources(db.executor, args.positionals.length > 0 ? args.positionals : null);
    for (const s of summary.bySource) log(`${s.sourceId}: ${s.nodeIds.length} nodes mentioned${s.nodeIds.length ? ` (${s.nodeIds.slice(0, 8).join(', ')}${s.nodeIds.length > 8 ? ', …' : ''})` : ''}`);
    log(`Linked ${summary.sources} sources: ${summary.mentions} MENTIONS edges.`);
  });
}

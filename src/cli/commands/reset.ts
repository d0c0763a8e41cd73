import { deleteEverything } from '../../db/chain-store.js';
import { UsageError, type ParsedArgs } from '../args.js';
import { log, withDatabase } from './common.js';

export async function resetCommand(args: ParsedArgs): Promise<void> {
  if (!args.options.has('yes')) throw new UsageError('zanjir reset --yes deletes every node and relationship (the schema stays). Add --yes to confirm.');
  await withDatabase(async (db) => {
    const deleted = await deleteEverything(db.executor);
    log(`Deleted ${deleted} nodes and their relationships.`);
  });
}

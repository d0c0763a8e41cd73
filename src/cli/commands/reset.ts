import os from 'node:os';
import { emptyGraph } from '../../io/edits.js';
import { UsageError, type ParsedArgs } from '../args.js';
import { log, withDatabase } from './common.js';

export async function resetCommand(args: ParsedArgs): Promise<void> {
  if (!args.options.has('yes')) throw new UsageError('zanjir reset --yes deletes every node and relationship (the schema, API keys and change log stay). Add --yes to confirm.');
  await withDatabase(async (db) => {
    const { nodesDeleted: deleted } = await emptyGraph(db.executor, `cli:${os.userInfo().username}`);
    log(`Deleted ${deleted} nodes and their relationships. API keys and the change log stay.`);
  });
}

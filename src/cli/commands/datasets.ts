// `zanjir datasets`: the data sets (one per import), and `zanjir datasets remove NAME`, which
// removes exactly what only that data set brought (the same service as GraphQL's removeDataset).

import { removeDataset } from '../../io/dataset-removal.js';
import { checkDatasetName, listDatasets } from '../../io/datasets.js';
import { UsageError, type ParsedArgs } from '../args.js';
import { formatTable } from '../../reports/text-table.js';
import { log, withDatabase } from './common.js';

export const DATASETS_USAGE = `zanjir datasets [--json]          list the data sets, oldest first
zanjir datasets remove NAME        remove what only NAME brought, restore what it overwrote`;

export async function datasetsCommand(args: ParsedArgs): Promise<void> {
  const [action, name, ...extra] = args.positionals;
  if (action === undefined) {
    await withDatabase(async (db) => {
      const list = await listDatasets(db.executor);
      if (args.options.has('json')) {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const c = (x: { created: number; updated: number; unchanged: number }) => `${x.created}/${x.updated}/${x.unchanged}`;
      process.stdout.write(
        `${formatTable(
          ['name', 'imported at', 'by', 'files', 'nodes c/u/=', 'edges c/u/=', 'checksum'],
          list.map((d) => [d.name + (d.state === 'committed' ? '' : ' (writing)'), d.importedAt.slice(0, 19), d.importedBy, d.files.join(' '), c(d.nodes), c(d.edges), d.checksum.slice(0, 12)]),
        )}\n`,
      );
    });
    return;
  }
  if (action !== 'remove' || name === undefined || extra.length > 0) throw new UsageError(DATASETS_USAGE);
  checkDatasetName(name, 'NAME');
  await withDatabase(async (db) => {
    const r = await removeDataset(db.executor, name);
    log(`Removed data set ${name}: deleted ${r.nodesDeleted} nodes and ${r.edgesDeleted} edges it alone brought; restored ${r.nodesRestored} nodes and ${r.edgesRestored} edges it had updated.`);
  });
}

import { importSources } from '../../io/importer.js';
import { filesFor, sourceForFile } from '../../io/sources.js';
import { numberOption, UsageError, type ParsedArgs } from '../args.js';
import { progressReporter } from '../progress.js';
import { describeImport, importProgress, log, withDatabase } from './common.js';

export async function importCommand(args: ParsedArgs): Promise<void> {
  if (args.positionals.length === 0) throw new UsageError('zanjir import FILE|FOLDER… (zanjir/1 .json or .jsonl)');
  const files = args.positionals.flatMap(filesFor);
  const batchSize = numberOption(args, 'batch-size');
  await withDatabase(async (db) => {
    const summary = await importSources(db.executor, files.map(sourceForFile), {
      batchSize,
      onProgress: importProgress(progressReporter()),
    });
    log(describeImport(summary));
  });
}

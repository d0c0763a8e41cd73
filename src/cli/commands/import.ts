import { importSources } from '../../io/importer.js';
import { filesFor, sourceForFile } from '../../io/sources.js';
import os from 'node:os';
import { checkDatasetName } from '../../io/datasets.js';
import { numberOption, stringOption, UsageError, type ParsedArgs } from '../args.js';
import { progressReporter } from '../progress.js';
import { describeImport, importProgress, log, withDatabase } from './common.js';

export async function importCommand(args: ParsedArgs): Promise<void> {
  if (args.positionals.length === 0) throw new UsageError('zanjir import FILE|FOLDER… (zanjir/1 .json or .jsonl)');
  if (args.options.has('staged') && args.options.has('single-transaction')) throw new UsageError('--staged and --single-transaction exclude each other');
  const dataset = stringOption(args, 'dataset');
  if (dataset !== undefined) checkDatasetName(dataset, '--dataset');
  const files = args.positionals.flatMap(filesFor);
  const batchSize = numberOption(args, 'batch-size');
  const mode = args.options.has('staged') ? 'staged' : args.options.has('single-transaction') ? 'single' : 'auto';
  await withDatabase(async (db, config) => {
    const summary = await importSources(db.executor, files.map((f) => sourceForFile(f, config.importFiles)), {
      batchSize,
      mode,
      singleTransactionMax: config.importSingleTransactionMax,
      fault: config.faults.import,
      log,
      onProgress: importProgress(progressReporter()),
      dataset: { name: dataset ?? null, by: `cli:${os.userInfo().username}` },
    });
    log(describeImport(summary));
  });
}

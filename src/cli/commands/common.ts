import { loadConfig, type Config } from '../../config.js';
import { openDatabase, type Database } from '../../db/database.js';
import type { ImportProgress, ImportSummary } from '../../io/importer.js';
import type { ProgressReporter } from '../progress.js';

export const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Opens the configured database for a one-off command, attaching to a running Zanjir if there is one. */
export async function withDatabase<T>(work: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, { attach: true, log });
  try {
    return await work(db, config);
  } finally {
    await db.close();
  }
}

const PHASES: Record<ImportProgress['phase'], string> = {
  check: 'Checking records',
  'write-nodes': 'Writing nodes',
  'write-edges': 'Writing edges',
  done: 'Done',
};

export function importProgress(reporter: ProgressReporter): (p: ImportProgress) => void {
  return (p) => {
    if (p.phase === 'done') reporter.done();
    else reporter.update(PHASES[p.phase], p.done, p.total);
  };
}

export function describeImport(summary: ImportSummary): string {
  const c = (x: ImportSummary['nodes']) => `${x.created} created, ${x.updated} updated, ${x.unchanged} unchanged`;
  return [
    `Imported ${summary.sources.join(', ')} (home country ${summary.homeCountry}) in ${(summary.durationMs / 1000).toFixed(1)} s${summary.mode === 'staged' ? ', staged in journaled batches' : ''}, as data set ${summary.dataset}`,
    `  nodes: ${c(summary.nodes)}`,
    `  edges: ${c(summary.edges)}`,
  ].join('\n');
}

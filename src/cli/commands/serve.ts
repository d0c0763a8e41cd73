import { checkExposure } from '../../access/exposure.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { ImportInProgressError } from '../../errors/index.js';
import { recoverImports } from '../../io/import-journal.js';
import { seedIfEmpty } from '../../io/seed.js';
import { startServer } from '../../server.js';
import { progressReporter } from '../progress.js';
import { describeImport, importProgress, log } from './common.js';

export async function serve(): Promise<void> {
  const config = loadConfig();
  // Refuse an unsafe exposure before spending time on starting Neo4j.
  checkExposure(config);
  const db = await openDatabase(config, { log });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let closing: Promise<void> | null = null;
  const shutdown = (signal: string) => {
    closing ??= (async () => {
      log(`\n${signal}: stopping Zanjir…`);
      await server?.close();
      await db.close();
      log('Stopped.');
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  try {
    // An import cut off by a crash is rolled back before anything reads the graph. On the embedded
    // Neo4j nothing else can be writing yet, so any unfinished import is dead.
    await recoverImports(db.executor, { log, ...(db.embedded ? { staleAfterMs: 0 } : {}) }).catch((error: unknown) => {
      // Another process is importing into this shared Neo4j right now: serve anyway.
      if (!(error instanceof ImportInProgressError)) throw error;
      log(error.message);
    });
    const seeded = await seedIfEmpty(db, config.seed, { onProgress: importProgress(progressReporter()), singleTransactionMax: config.importSingleTransactionMax });
    if (seeded) log(`Loaded the seed data set.\n${describeImport(seeded)}`);
    server = await startServer({ config, executor: db.executor, store: db.store }, (line) => console.log(line));
    log(`Neo4j: ${db.boltUri}${db.embedded ? ` (embedded, data in ${config.dataDir})` : ''}. Ctrl-C stops.`);
  } catch (error) {
    await db.close();
    throw error;
  }
}

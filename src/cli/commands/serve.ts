import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { seedIfEmpty } from '../../io/seed.js';
import { startServer } from '../../server.js';
import { progressReporter } from '../progress.js';
import { describeImport, importProgress, log } from './common.js';

export async function serve(): Promise<void> {
  const config = loadConfig();
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
    const seeded = await seedIfEmpty(db, config.seed, { onProgress: importProgress(progressReporter()) });
    if (seeded) log(`Loaded the seed data set.\n${describeImport(seeded)}`);
    server = await startServer({ config, executor: db.executor, store: db.store }, (line) => console.log(line));
    log(`Neo4j: ${db.boltUri}${db.embedded ? ` (embedded, data in ${config.dataDir})` : ''}. Ctrl-C stops.`);
  } catch (error) {
    await db.close();
    throw error;
  }
}

// Opens the graph database for a process: the embedded Neo4j when no NEO4J_URI is configured,
// otherwise the given server (bolt://, neo4j:// routing, Aura). One driver per process.

import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT, type Config } from '../config.js';
import { ChainStore } from './chain-store.js';
import { CypherRegistry } from './cypher-registry.js';
import { dataDirHolder, startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded.js';
import { createDriver, Executor } from './executor.js';
import { applySchema } from './schema.js';
import { backfillSearchKeys } from './search-keys.js';

export const CYPHER_ROOT = path.join(PROJECT_ROOT, 'cypher');

export interface Database {
  executor: Executor;
  store: ChainStore;
  boltUri: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * When the embedded data directory is held by a running Zanjir, use its Neo4j instead of
   * refusing: lets `zanjir import` and friends work while `npm start` runs.
   */
  attach?: boolean;
  log?: (line: string) => void;
}

export async function openDatabase(config: Config, options: OpenOptions = {}): Promise<Database> {
  const log = options.log ?? (() => {});
  const registry = CypherRegistry.load(CYPHER_ROOT);
  let embedded: EmbeddedNeo4j | null = null;
  let driver: Driver | null = null;
  const holder = !config.neo4j && options.attach ? dataDirHolder(config.dataDir) : null;
  if (holder?.boltUri) log(`Using the Neo4j of the Zanjir already running on ${config.dataDir} (process ${holder.pid}) at ${holder.boltUri}`);
  try {
    if (!config.neo4j && !holder?.boltUri) {
      log(`Starting the embedded Neo4j (data in ${config.dataDir})…`);
      embedded = await startEmbeddedNeo4j({
        home: config.home,
        dataDir: config.dataDir,
        boltPort: config.boltPort,
        javaPath: config.javaPath,
        javaHeap: config.javaHeap,
        pageCache: config.pageCache,
        log,
      });
    }
    const boltUri = embedded?.boltUri ?? holder?.boltUri ?? config.neo4j!.uri;
    driver = createDriver(boltUri, config.neo4j?.user ?? null, config.neo4j?.password ?? null);
    const executor = new Executor(driver, config.database, registry, config.limits.queryTimeoutMs);
    await executor.waitUntilReady();
    await applySchema(executor, CYPHER_ROOT);
    await backfillSearchKeys(executor);
    const openDriver = driver;
    const openEmbedded = embedded;
    return {
      executor,
      store: new ChainStore(executor),
      boltUri,
      embedded: openEmbedded !== null,
      async close() {
        await openDriver.close();
        await openEmbedded?.stop();
      },
    };
  } catch (error) {
    await driver?.close();
    await embedded?.stop();
    throw error;
  }
}

// Opens the graph database for a process: the embedded Neo4j when no NEO4J_URI is configured,
// otherwise the given server (bolt://, neo4j:// routing, Aura). One driver per process.

import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT, type Config } from '../config.js';
import { ChainStore } from './chain-store.js';
import { CypherRegistry } from './cypher-registry.js';
import { dataDirHolder, readBoltAuth, startEmbeddedNeo4j, type BoltAuth, type EmbeddedNeo4j } from './embedded.js';
import { createDriver, Executor } from './executor.js';
import { applySchema } from './schema.js';
import { backfillSearchKeys } from './search-keys.js';

export const CYPHER_ROOT = path.join(PROJECT_ROOT, 'cypher');

export interface Database {
  executor: Executor;
  store: ChainStore;
  boltUri: string;
  /** The credentials this process uses on Bolt (benchmarks open their own driver with them). */
  boltAuth: BoltAuth;
  embedded: boolean;
  /** The embedded Neo4j's process id now (it changes when a crash restarts it); null otherwise. */
  embeddedPid(): number | null;
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
  let embedded: Supervised | null = null;
  let driver: Driver | null = null;
  const holder = !config.neo4j && options.attach ? dataDirHolder(config.dataDir) : null;
  if (holder?.boltUri) log(`Using the Neo4j of the Zanjir already running on ${config.dataDir} (process ${holder.pid}) at ${holder.boltUri}`);
  try {
    if (!config.neo4j && !holder?.boltUri) {
      log(`Starting the embedded Neo4j (data in ${config.dataDir})…`);
      const embeddedOptions = {
        home: config.home,
        dataDir: config.dataDir,
        boltPort: config.boltPort,
        javaPath: config.javaPath,
        javaHeap: config.javaHeap,
        pageCache: config.pageCache,
        txMemory: config.neo4jTxMemory,
        log,
      };
      embedded = supervise(await startEmbeddedNeo4j(embeddedOptions), embeddedOptions, log);
    }
    const boltUri = embedded?.current().boltUri ?? holder?.boltUri ?? config.neo4j!.uri;
    const boltAuth = embedded?.current().auth ?? (holder?.boltUri ? readBoltAuth(config.dataDir) : null) ?? { user: config.neo4j?.user ?? 'neo4j', password: config.neo4j?.password ?? '' };
    driver = createDriver(boltUri, boltAuth.user, boltAuth.password, config.limits.dbPoolSize, config.limits.dbRetryMs);
    const executor = new Executor(driver, config.database, registry, config.limits.queryTimeoutMs, { poolSize: config.limits.dbPoolSize });
    await executor.waitUntilReady();
    await applySchema(executor, CYPHER_ROOT);
    await backfillSearchKeys(executor);
    const openDriver = driver;
    const openEmbedded = embedded;
    return {
      executor,
      store: new ChainStore(executor),
      boltUri,
      boltAuth,
      embedded: openEmbedded !== null,
      embeddedPid: () => openEmbedded?.current().pid ?? null,
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

interface Supervised {
  current(): EmbeddedNeo4j;
  stop(): Promise<void>;
}

/**
 * Keeps the embedded Neo4j running: if it dies (killed, out of memory), it is started again on
 * the same data directory and port, so the driver reconnects by itself and Zanjir need not be
 * restarted. Five deaths within a minute and it gives up, saying so.
 */
function supervise(first: EmbeddedNeo4j, options: Parameters<typeof startEmbeddedNeo4j>[0], log: (line: string) => void): Supervised {
  let current = first;
  let stopping = false;
  const deaths: number[] = [];
  const port = Number(new URL(first.boltUri).port);
  const watch = (neo4j: EmbeddedNeo4j): void => {
    void neo4j.exited.then(async (code) => {
      if (stopping) return;
      log(`The embedded Neo4j stopped unexpectedly (exit ${code ?? 'by a signal'}); starting it again…`);
      for (let attempt = 1; !stopping; attempt += 1) {
        const now = Date.now();
        deaths.push(now);
        while (deaths.length > 0 && now - deaths[0]! > 60_000) deaths.shift();
        if (deaths.length > 5) {
          log('The embedded Neo4j stopped five times within a minute; not starting it again. Look at its logs in the data directory, then restart Zanjir.');
          return;
        }
        try {
          current = await startEmbeddedNeo4j({ ...options, boltPort: port });
          log(`The embedded Neo4j is back at ${current.boltUri}.`);
          watch(current);
          return;
        } catch (error) {
          log(`Starting it again failed: ${(error as Error).message}`);
          await new Promise((resolve) => setTimeout(resolve, 2_000 * attempt));
        }
      }
    });
  };
  watch(first);
  return {
    current: () => current,
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}

// What an integration test needs: the run's real Neo4j (emptied for each file), a Zanjir server
// on a free port, and a GraphQL client that speaks HTTP like any other client.

import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { deleteEverything } from '../../src/db/chain-store.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { importSources, type ImportSummary } from '../../src/io/importer.js';
import { documentSource } from '../../src/io/sources.js';
import { startServer, type ZanjirServer } from '../../src/server.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Harness {
  db: Database;
  config: Config;
  server: ZanjirServer;
  /** Runs a GraphQL operation over HTTP. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  load(doc: unknown): Promise<ImportSummary>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    ...process.env,
    NEO4J_URI: inject('boltUri'),
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: inject('boltPassword'),
    PORT: '0',
    ZANJIR_ANONYMOUS_ROLE: 'admin',
    ZANJIR_LOG_LEVEL: 'silent',
    ...env,
  });
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const config = testConfig(env);
  const db = await openDatabase(config);
  await deleteEverything(db.executor);
  const server = await startServer({ config, executor: db.executor, store: db.store }, () => {});
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<any>;
  };
  return {
    db,
    config,
    server,
    gql,
    async query(q, variables) {
      const res = await gql(q, variables);
      if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data as never;
    },
    load: (doc) => importSources(db.executor, [documentSource(doc)]),
    reset: async () => {
      await deleteEverything(db.executor);
    },
    async close() {
      await server.close();
      await db.close();
    },
  };
}

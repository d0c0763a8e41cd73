// The one place that reads the environment. Everything else receives a Config.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Neo4jRemote {
  uri: string;
  user: string;
  password: string;
}

export interface Config {
  port: number;
  host: string;
  /** Remote Neo4j when NEO4J_URI is set; otherwise the embedded one is started. */
  neo4j: Neo4jRemote | null;
  database: string;
  /** Where the embedded Neo4j's jars are cached (and, by default, its data kept). */
  home: string;
  dataDir: string;
  boltPort: number;
  javaPath: string;
  javaHeap: string | null;
  pageCache: string;
  /**
   * The role every caller gets until authentication exists: admin on the local embedded run
   * (it can import through GraphQL), analyst against a shared NEO4J_URI server.
   */
  defaultRole: 'analyst' | 'researcher' | 'admin';
  /** 'default' loads seed/, 'none' starts empty, anything else is a path to a file or folder. */
  seed: string;
  /**
   * Imports of up to this many records are written in one transaction; larger ones are staged
   * (journaled batches, still all-or-nothing) so Neo4j never holds a huge transaction.
   */
  importSingleTransactionMax: number;
  /** Faults injected on purpose, to test that Zanjir survives them (ZANJIR_FAULT). */
  faults: Faults;
  limits: {
    maxDepth: number;
    defaultDepth: number;
    maxNodes: number;
    queryTimeoutMs: number;
    cypherRowCap: number;
    exportInlineBytes: number;
  };
}

/** ZANJIR_FAULT=import-fail-after-batch:N or import-crash-after-batch:N (a staged import's Nth batch). */
export interface Faults {
  import: { after: number; kind: 'fail' | 'crash' } | null;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const home = path.resolve(env.ZANJIR_HOME ?? path.join(PROJECT_ROOT, '.zanjir'));
  const uri = env.NEO4J_URI?.trim();
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST ?? '127.0.0.1',
    neo4j: uri ? { uri, user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '' } : null,
    database: env.NEO4J_DATABASE ?? 'neo4j',
    home,
    dataDir: path.resolve(env.ZANJIR_DATA_DIR ?? path.join(home, 'data')),
    boltPort: int(env, 'ZANJIR_BOLT_PORT', 7687, 0, 65535),
    javaPath: env.ZANJIR_JAVA ?? (env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java'),
    javaHeap: env.ZANJIR_JAVA_HEAP ?? null,
    pageCache: env.ZANJIR_PAGECACHE ?? '512m',
    seed: env.ZANJIR_SEED ?? 'default',
    importSingleTransactionMax: int(env, 'ZANJIR_IMPORT_TX_RECORDS', 100_000, 1, 100_000_000),
    faults: faults(env.ZANJIR_FAULT),
    defaultRole: role(env.ZANJIR_DEFAULT_ROLE ?? (uri ? 'analyst' : 'admin')),
    limits: {
      maxDepth: int(env, 'ZANJIR_MAX_DEPTH', 100, 1, 1000),
      defaultDepth: int(env, 'ZANJIR_DEFAULT_DEPTH', 6, 1, 1000),
      maxNodes: int(env, 'ZANJIR_MAX_NODES', 5000, 1, 1_000_000),
      queryTimeoutMs: int(env, 'ZANJIR_QUERY_TIMEOUT_MS', 15_000, 100, 3_600_000),
      cypherRowCap: int(env, 'ZANJIR_CYPHER_ROW_CAP', 10_000, 1, 1_000_000),
      exportInlineBytes: int(env, 'ZANJIR_EXPORT_INLINE_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    },
  };
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not valid: expected a whole number from ${min} to ${max}.`);
  }
  return value;
}

function role(value: string): Config['defaultRole'] {
  if (value === 'analyst' || value === 'researcher' || value === 'admin') return value;
  throw new ConfigError(`ZANJIR_DEFAULT_ROLE=${JSON.stringify(value)} is not valid: expected analyst, researcher or admin.`);
}

function faults(value: string | undefined): Faults {
  if (!value) return { import: null };
  const match = /^import-(fail|crash)-after-batch:(\d+)$/.exec(value.trim());
  if (!match || Number(match[2]) < 1) {
    throw new ConfigError(`ZANJIR_FAULT=${JSON.stringify(value)} is not valid: expected import-fail-after-batch:N or import-crash-after-batch:N (N ≥ 1).`);
  }
  return { import: { kind: match[1] as 'fail' | 'crash', after: Number(match[2]) } };
}

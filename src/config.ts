// The one place that reads the environment. Everything else receives a Config.

import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Neo4jRemote {
  uri: string;
  user: string;
  password: string;
}

/** Who may do what, weakest first (docs/security.md has the table of operations). */
export const ROLES = ['reader', 'researcher', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface JwtConfig {
  /** The `iss` a token must carry. */
  issuer: string;
  /** The `aud` a token must carry, when set. */
  audience: string | null;
  /** Where the issuer publishes its signing keys (a JWKS document). */
  jwksUrl: string;
  /** The claim holding the caller's role (a string, or a list: the strongest known role wins). */
  roleClaim: string;
}

export interface AccessConfig {
  /** What a caller without a key may do; 'none' refuses them (401). */
  anonymousRole: Role | 'none';
  /** True when ZANJIR_ANONYMOUS_ROLE was set, false when the default for the binding applied. */
  anonymousRoleExplicit: boolean;
  /** Required to serve a network with writes open to callers without a key. */
  allowOpenWrites: boolean;
  jwt: JwtConfig | null;
  /** Host header values accepted (host names, without port); '*' accepts any. */
  allowedHosts: readonly string[] | '*';
  /** The views' CSP frame-ancestors: who may put them in an iframe. */
  frameAncestors: string;
  /** Seconds a verified API key stays cached before it is read again (revocation delay). */
  keyCacheSeconds: number;
}

export interface Config {
  port: number;
  host: string;
  /** NODE_ENV=production: introspection and error suggestions off, no anonymous writes by default. */
  production: boolean;
  /** True when `host` is a loopback address: only this machine can connect. */
  loopback: boolean;
  access: AccessConfig;
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
  /** The embedded Neo4j's per-transaction memory ceiling (db.memory.transaction.max). */
  neo4jTxMemory: string;
  /** GraphQL introspection (off by default in production). */
  introspection: boolean;
  /** "Did you mean …" suggestions naming schema fields in errors (off by default in production). */
  schemaSuggestions: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** 'default' loads seed/, 'none' starts empty, anything else is a path to a file or folder. */
  seed: string;
  /**
   * Imports of up to this many records are written in one transaction; larger ones are staged
   * (journaled batches, still all-or-nothing) so Neo4j never holds a huge transaction.
   */
  importSingleTransactionMax: number;
  /** The largest .json document and .jsonl line an import parses (ZANJIR_IMPORT_MAX_DOCUMENT_BYTES, ZANJIR_IMPORT_MAX_LINE_BYTES). */
  importFiles: { maxDocumentBytes: number; maxLineBytes: number };
  /** Faults injected on purpose, to test that Zanjir survives them (ZANJIR_FAULT). */
  faults: Faults;
  /**
   * Worker threads that run the heavy solves over the engine's shared arrays (src/engine/pool.ts),
   * so the event loop keeps answering; 0 runs them in the main thread. Default: one per core.
   */
  solveWorkers: number;
  limits: {
    maxDepth: number;
    defaultDepth: number;
    maxNodes: number;
    queryTimeoutMs: number;
    cypherRowCap: number;
    /** Bytes of rows (as JSON) the researcher Cypher endpoint returns before it cuts. */
    cypherByteCap: number;
    /** Characters of researcher Cypher text accepted. */
    cypherMaxLength: number;
    exportInlineBytes: number;
    /** Time a streamed /export download may take. */
    exportTimeoutMs: number;
    /** Largest request body accepted (bytes). */
    maxBodyBytes: number;
    /** Largest GraphQL response sent (bytes); bigger answers are replaced by an error. */
    maxResponseBytes: number;
    /** The whole request's time budget; every database call gets what is left of it. */
    requestTimeoutMs: number;
    /** Database calls one request may have open at once, so one caller cannot take the pool. */
    requestDbConcurrency: number;
    /** Requests one caller (key, token, or address when anonymous) may have running at once. */
    clientConcurrency: number;
    /** How long managed transactions retry transient errors before giving up. */
    dbRetryMs: number;
    /** The driver's connection pool; Zanjir queues its calls below it instead of timing out in it. */
    dbPoolSize: number;
    /** GraphQL document limits: lexical tokens, selection depth, aliases, and estimated cost. */
    maxTokens: number;
    maxQueryDepth: number;
    maxAliases: number;
    maxCost: number;
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
  const host = env.HOST ?? '127.0.0.1';
  const production = env.NODE_ENV === 'production';
  const loopback = isLoopbackHost(host);
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host,
    production,
    loopback,
    access: accessConfig(env, host, loopback, production),
    neo4j: uri ? { uri, user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '' } : null,
    database: env.NEO4J_DATABASE ?? 'neo4j',
    home,
    dataDir: path.resolve(env.ZANJIR_DATA_DIR ?? path.join(home, 'data')),
    boltPort: int(env, 'ZANJIR_BOLT_PORT', 7687, 0, 65535),
    javaPath: env.ZANJIR_JAVA ?? (env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java'),
    javaHeap: env.ZANJIR_JAVA_HEAP ?? null,
    pageCache: env.ZANJIR_PAGECACHE ?? '512m',
    neo4jTxMemory: size(env, 'ZANJIR_NEO4J_TX_MEMORY', '2g'),
    introspection: bool(env, 'ZANJIR_INTROSPECTION', !production),
    schemaSuggestions: bool(env, 'ZANJIR_SUGGESTIONS', !production),
    logLevel: oneOf(env, 'ZANJIR_LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const, 'info'),
    seed: env.ZANJIR_SEED ?? 'default',
    importSingleTransactionMax: int(env, 'ZANJIR_IMPORT_TX_RECORDS', 100_000, 1, 100_000_000),
    // A .json document is parsed whole, in memory: 256 MB; larger data sets go in .jsonl.
    importFiles: {
      maxDocumentBytes: int(env, 'ZANJIR_IMPORT_MAX_DOCUMENT_BYTES', 256 * 1024 * 1024, 1, 512 * 1024 * 1024),
      maxLineBytes: int(env, 'ZANJIR_IMPORT_MAX_LINE_BYTES', 16 * 1024 * 1024, 1, 512 * 1024 * 1024),
    },
    faults: faults(env.ZANJIR_FAULT),
    solveWorkers: int(env, 'ZANJIR_SOLVE_WORKERS', os.availableParallelism(), 0, 256),
    limits: {
      maxDepth: int(env, 'ZANJIR_MAX_DEPTH', 100, 1, 1000),
      defaultDepth: int(env, 'ZANJIR_DEFAULT_DEPTH', 6, 1, 1000),
      maxNodes: int(env, 'ZANJIR_MAX_NODES', 5000, 1, 1_000_000),
      queryTimeoutMs: int(env, 'ZANJIR_QUERY_TIMEOUT_MS', 15_000, 100, 3_600_000),
      cypherRowCap: int(env, 'ZANJIR_CYPHER_ROW_CAP', 10_000, 1, 1_000_000),
      cypherByteCap: int(env, 'ZANJIR_CYPHER_BYTE_CAP', 8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      cypherMaxLength: int(env, 'ZANJIR_CYPHER_MAX_LENGTH', 20_000, 100, 1_000_000),
      exportInlineBytes: int(env, 'ZANJIR_EXPORT_INLINE_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      exportTimeoutMs: int(env, 'ZANJIR_EXPORT_TIMEOUT_MS', 30 * 60_000, 1000, 24 * 3_600_000),
      maxBodyBytes: int(env, 'ZANJIR_MAX_BODY_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      maxResponseBytes: int(env, 'ZANJIR_MAX_RESPONSE_BYTES', 32 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      requestTimeoutMs: int(env, 'ZANJIR_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
      requestDbConcurrency: int(env, 'ZANJIR_REQUEST_DB_CONCURRENCY', 4, 1, 100),
      clientConcurrency: int(env, 'ZANJIR_CLIENT_CONCURRENCY', 8, 1, 10_000),
      dbRetryMs: int(env, 'ZANJIR_DB_RETRY_MS', 5_000, 0, 600_000),
      dbPoolSize: int(env, 'ZANJIR_DB_POOL_SIZE', 50, 2, 1000),
      maxTokens: int(env, 'ZANJIR_MAX_TOKENS', 10_000, 100, 1_000_000),
      maxQueryDepth: int(env, 'ZANJIR_MAX_QUERY_DEPTH', 15, 2, 1000),
      maxAliases: int(env, 'ZANJIR_MAX_ALIASES', 30, 1, 100_000),
      maxCost: int(env, 'ZANJIR_MAX_COST', 100_000, 10, 1_000_000_000),
    },
  };
}

/** Loopback names and addresses: a server bound there is reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || h.startsWith('::ffff:127.');
  return false;
}

function accessConfig(env: NodeJS.ProcessEnv, host: string, loopback: boolean, production: boolean): AccessConfig {
  // ZANJIR_DEFAULT_ROLE is the older name; its 'analyst' is today's 'reader'.
  const rawRole = env.ZANJIR_ANONYMOUS_ROLE ?? env.ZANJIR_DEFAULT_ROLE;
  const name = env.ZANJIR_ANONYMOUS_ROLE !== undefined ? 'ZANJIR_ANONYMOUS_ROLE' : 'ZANJIR_DEFAULT_ROLE';
  const anonymousRole = rawRole ? anonymousRoleOf(name, rawRole) : loopback && !production ? 'editor' : 'reader';
  const hosts = env.ZANJIR_ALLOWED_HOSTS?.trim();
  return {
    anonymousRole,
    anonymousRoleExplicit: Boolean(rawRole),
    allowOpenWrites: bool(env, 'ZANJIR_ALLOW_OPEN_WRITES', false),
    jwt: jwtConfig(env),
    allowedHosts: hosts === '*' ? '*' : hosts ? hosts.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean) : defaultAllowedHosts(host, loopback),
    frameAncestors: env.ZANJIR_FRAME_ANCESTORS?.trim() || (loopback && !production ? '*' : "'self'"),
    keyCacheSeconds: int(env, 'ZANJIR_KEY_CACHE_SECONDS', 10, 0, 3600),
  };
}

/** On loopback, only the loopback names (a DNS-rebinding page arrives under its own name). */
function defaultAllowedHosts(host: string, loopback: boolean): readonly string[] | '*' {
  const local = ['localhost', '127.0.0.1', '[::1]', '::1'];
  if (loopback) return local;
  // Bound to one named address: that name and the loopback ones. Bound to every address: any
  // Host, since the names it is reached by are not known here (set ZANJIR_ALLOWED_HOSTS).
  if (host === '0.0.0.0' || host === '::' || host === '') return '*';
  return [...local, host.toLowerCase()];
}

function jwtConfig(env: NodeJS.ProcessEnv): JwtConfig | null {
  const issuer = env.ZANJIR_JWT_ISSUER?.trim();
  const jwksUrl = env.ZANJIR_JWT_JWKS_URL?.trim();
  if (!issuer && !jwksUrl) return null;
  if (!issuer || !jwksUrl) throw new ConfigError('JWT sign-in needs both ZANJIR_JWT_ISSUER and ZANJIR_JWT_JWKS_URL.');
  if (!/^https?:\/\//.test(jwksUrl)) throw new ConfigError(`ZANJIR_JWT_JWKS_URL=${JSON.stringify(jwksUrl)} is not valid: expected an http(s) URL.`);
  return { issuer, audience: env.ZANJIR_JWT_AUDIENCE?.trim() || null, jwksUrl, roleClaim: env.ZANJIR_JWT_ROLE_CLAIM?.trim() || 'zanjir_role' };
}

function anonymousRoleOf(name: string, value: string): Role | 'none' {
  const v = value.trim().toLowerCase();
  if (v === 'analyst') return 'reader';
  if (v === 'none' || (ROLES as readonly string[]).includes(v)) return v as Role | 'none';
  throw new ConfigError(`${name}=${JSON.stringify(value)} is not valid: expected none, ${ROLES.join(', ')}.`);
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name}=${JSON.stringify(env[name])} is not valid: expected yes or no.`);
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is not valid: expected one of ${values.join(', ')}.`);
}

function size(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (/^\d+[kmg]?$/i.test(raw)) return raw.toLowerCase();
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is not valid: expected a size like 512m or 2g.`);
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

function faults(value: string | undefined): Faults {
  if (!value) return { import: null };
  const match = /^import-(fail|crash)-after-batch:(\d+)$/.exec(value.trim());
  if (!match || Number(match[2]) < 1) {
    throw new ConfigError(`ZANJIR_FAULT=${JSON.stringify(value)} is not valid: expected import-fail-after-batch:N or import-crash-after-batch:N (N ≥ 1).`);
  }
  return { import: { kind: match[1] as 'fail' | 'crash', after: Number(match[2]) } };
}

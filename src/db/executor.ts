// The one way Zanjir talks to Neo4j. Named queries from the registry run in managed read or write
// transactions (retried on transient errors, so their work must be idempotent), sessions close in
// `finally`, transactions carry metadata naming the query, and driver errors become typed
// GraphQLErrors here and nowhere else.

import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { DatabaseUnavailableError, QueryTimeoutError } from '../errors/index.js';
import type { CypherRegistry, Substitutions } from './cypher-registry.js';
import type { QueryName } from './queries.js';
import { toPlainMap, type Plain } from './values.js';

export type Row = Record<string, Plain>;

export interface RunOptions {
  substitutions?: Substitutions;
  /** Per-transaction timeout; defaults to the configured query timeout. 0 means none. */
  timeoutMs?: number;
}

/** A transaction handed to a unit of work: run named queries inside it. */
export interface QueryRunner {
  run(name: QueryName, params?: Record<string, unknown>, substitutions?: Substitutions): Promise<Row[]>;
}

export class Executor {
  constructor(
    private readonly driver: Driver,
    readonly database: string,
    private readonly registry: CypherRegistry,
    private readonly defaultTimeoutMs: number,
  ) {}

  read(name: QueryName, params: Record<string, unknown> = {}, options: RunOptions = {}): Promise<Row[]> {
    return this.readTransaction((tx) => tx.run(name, params, options.substitutions), { ...options, label: name });
  }

  write(name: QueryName, params: Record<string, unknown> = {}, options: RunOptions = {}): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(name, params, options.substitutions), { ...options, label: name });
  }

  /** Several named queries in one read transaction: one consistent snapshot. */
  readTransaction<T>(work: (tx: QueryRunner) => Promise<T>, options: RunOptions & { label?: string } = {}): Promise<T> {
    return this.inSession('READ', options, (session, config) => session.executeRead((tx) => work(this.runner(tx)), config));
  }

  /** Several named queries in one write transaction: all of them or none. */
  writeTransaction<T>(work: (tx: QueryRunner) => Promise<T>, options: RunOptions & { label?: string } = {}): Promise<T> {
    return this.inSession('WRITE', options, (session, config) => session.executeWrite((tx) => work(this.runner(tx)), config));
  }

  /** A schema statement (constraint, index) from cypher/schema: its own auto-commit transaction. */
  async runSchemaStatement(statement: string): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(statement, {}, { metadata: { app: 'zanjir', query: 'schema' } });
    } catch (error) {
      throw mapDriverError(error, 0);
    } finally {
      await session.close();
    }
  }

  /** Waits until the database answers, for a server that is still starting. */
  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.driver.verifyConnectivity({ database: this.database });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new DatabaseUnavailableError(`Neo4j did not answer within ${timeoutMs} ms: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private runner(tx: ManagedTransaction): QueryRunner {
    return {
      run: async (name, params = {}, substitutions = {}) => {
        const result = await tx.run(this.registry.render(name, substitutions), params);
        return result.records.map((record) => toPlainMap(record.toObject()));
      },
    };
  }

  private async inSession<T>(
    mode: 'READ' | 'WRITE',
    options: RunOptions & { label?: string },
    work: (session: Session, config: { timeout?: number; metadata: Record<string, string> }) => Promise<T>,
  ): Promise<T> {
    const timeout = options.timeoutMs ?? this.defaultTimeoutMs;
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await work(session, { ...(timeout > 0 ? { timeout } : {}), metadata: { app: 'zanjir', query: options.label ?? 'unit-of-work' } });
    } catch (error) {
      throw mapDriverError(error, timeout);
    } finally {
      await session.close();
    }
  }
}

/** Neo4j's codes to Zanjir's errors; anything unrecognised passes through for formatError to hide. */
export function mapDriverError(error: unknown, timeoutMs: number): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped' && timeoutMs > 0) {
    return new QueryTimeoutError(timeoutMs);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'Neo.TransientError.General.DatabaseUnavailable') {
    return new DatabaseUnavailableError();
  }
  return error;
}

export function createDriver(uri: string, user: string | null, password: string | null): Driver {
  // The embedded server has authentication off (loopback only) and ignores the token.
  const auth = neo4j.auth.basic(user ?? 'neo4j', password ?? '');
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    userAgent: 'zanjir/0.1',
    logging: { level: 'error', logger: (level, message) => console.error(`[neo4j ${level}] ${message}`) },
  });
}

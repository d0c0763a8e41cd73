// The one way Zanjir talks to Neo4j. Named queries from the registry run in managed read or write
// transactions (retried on transient errors, so their work must be idempotent), sessions close in
// `finally`, transactions carry metadata naming the query, and driver errors become typed
// GraphQLErrors here and nowhere else.

import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { CypherError, DatabaseUnavailableError, QueryNotReadOnlyError, QueryTimeoutError, ZanjirError } from '../errors/index.js';
import type { CypherRegistry, Substitutions } from './cypher-registry.js';
import type { QueryName } from './queries.js';
import { toPlain, toPlainMap, type Plain } from './values.js';

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

  /**
   * Several named queries in one write transaction: all of them or none. Every write transaction
   * also raises the graph's version, so every process's in-memory snapshot notices the change.
   */
  writeTransaction<T>(work: (tx: QueryRunner) => Promise<T>, options: RunOptions & { label?: string } = {}): Promise<T> {
    return this.inSession('WRITE', options, (session, config) =>
      session.executeWrite(async (tx) => {
        const runner = this.runner(tx);
        const result = await work(runner);
        await runner.run('meta/bump-graph-version');
        return result;
      }, config),
    );
  }

  /**
   * Streams the rows of one named query from a read transaction, a row at a time with the
   * driver's back-pressure, so an export of a million nodes never sits in memory. Not retried:
   * a consumer that has written half a file cannot be replayed.
   */
  async *stream(name: QueryName, params: Record<string, unknown> = {}, options: RunOptions = {}): AsyncGenerator<Row> {
    const timeout = options.timeoutMs ?? 0;
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const tx = await session.beginTransaction({ ...(timeout > 0 ? { timeout } : {}), metadata: { app: 'zanjir', query: name } });
    try {
      const result = tx.run(this.registry.render(name, options.substitutions), params);
      for await (const record of result) yield toPlainMap(record.toObject());
      await tx.commit();
    } catch (error) {
      throw mapDriverError(error, timeout);
    } finally {
      if (tx.isOpen()) await tx.rollback().catch(() => {});
      await session.close();
    }
  }

  /**
   * A researcher's own Cypher, read-only. Read mode is not access control, so EXPLAIN first and
   * refuse anything whose plan is not a pure read; then run it in a read transaction with a
   * timeout, keeping at most rowCap rows.
   */
  async runReadOnlyCypher(
    text: string,
    params: Record<string, unknown>,
    limits: { rowCap: number; timeoutMs: number },
  ): Promise<{ columns: string[]; rows: Plain[][]; truncated: boolean }> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const metadata = { app: 'zanjir', query: 'researcher-cypher' };
    try {
      const plan = await session.executeRead((tx) => tx.run(`EXPLAIN ${text}`, params), { timeout: limits.timeoutMs, metadata });
      const queryType = plan.summary.queryType;
      if (queryType !== 'r') throw new QueryNotReadOnlyError(queryType);
      return await session.executeRead(async (tx) => {
        const result = tx.run(text, params);
        const columns = (await result.keys()) as string[];
        const rows: Plain[][] = [];
        let truncated = false;
        for await (const record of result) {
          if (rows.length >= limits.rowCap) {
            truncated = true;
            break;
          }
          rows.push(columns.map((c) => toPlain(record.get(c))));
        }
        return { columns, rows, truncated };
      }, { timeout: limits.timeoutMs, metadata });
    } catch (error) {
      throw mapUserCypherError(error, limits.timeoutMs);
    } finally {
      await session.close();
    }
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
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || (code === 'Neo.TransientError.Transaction.LockClientStopped' && timeoutMs > 0)) {
    return new QueryTimeoutError(timeoutMs);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'Neo.TransientError.General.DatabaseUnavailable') {
    return new DatabaseUnavailableError();
  }
  return error;
}

/** A write refused by a uniqueness constraint (e.g. a second open import's slot). */
export function isConstraintViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

/** For researchers' Cypher the database's own explanation (syntax, unknown function) is the useful answer. */
function mapUserCypherError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof ZanjirError) return error;
  const mapped = mapDriverError(error, timeoutMs);
  if (mapped !== error) return mapped;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('Neo.ClientError.Statement') || code.startsWith('Neo.ClientError.Procedure') || code.startsWith('Neo.ClientError.Schema')) {
    return new CypherError((error as Error).message.split('\n')[0] ?? 'The query could not run.', code);
  }
  if (code === 'Neo.ClientError.Security.Forbidden' || code.startsWith('Neo.ClientError.Transaction.ForbiddenDueToTransactionType')) {
    return new QueryNotReadOnlyError('write');
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

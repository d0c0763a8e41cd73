// The one way Zanjir talks to Neo4j. Named queries from the registry run in managed read or write
// transactions (retried on transient errors, so their work must be idempotent), sessions close in
// `finally`, transactions carry metadata naming the query, and driver errors become typed
// GraphQLErrors here and nowhere else.

import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { busyError, poolGate, type Gate, type RequestBudget } from './budget.js';
import {
  BadUserInputError,
  CypherError,
  DatabaseUnavailableError,
  QueryNotAllowedError,
  QueryNotReadOnlyError,
  QueryTimeoutError,
  QueryTooLargeError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerBusyError,
  ZanjirError,
} from '../errors/index.js';
import { checkComputeBounds } from './compute-bounds.js';
import type { CypherRegistry, Substitutions } from './cypher-registry.js';
import type { QueryName } from './queries.js';
import { ChangeSet } from './change-set.js';
import { bookkeepingInAnswer, checkBookkeepingText, checkReadOnlyPlan, cypherParamsProblem, scrubBookkeeping, type PlanNode } from './read-only-policy.js';
import { toPlain, toPlainMap, type Plain } from './values.js';

export type Row = Record<string, Plain>;

/** How long past its timeout a researcher's query may go unanswered before the caller is answered anyway. */
const HARD_TIMEOUT_GRACE_MS = 2_000;

export interface RunOptions {
  substitutions?: Substitutions;
  /** Per-transaction timeout; defaults to the configured query timeout. 0 means none. */
  timeoutMs?: number;
  /**
   * Where a write transaction collects what its queries touch (src/db/change-set.ts); its own set
   * when not given. Pass one to gather several transactions' changes, e.g. a staged import's batches.
   */
  changes?: ChangeSet;
  /**
   * Collect into `changes` but leave the feed alone: a staged import's batches are recorded once,
   * at its commit, so readers do not refresh for every batch.
   */
  deferChanges?: boolean;
}

/** Versions the change feed keeps; a process further behind rebuilds its engine in full. */
export const CHANGE_FEED_KEEP = 10_000;

/** A transaction handed to a unit of work: run named queries inside it. */
export interface QueryRunner {
  run(name: QueryName, params?: Record<string, unknown>, substitutions?: Substitutions): Promise<Row[]>;
}

export class Executor {
  private readonly gate: Gate;

  constructor(
    private readonly driver: Driver,
    readonly database: string,
    private readonly registry: CypherRegistry,
    private readonly defaultTimeoutMs: number,
    options: { gate?: Gate; poolSize?: number; budget?: RequestBudget | null } = {},
  ) {
    this.gate = options.gate ?? poolGate(options.poolSize ?? 50);
    this.budget = options.budget ?? null;
  }

  /** The request's budget, when this executor serves one request (see scoped()). */
  readonly budget: RequestBudget | null;

  /** An executor for one request: every call counts against its deadline and concurrency cap. */
  scoped(budget: RequestBudget): Executor {
    return new Executor(this.driver, this.database, this.registry, this.defaultTimeoutMs, { gate: this.gate, budget });
  }

  /** Database calls open now and waiting for a connection, process-wide (for /metrics and tests). */
  get load(): { inUse: number; queued: number; capacity: number } {
    return { inUse: this.gate.inUse, queued: this.gate.queued, capacity: this.gate.size };
  }

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
   * Several named queries in one write transaction: all of them or none. What its queries touch
   * (their `// touches:` lines, filled from their parameters) is recorded in the change feed in
   * the same transaction, raising the graph's version, so every process's engine catches up with
   * exactly that; a transaction that touches no chain record leaves the version alone.
   */
  writeTransaction<T>(work: (tx: QueryRunner) => Promise<T>, options: RunOptions & { label?: string } = {}): Promise<T> {
    return this.inSession('WRITE', options, (session, config) =>
      session.executeWrite(async (tx) => {
        // A retried transaction starts over: collect into a fresh set and merge it once committed work is sure.
        const attempt = new ChangeSet();
        const runner = this.runner(tx, attempt);
        const result = await work(runner);
        const changes = options.changes ?? attempt;
        if (options.changes) changes.merge(attempt);
        if (!options.deferChanges && !changes.empty) {
          await tx.run(this.registry.render('meta/record-change'), { ...changes.toParams(), keep: CHANGE_FEED_KEEP });
        }
        return result;
      }, config),
    );
  }

  /**
   * Streams the rows of one named query from a read transaction, a row at a time with the
   * driver's back-pressure, so an export of a million nodes never sits in memory. Not retried:
   * a consumer that has written half a file cannot be replayed. A consumer that stops early
   * (return() on the generator, e.g. a download the client cancelled) rolls back and frees the
   * connection at once.
   */
  async *stream(name: QueryName, params: Record<string, unknown> = {}, options: RunOptions = {}): AsyncGenerator<Row> {
    const release = await this.admit();
    const timeout = this.effectiveTimeout(options.timeoutMs ?? 0);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const unhold = this.budget?.hold(session);
    try {
      const tx = await session.beginTransaction({ ...(timeout.ms > 0 ? { timeout: timeout.ms } : {}), metadata: { app: 'zanjir', query: name } });
      try {
        const result = tx.run(this.registry.render(name, options.substitutions), params);
        for await (const record of result) yield toPlainMap(record.toObject());
        await tx.commit();
      } finally {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
      }
    } catch (error) {
      throw this.mapError(error, timeout);
    } finally {
      unhold?.();
      await session.close();
      release();
    }
  }

  /**
   * A researcher's own Cypher, read-only. Read mode is not access control (LOAD CSV, SHOW and
   * TERMINATE TRANSACTIONS plan as reads), so EXPLAIN first and refuse anything whose plan is
   * not made of allow-listed read operators and procedures (read-only-policy.ts); then run it in a
   * read transaction with a timeout, keeping at most rowCap rows and byteCap bytes of them.
   */
  async runReadOnlyCypher(
    text: string,
    params: Record<string, unknown>,
    limits: { rowCap: number; timeoutMs: number; byteCap?: number; maxLength?: number; bookkeeping?: boolean },
  ): Promise<{ columns: string[]; rows: Plain[][]; truncated: boolean; truncatedBy: 'ROWS' | 'BYTES' | null }> {
    // Zanjir's bookkeeping is hidden (read-only-policy.ts) unless a test inspects it on purpose.
    const hide = limits.bookkeeping !== true;
    if (hide) {
      const named = checkBookkeepingText(text);
      if (!named.allowed) throw new QueryNotAllowedError(named.what, named.reason);
    }
    if (limits.maxLength !== undefined && text.length > limits.maxLength) {
      throw new BadUserInputError(`The query is ${text.length} characters long; this server accepts up to ${limits.maxLength} (ZANJIR_CYPHER_MAX_LENGTH).`, 'query');
    }
    const paramsProblem = cypherParamsProblem(params);
    if (paramsProblem) throw new BadUserInputError(paramsProblem, 'params');
    // Neo4j cannot stop one expression while it computes (issue 22): bound them before anything runs.
    const bounds = checkComputeBounds(text, params);
    if (!bounds.allowed) throw new QueryTooLargeError(bounds.reason!);
    const byteCap = limits.byteCap ?? Number.POSITIVE_INFINITY;
    const release = await this.admit();
    const timeout = this.effectiveTimeout(limits.timeoutMs);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const unhold = this.budget?.hold(session);
    const config = { ...(timeout.ms > 0 ? { timeout: timeout.ms } : {}), metadata: { app: 'zanjir', query: 'researcher-cypher' } };
    // Neo4j may keep computing a transaction it has marked terminated (issue 22): past its
    // timeout and a grace, the caller is answered and the slot freed whatever the database does.
    let stalled = false;
    let timer: NodeJS.Timeout | undefined;
    const hard = new Promise<never>((_, reject) => {
      if (timeout.ms <= 0) return;
      timer = setTimeout(() => {
        stalled = true;
        reject(timeout.byBudget && this.budget ? new RequestTimeoutError(this.budget.budgetMs) : new QueryTimeoutError(timeout.ms));
      }, timeout.ms + HARD_TIMEOUT_GRACE_MS);
      timer.unref();
    });
    const work = async () => {
      const plan = await session.executeRead((tx) => tx.run(`EXPLAIN ${text}`, params), config);
      const queryType = plan.summary.queryType;
      const verdict = checkReadOnlyPlan((plan.summary.plan || null) as PlanNode | null, this.database, { bookkeeping: !hide });
      // An unlisted procedure is refused as such, whatever Neo4j says it may do (dbms.components
      // plans as a schema/system call): the researcher learns the procedure is not allowed.
      if (!verdict.allowed && verdict.what.startsWith('the procedure ')) throw new QueryNotAllowedError(verdict.what, verdict.reason);
      if (queryType !== 'r') throw new QueryNotReadOnlyError(queryType);
      if (!verdict.allowed) throw new QueryNotAllowedError(verdict.what, verdict.reason);
      return await session.executeRead(async (tx) => {
        const result = tx.run(text, params);
        const columns = (await result.keys()) as string[];
        const rows: Plain[][] = [];
        let bytes = 2;
        let truncatedBy: 'ROWS' | 'BYTES' | null = null;
        for await (const record of result) {
          if (rows.length >= limits.rowCap) {
            truncatedBy = 'ROWS';
            break;
          }
          let row = columns.map((c) => toPlain(record.get(c)));
          if (hide && verdict.allowed && verdict.scrub) {
            const kept = scrubBookkeeping([row]);
            if (kept.length === 0) continue;
            row = kept[0]!;
          } else if (hide && bookkeepingInAnswer(row)) {
            throw new QueryNotAllowedError('a node of Zanjir’s own bookkeeping in its answer', 'which is hidden from researchers');
          }
          bytes += JSON.stringify(row).length + 1;
          if (bytes > byteCap) {
            truncatedBy = 'BYTES';
            break;
          }
          rows.push(row);
        }
        return { columns, rows, truncated: truncatedBy !== null, truncatedBy };
      }, config);
    };
    try {
      const running = work();
      running.catch(() => {});
      return await Promise.race([running, hard]);
    } catch (error) {
      if (error instanceof ZanjirError) throw error;
      const mapped = this.mapError(error, timeout);
      throw mapped !== error ? mapped : mapUserCypherError(error);
    } finally {
      clearTimeout(timer);
      unhold?.();
      if (stalled) session.close().catch(() => {});
      else await session.close();
      release();
    }
  }

  /** A schema statement (constraint, index) from cypher/schema: its own auto-commit transaction. */
  async runSchemaStatement(statement: string): Promise<void> {
    const release = await this.admit();
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(statement, {}, { metadata: { app: 'zanjir', query: 'schema' } });
    } catch (error) {
      throw mapDriverError(error, 0);
    } finally {
      await session.close();
      release();
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
        // Wrong credentials do not get better by waiting: say so at once.
        if (String((error as { code?: string }).code ?? '').startsWith('Neo.ClientError.Security.')) {
          throw new DatabaseUnavailableError(`Neo4j refused Zanjir's credentials (NEO4J_USER / NEO4J_PASSWORD): ${(error as Error).message.split('\n')[0]}`);
        }
        if (Date.now() > deadline) throw new DatabaseUnavailableError(`Neo4j did not answer within ${timeoutMs} ms: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** One attempt to reach the database, for /ready: true when it answers within the time given. */
  async ping(timeoutMs: number): Promise<boolean> {
    const timer = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    const attempt = this.driver
      .verifyConnectivity({ database: this.database })
      .then(() => true)
      .catch(() => false);
    return Promise.race([attempt, timer]);
  }

  private runner(tx: ManagedTransaction, changes?: ChangeSet): QueryRunner {
    return {
      run: async (name, params = {}, substitutions = {}) => {
        changes?.add(this.registry.touches(name), params);
        const result = await tx.run(this.registry.render(name, substitutions), params);
        return result.records.map((record) => toPlainMap(record.toObject()));
      },
    };
  }

  /**
   * Waits for a turn: first under the request's own cap, then under the process-wide gate below
   * the driver's pool. Returns the release. A request waits at most until its deadline.
   */
  private async admit(): Promise<() => void> {
    const budget = this.budget;
    if (!budget) {
      await this.gate.acquire(Number.POSITIVE_INFINITY, busyError(0));
      return () => this.gate.release();
    }
    let releaseOwn: () => void = () => {};
    const own = new Promise<void>((resolve) => (releaseOwn = resolve));
    let admitted!: () => void;
    const entered = new Promise<void>((resolve) => (admitted = resolve));
    const held = budget.run(async () => {
      await this.gate.acquire(budget.remainingMs(), () => new ServerBusyError(budget.budgetMs));
      admitted();
      await own;
    });
    await Promise.race([entered, held]);
    const release = () => {
      this.gate.release();
      releaseOwn();
    };
    try {
      budget.check();
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  /** The timeout for one transaction: the one asked for, cut to what is left of the request's budget. */
  private effectiveTimeout(requestedMs: number): { ms: number; byBudget: boolean } {
    const budget = this.budget;
    if (!budget) return { ms: requestedMs, byBudget: false };
    const left = Math.max(1, budget.remainingMs());
    if (requestedMs > 0 && requestedMs <= left) return { ms: requestedMs, byBudget: false };
    return { ms: left, byBudget: true };
  }

  private mapError(error: unknown, timeout: { ms: number; byBudget: boolean }): unknown {
    if (error instanceof ZanjirError) return error;
    if (this.budget?.aborted) return new RequestAbortedError();
    const mapped = mapDriverError(error, timeout.ms);
    if (mapped instanceof QueryTimeoutError && timeout.byBudget && this.budget) return new RequestTimeoutError(this.budget.budgetMs);
    return mapped;
  }

  private async inSession<T>(
    mode: 'READ' | 'WRITE',
    options: RunOptions & { label?: string },
    work: (session: Session, config: { timeout?: number; metadata: Record<string, string> }) => Promise<T>,
  ): Promise<T> {
    const release = await this.admit();
    const timeout = this.effectiveTimeout(options.timeoutMs ?? this.defaultTimeoutMs);
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const unhold = this.budget?.hold(session);
    try {
      return await work(session, { ...(timeout.ms > 0 ? { timeout: timeout.ms } : {}), metadata: { app: 'zanjir', query: options.label ?? 'unit-of-work' } });
    } catch (error) {
      throw this.mapError(error, timeout);
    } finally {
      unhold?.();
      await session.close();
      release();
    }
  }
}

/** Neo4j's answers when a transaction, or the whole heap, ran out of memory. */
const MEMORY_CODES = [
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
];

/** Neo4j's codes to Zanjir's errors; anything unrecognised passes through for formatError to hide. */
export function mapDriverError(error: unknown, timeoutMs: number): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || (code === 'Neo.TransientError.Transaction.LockClientStopped' && timeoutMs > 0)) {
    return new QueryTimeoutError(timeoutMs);
  }
  if (MEMORY_CODES.includes(code) || (code.startsWith('Neo.') && /java heap space|out of memory/i.test((error as Error)?.message ?? ''))) {
    return new QueryTooLargeError('it needed more memory than one transaction may take (db.memory.transaction.max)');
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

/**
 * For researchers' Cypher the database's explanation of a mistake in their query (syntax, unknown
 * function, wrong type) is the useful answer; it is cut to its first line, without Java class
 * names or file paths. Anything else (I/O, security, internal) stays hidden.
 */
const EXPLAINABLE_CODES = [
  'Neo.ClientError.Statement.SyntaxError',
  'Neo.ClientError.Statement.SemanticError',
  'Neo.ClientError.Statement.TypeError',
  'Neo.ClientError.Statement.ArgumentError',
  'Neo.ClientError.Statement.ArithmeticError',
  'Neo.ClientError.Statement.ParameterMissing',
  'Neo.ClientError.Statement.EntityNotFound',
  'Neo.ClientError.Statement.UnsupportedOperationError',
  'Neo.ClientError.Procedure.ProcedureNotFound',
  'Neo.ClientError.Schema.IndexNotFound',
];

function mapUserCypherError(error: unknown): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'Neo.ClientError.Security.Forbidden' || code.startsWith('Neo.ClientError.Transaction.ForbiddenDueToTransactionType')) {
    return new QueryNotReadOnlyError('write');
  }
  if (EXPLAINABLE_CODES.includes(code)) return new CypherError(cleanCypherMessage((error as Error).message), code);
  if (code.startsWith('Neo.ClientError.')) return new CypherError('The query could not run.', code);
  return error;
}

function cleanCypherMessage(message: string): string {
  const first = (message.split('\n')[0] ?? '').replace(/\b(?:org|java|scala)\.[\w.$]+/g, '…').replace(/(?:file:)?\/(?:[\w.-]+\/)+[\w.-]*/g, '…');
  return first.length > 300 ? `${first.slice(0, 300)}…` : first || 'The query could not run.';
}

export function createDriver(uri: string, user: string | null, password: string | null, poolSize = 50, retryMs = 5_000): Driver {
  const auth = neo4j.auth.basic(user ?? 'neo4j', password ?? '');
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: poolSize,
    // Zanjir queues its own calls below the pool (budget.ts), so the pool rarely makes anyone wait.
    connectionAcquisitionTimeout: 30_000,
    // Managed transactions retry transient errors (a leader change, a lost connection) this long;
    // past it a request hears DATABASE_UNAVAILABLE rather than hanging.
    maxTransactionRetryTime: retryMs,
    userAgent: 'zanjir/0.1',
    logging: { level: 'error', logger: (level, message) => console.error(`[neo4j ${level}] ${message}`) },
  });
}

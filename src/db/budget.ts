// How much database work one request may do: a deadline for the whole request (each query gets
// what is left of it as its transaction timeout), a cap on its database calls open at once, and
// a way to stop everything it has open when the client goes away. A process-wide gate sits below
// the driver's pool, so callers queue here in order, with their own deadline, instead of timing
// out inside the pool with an unexplained error.

import { RequestAbortedError, RequestTimeoutError, ServerBusyError } from '../errors/index.js';

/** A counting semaphore whose waiters leave the queue when their deadline passes. */
export class Gate {
  private active = 0;
  private readonly waiting: { resolve: () => void; reject: (e: unknown) => void; timer: NodeJS.Timeout | null }[] = [];

  constructor(readonly size: number) {}

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>, waitMs: number, onTimeout: () => Error): Promise<T> {
    await this.acquire(waitMs, onTimeout);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  acquire(waitMs: number, onTimeout: () => Error): Promise<void> {
    if (this.active < this.size) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry = { resolve, reject, timer: null as NodeJS.Timeout | null };
      if (Number.isFinite(waitMs)) {
        entry.timer = setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(onTimeout());
        }, Math.max(0, waitMs));
      }
      this.waiting.push(entry);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) {
      if (next.timer) clearTimeout(next.timer);
      next.resolve();
    } else {
      this.active -= 1;
    }
  }
}

/** Something a request holds open (a session) that must be closed if the request is stopped. */
export interface Closable {
  close(): Promise<void>;
}

export class RequestBudget {
  readonly deadline: number;
  private readonly gate: Gate;
  private readonly open = new Set<Closable>();
  private abortedBy: Error | null = null;

  constructor(
    readonly budgetMs: number,
    concurrency: number,
  ) {
    this.deadline = Date.now() + budgetMs;
    this.gate = new Gate(concurrency);
  }

  remainingMs(): number {
    return this.deadline - Date.now();
  }

  /** Throws when the request may not start more database work. */
  check(): void {
    if (this.abortedBy) throw this.abortedBy;
    if (this.remainingMs() <= 0) throw new RequestTimeoutError(this.budgetMs);
  }

  /** Runs one database call under the request's own cap. */
  run<T>(work: () => Promise<T>): Promise<T> {
    this.check();
    return this.gate.run(work, this.remainingMs(), () => new RequestTimeoutError(this.budgetMs));
  }

  /** Registers a session for the lifetime of a call, so abort() can close it. */
  hold(session: Closable): () => void {
    this.open.add(session);
    return () => this.open.delete(session);
  }

  /** The client went away: refuse new work and close what is open (its transactions roll back). */
  abort(reason: Error = new RequestAbortedError()): void {
    if (this.abortedBy) return;
    this.abortedBy = reason;
    for (const session of this.open) session.close().catch(() => {});
    this.open.clear();
  }

  get aborted(): boolean {
    return this.abortedBy !== null;
  }
}

/** The process-wide gate below the driver's pool (kept a little smaller, for health checks). */
export function poolGate(poolSize: number): Gate {
  return new Gate(Math.max(1, poolSize - 2));
}

export function busyError(waitMs: number): () => Error {
  return () => new ServerBusyError(waitMs);
}

// A pool of worker threads that run the heavy solves (src/engine/solve-jobs.ts) off the event
// loop, so /health and light queries answer while they run and several analysts' solves use
// several cores. Workers hold the engine over the same shared memory as the main thread
// (GraphCore.fromLayout: the arrays are SharedArrayBuffers, never copied): a worker is sent the
// layout when the cache hands out a new engine (onEngine) and again before a job whenever the
// arrays it holds are not the job's (a delta grew them, or moved the slot counts).
//
// Deltas change the arrays in place, so the pool and the snapshot cache share a readers–writer
// lock: a job holds a read share from the moment it is sent to a worker until the main thread
// has turned its answer into ids, and a delta waits for those. The request's time budget is
// watched while a job waits or runs: when it is used up the request fails at once with its
// typed error; the worker is asked to stop at its next checkpoint (a shared flag) and, if it does
// not within a grace period, is terminated and replaced. A worker that dies is replaced too.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CoreLayout, GraphSnapshot } from '../analytics/graph-snapshot.js';
import type { SolveOptions } from '../analytics/disruption.js';
import { ReadWriteLock } from './read-write-lock.js';
import type { SnapshotCache } from './snapshot-cache.js';
import { runJob, type SolveJob, type SolveResult } from './solve-jobs.js';

/** What a solve checks its time against: the request's budget (RequestBudget.check throws when it is spent or the client left). */
export interface SolveBudget {
  check(): void;
}

export interface PoolOptions {
  /** How long a worker asked to stop may take to reach a checkpoint before it is terminated. */
  graceMs?: number;
  /** How often a waiting or running job's budget is checked. */
  watchMs?: number;
}

export interface PoolStats {
  size: number;
  workers: number;
  busy: number;
  queued: number;
  solves: number;
  cancelled: number;
  /** Workers terminated because they did not stop in time. */
  terminated: number;
  /** Workers that died (an uncaught error, running out of memory) and were replaced. */
  crashed: number;
}

interface Task {
  id: number;
  snap: GraphSnapshot;
  job: SolveJob;
  budget: SolveBudget | undefined;
  map: (result: unknown) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  settled: boolean;
  watch: NodeJS.Timeout | null;
  slot: Slot | null;
  release: (() => void) | null;
}

interface Slot {
  worker: Worker;
  cancel: Int32Array;
  task: Task | null;
  /** The layout this worker holds (its arrays by reference, and the counts). */
  held: CoreLayout | null;
  grace: NodeJS.Timeout | null;
  /** Asked to stop before its thread had loaded: the grace period starts once it has. */
  stopWhenReady: boolean;
  ready: boolean;
  lastError: Error | null;
}

/** The worker's entry: a plain JS file that loads TypeScript through tsx, like bin/zanjir.js. */
const WORKER_ENTRY = new URL('./solve-worker-entry.js', import.meta.url);

export class SolvePool {
  readonly lock = new ReadWriteLock();
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private readonly counters = { solves: 0, cancelled: 0, terminated: 0, crashed: 0 };
  private readonly graceMs: number;
  private readonly watchMs: number;

  /** `size` worker threads (0: solves run inline, in the calling thread, under the same lock). */
  constructor(
    readonly size: number = availableParallelism(),
    options: PoolOptions = {},
  ) {
    this.graceMs = options.graceMs ?? 250;
    this.watchMs = options.watchMs ?? 10;
  }

  get stats(): PoolStats {
    return {
      size: this.size,
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.task).length,
      queued: this.queue.length,
      ...this.counters,
    };
  }

  /** Runs `job` over `snap` and turns its answer into `map`'s, under a read share of the engine. */
  solve<J extends SolveJob, T>(snap: GraphSnapshot, job: J, map: (result: SolveResult<J>) => T, budget?: SolveBudget): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the solve pool is closed'));
    this.counters.solves += 1;
    if (this.size === 0) return this.inline(snap, job, map, budget);
    return new Promise<T>((resolve, reject) => {
      const task: Task = {
        id: this.nextId++,
        snap,
        job,
        budget,
        map: map as (result: unknown) => unknown,
        resolve: resolve as (value: unknown) => void,
        reject,
        settled: false,
        watch: null,
        slot: null,
        release: null,
      };
      if (budget) task.watch = setInterval(() => this.watch(task), this.watchMs);
      this.queue.push(task);
      this.pump();
    });
  }

  private async inline<J extends SolveJob, T>(snap: GraphSnapshot, job: J, map: (result: SolveResult<J>) => T, budget?: SolveBudget): Promise<T> {
    const release = await this.lock.shared();
    try {
      const options: SolveOptions = budget ? { checkpoint: () => budget.check() } : {};
      return map(runJob(snap, job, options));
    } finally {
      release();
    }
  }

  /** Shares a new engine with the workers (the cache's onEngine): they adopt it before their next job. */
  share(snap: GraphSnapshot): void {
    const layout = snap.layout();
    for (const slot of this.slots) {
      if (sameLayout(slot.held, layout)) continue;
      slot.held = layout;
      slot.worker.postMessage({ layout });
    }
  }

  /** Stops every worker; jobs still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) this.fail(task, new Error('the solve pool closed'));
    await Promise.all(
      this.slots.splice(0).map(async (slot) => {
        if (slot.grace) clearTimeout(slot.grace);
        if (slot.task) this.fail(slot.task, new Error('the solve pool closed'));
        await slot.worker.terminate();
        slot.task?.release?.();
      }),
    );
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => !s.task && !s.grace);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const task = this.queue.shift()!;
      task.slot = slot;
      slot.task = task;
      const release = this.lock.tryShared();
      if (release) this.dispatch(slot, task, release);
      else void this.lock.shared().then((r) => this.dispatch(slot, task, r));
    }
  }

  private dispatch(slot: Slot, task: Task, release: () => void): void {
    task.release = release;
    if (task.settled || slot.task !== task) {
      // Given up while it waited for a delta to be applied.
      release();
      if (slot.task === task) slot.task = null;
      this.pump();
      return;
    }
    const layout = task.snap.layout();
    const send = sameLayout(slot.held, layout) ? undefined : layout;
    slot.held = layout;
    Atomics.store(slot.cancel, 0, 0);
    // Held while it works (a CLI waiting on it must not exit), let go when idle (a server can stop).
    slot.worker.ref();
    slot.worker.postMessage({ id: task.id, job: task.job, layout: send });
  }

  private spawn(): Slot {
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER_ENTRY, { workerData: { cancel } });
    const slot: Slot = { worker, cancel, task: null, held: null, grace: null, stopWhenReady: false, ready: false, lastError: null };
    worker.unref();
    worker.on('message', (message: WorkerReply) => this.onReply(slot, worker, message));
    worker.on('error', (error) => {
      slot.lastError = error;
    });
    worker.on('exit', (code) => this.onExit(slot, worker, code));
    this.slots.push(slot);
    return slot;
  }

  private onReply(slot: Slot, worker: Worker, message: WorkerReply): void {
    if ('ready' in message) {
      slot.ready = true;
      if (slot.stopWhenReady) this.stop(slot);
      return;
    }
    const task = slot.task;
    if (slot.worker !== worker || !task || task.id !== message.id) return;
    if (slot.grace) {
      clearTimeout(slot.grace);
      slot.grace = null;
    }
    slot.task = null;
    slot.stopWhenReady = false;
    worker.unref();
    if (!task.settled) {
      if ('error' in message) this.fail(task, workerError(message.error));
      else if ('cancelled' in message) this.fail(task, new Error('solve cancelled'));
      else {
        try {
          this.succeed(task, task.map(message.result));
        } catch (error) {
          this.fail(task, error);
        }
      }
    }
    task.release?.();
    this.pump();
  }

  private onExit(slot: Slot, worker: Worker, code: number): void {
    if (slot.worker !== worker) return;
    const i = this.slots.indexOf(slot);
    if (i < 0) return; // closed
    if (slot.grace) clearTimeout(slot.grace);
    const deliberate = slot.grace !== null;
    if (!deliberate) this.counters.crashed += 1;
    const task = slot.task;
    if (task) {
      const why = slot.lastError?.message ?? `exit code ${code}`;
      this.fail(task, new Error(`the worker running this solve stopped (${why})`));
      task.release?.();
    }
    // The dead worker's slot goes; pump() spawns a fresh one when there is work.
    this.slots.splice(i, 1);
    this.pump();
  }

  private watch(task: Task): void {
    if (task.settled) return;
    try {
      task.budget!.check();
    } catch (error) {
      this.cancel(task, error);
    }
  }

  /** The request gave up: it fails now; its worker is asked to stop, and replaced if it does not in time. */
  private cancel(task: Task, error: unknown): void {
    this.counters.cancelled += 1;
    this.fail(task, error);
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      return;
    }
    const slot = task.slot;
    if (!slot || slot.task !== task || !task.release) return; // waiting for a delta: dispatch lets go
    Atomics.store(slot.cancel, 0, 1);
    // A thread still loading its modules has not had its chance to see the flag yet.
    if (slot.ready) this.stop(slot);
    else slot.stopWhenReady = true;
  }

  /** Terminates the slot's worker unless it stops at a checkpoint within the grace period. */
  private stop(slot: Slot): void {
    slot.stopWhenReady = false;
    if (!slot.task || slot.grace) return;
    slot.grace = setTimeout(() => {
      this.counters.terminated += 1;
      void slot.worker.terminate();
    }, this.graceMs);
  }

  private succeed(task: Task, value: unknown): void {
    if (task.settled) return;
    task.settled = true;
    if (task.watch) clearInterval(task.watch);
    task.resolve(value);
  }

  private fail(task: Task, error: unknown): void {
    if (task.settled) return;
    task.settled = true;
    if (task.watch) clearInterval(task.watch);
    task.reject(error);
  }
}

type WorkerReply = { ready: true } | { id: number; result: unknown } | { id: number; cancelled: true } | { id: number; error: { name: string; message: string; stack?: string } };

function workerError(e: { name: string; message: string; stack?: string }): Error {
  const error = new Error(e.message);
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}

function sameLayout(a: CoreLayout | null, b: CoreLayout): boolean {
  if (!a || a.version !== b.version || a.nodeSlots !== b.nodeSlots || a.edgeSlots !== b.edgeSlots || a.homeCode !== b.homeCode) return false;
  for (const [name, array] of Object.entries(b.arrays)) if (a.arrays[name] !== array) return false;
  return true;
}

const pools = new WeakMap<SnapshotCache, SolvePool>();

/**
 * Puts a pool behind a cache: deltas take the pool's lock, new engines are shared with its
 * workers, and the solves of requests on that cache run in it (src/engine/solves.ts).
 */
export function attachPool(cache: SnapshotCache, pool: SolvePool): void {
  cache.lock = pool.lock;
  cache.onEngine = (snap) => pool.share(snap);
  pools.set(cache, pool);
}

/** Takes the pool away from a cache (its solves run inline again). */
export function detachPool(cache: SnapshotCache): void {
  pools.delete(cache);
  cache.onEngine = null;
  cache.lock = { exclusive: async (change) => change() };
}

export function poolOf(cache: SnapshotCache): SolvePool | undefined {
  return pools.get(cache);
}

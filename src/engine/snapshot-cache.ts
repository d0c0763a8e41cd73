// Keeps one analytics engine (src/analytics/engine.ts) per process, current with the database.
// Every write records what it touched in the change feed under a new graph version (src/db/
// executor.ts). Before answering, a request reads the version (one cheap read; requests that
// arrive while a read is in flight share the next one); if it moved, the engine reads the feed
// since its own version, reads back only the rows those changes touched, and applies them as a
// delta, so the first answer after an edit costs about what a warm one does. It builds in full
// only at the start, when the feed has a gap (it fell further behind than the feed keeps), when
// a change says "everything" (a reset, a data-set removal, a large import), or when the delta
// would cost more than a rebuild. Another process's edits arrive the same way.

import { applyChange, finishBuild } from '../analytics/engine.js';
import { GraphSnapshot } from '../analytics/graph-snapshot.js';
import type { Executor } from '../db/executor.js';
import { changesSince, graphVersion, readTouched, readWholeGraph, type FeedEntry } from '../db/snapshot-rows.js';
import type { GraphDelta, SnapshotEdgeInput } from '../model/snapshot-rows.js';
import { DEFAULT_HOME_COUNTRY } from '../model/records.js';

export interface SnapshotStats {
  version: number;
  nodes: number;
  edges: number;
  buildMs: number;
  approximateBytes: number;
}

/** Feed entries read per catch-up step. */
const FEED_PAGE = 1_000;
/** How often a full load may find the graph changed under it before settling for an older label. */
const LOAD_ATTEMPTS = 5;

/**
 * Holds a change back while solves read the engine (src/engine/pool.ts): deltas change the
 * arrays in place, so they wait for the readers in flight and hold new ones off.
 */
export interface EngineLock {
  exclusive<T>(change: () => T): Promise<T>;
}

const NO_LOCK: EngineLock = { exclusive: async (change) => change() };

export class SnapshotCache {
  private snapshot: GraphSnapshot | null = null;
  private catching: { version: number; promise: Promise<GraphSnapshot> } | null = null;
  private reading: Promise<number> | null = null;
  private queuedRead: Promise<number> | null = null;
  /** Version reads, full builds and delta refreshes so far (/metrics, tests, the bench). */
  readonly counters = { versionReads: 0, builds: 0, refreshes: 0 };
  /** The newest version the database has said it is at, for the version-lag gauge. */
  latestSeen = 0;
  lastBuild: SnapshotStats | null = null;
  lastRefresh: { fromVersion: number; toVersion: number; nodes: number; pairs: number; ms: number } | null = null;
  /** Set by the worker pool: deltas wait for the solves reading the engine. */
  lock: EngineLock = NO_LOCK;
  /** Called with each engine the cache starts to hand out (a full build or a compaction): the pool shares it with its workers. */
  onEngine: ((snapshot: GraphSnapshot) => void) | null = null;

  constructor(
    private readonly executor: Executor,
    private readonly options: { maxDeltaShare?: number } = {},
  ) {}

  /** The engine as it is now, without asking the database (null before the first build). */
  get held(): GraphSnapshot | null {
    return this.snapshot;
  }

  /** How many versions the held engine is behind the newest the database reported. */
  get versionLag(): number {
    return this.snapshot ? Math.max(0, this.latestSeen - this.snapshot.version) : this.latestSeen;
  }

  /**
   * The graph's version now. A read already in flight may have started before the caller's
   * request, so callers wait for one that starts after they asked (shared with whoever else waits).
   */
  version(): Promise<number> {
    if (!this.reading) return this.startRead();
    this.queuedRead ??= this.reading
      .catch(() => 0)
      .then(() => {
        this.queuedRead = null;
        return this.startRead();
      });
    return this.queuedRead;
  }

  /** The engine of the graph as it is now (brought up to date first if the graph changed). */
  async current(): Promise<GraphSnapshot> {
    const version = await this.version();
    if (this.snapshot && this.snapshot.version >= version) return this.snapshot;
    if (this.catching && this.catching.version >= version) return this.catching.promise;
    const promise = (this.catching?.promise.catch(() => null) ?? Promise.resolve(null))
      .then(() => this.catchUp(version))
      .finally(() => {
        if (this.catching?.promise === promise) this.catching = null;
      });
    this.catching = { version, promise };
    return promise;
  }

  private startRead(): Promise<number> {
    this.counters.versionReads += 1;
    const read: Promise<number> = graphVersion(this.executor)
      .then((v) => {
        this.latestSeen = Math.max(this.latestSeen, v);
        return v;
      })
      .finally(() => {
        if (this.reading === read) this.reading = null;
      });
    this.reading = read;
    return read;
  }

  private async catchUp(target: number): Promise<GraphSnapshot> {
    for (let snap = this.snapshot; snap && snap.version < target; snap = this.snapshot) {
      const entries = await changesSince(this.executor, snap.version, FEED_PAGE);
      if (!this.canRefresh(snap, entries)) break;
      await this.refresh(snap, entries);
    }
    if (!this.snapshot || this.snapshot.version < target) await this.rebuild();
    return this.snapshot!;
  }

  /** The feed continues from the engine's version, has no "everything" entry, and is smaller than a rebuild. */
  private canRefresh(snap: GraphSnapshot, entries: FeedEntry[]): boolean {
    if (entries.length === 0 || entries[0]!.version !== snap.version + 1) return false;
    if (entries.some((e) => e.full)) return false;
    const touched = entries.reduce((n, e) => n + e.nodes.length + 2 * e.pairs.length, 0);
    return touched <= Math.max(1_000, (this.options.maxDeltaShare ?? 0.2) * snap.nodeCount);
  }

  private async refresh(snap: GraphSnapshot, entries: FeedEntry[]): Promise<void> {
    const started = performance.now();
    const fromVersion = snap.version;
    const ids = new Set<string>();
    const pairs = new Map<string, { from: string; to: string }>();
    for (const e of entries) {
      e.nodes.forEach((id) => ids.add(id));
      for (const p of e.pairs) pairs.set(`${p.from}\u0000${p.to}`, p);
    }
    const rows = await readTouched(this.executor, [...ids], [...pairs.values()]);
    const found = new Set(rows.nodes.map((n) => n.id));
    const byPair = new Map<string, SnapshotEdgeInput[]>([...pairs.keys()].map((k) => [k, []]));
    for (const edge of rows.edges) byPair.get(`${edge.from}\u0000${edge.to}`)?.push(edge);
    const delta: GraphDelta = {
      version: entries[entries.length - 1]!.version,
      nodes: rows.nodes,
      removedNodes: [...ids].filter((id) => !found.has(id)),
      pairs: [...pairs.values()].map((p) => ({ ...p, edges: byPair.get(`${p.from}\u0000${p.to}`)! })),
    };
    const next = await this.lock.exclusive(() => applyChange(snap, delta).snapshot);
    if (next !== snap) this.onEngine?.(next);
    this.snapshot = next;
    this.counters.refreshes += 1;
    this.lastRefresh = { fromVersion, toVersion: delta.version, nodes: ids.size, pairs: pairs.size, ms: performance.now() - started };
  }

  /**
   * Reads every engine node and edge between two reads of the version; if a write committed in
   * between, reads again. The engine is labelled with the version its data was read at, so the
   * feed after that version brings it up to date.
   */
  private async rebuild(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const started = performance.now();
      const before = await graphVersion(this.executor);
      const [meta] = await this.executor.read('meta/get', {}, { timeoutMs: 0 });
      const snap = new GraphSnapshot(before, (meta?.homeCountry as string | null) ?? DEFAULT_HOME_COUNTRY);
      await readWholeGraph(this.executor, { node: (n) => snap.addNode(n), edge: (e) => snap.addEdge(e) });
      const after = await graphVersion(this.executor);
      if (after === before || attempt >= LOAD_ATTEMPTS) {
        // Gave up waiting for a quiet moment: the older label makes the next request catch up from the feed.
        finishBuild(snap);
        this.counters.builds += 1;
        this.lastBuild = { version: snap.version, nodes: snap.nodeCount, edges: snap.edgeCount, buildMs: performance.now() - started, approximateBytes: snap.approximateBytes() };
        this.onEngine?.(snap);
        this.snapshot = snap;
        return;
      }
    }
  }
}

const caches = new WeakMap<Executor, SnapshotCache>();

/** The process's engine for the database behind one executor, made on first use. */
export function snapshotCacheFor(executor: Executor): SnapshotCache {
  let cache = caches.get(executor);
  if (!cache) {
    cache = new SnapshotCache(executor);
    caches.set(executor, cache);
  }
  return cache;
}

// Keeps one in-memory GraphSnapshot per process, current with the database. Every write
// transaction raises the graph's version (src/db/executor.ts); before answering from the
// snapshot, a request reads the version (one cheap read; requests that arrive while a read is in
// flight share the next one) and, if it moved, the snapshot is rebuilt from Neo4j before the
// answer. So a process notices an import made by any other process on its next request, and
// every answer can say which version it used.

import { CHAIN_EDGE_TYPES, type ChainEdgeType, type NodeKind } from '../model/kinds.js';
import { DEFAULT_HOME_COUNTRY, FIGURE_PROPERTIES } from '../model/records.js';
import type { Executor } from './executor.js';

/** A chain node as the snapshot load reads it. */
export interface SnapshotNodeRow {
  id: string;
  kind: NodeKind;
  name: string;
  country: string | null;
  stage: string | null;
  unitValueUsd: number | null;
  finalDemand: number | null;
  asOf: string | null;
  group: boolean;
  /** It holds a figure its kind dates (FIGURE_PROPERTIES). */
  figured: boolean;
}

/** A chain edge as the snapshot load reads it, with every property it may hold. */
export interface SnapshotEdgeRow {
  type: ChainEdgeType;
  from: string;
  to: string;
  share: number | null;
  capacityTpy: number | null;
  volumePerYear: number | null;
  originCountry: string | null;
  quantityPerUnit: number | null;
  quantity: number | null;
  valueShare: number | null;
  output: string | null;
  estimate: boolean | null;
  note: string | null;
  sources: string[] | null;
  asOf: string | null;
}

/** What a snapshot must offer the cache: the version it was read at, and its size. */
export interface Snapshot {
  readonly version: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  approximateBytes(): number;
}

/** Builds a snapshot row by row; the analytics layer supplies it (src/analytics/graph-snapshot.ts). */
export interface SnapshotSink<S extends Snapshot> {
  addNode(row: SnapshotNodeRow): void;
  addEdge(row: SnapshotEdgeRow): void;
  build(): S;
}

export type SnapshotFactory<S extends Snapshot> = (version: number, homeCountry: string) => SnapshotSink<S>;

export interface SnapshotStats {
  version: number;
  nodes: number;
  edges: number;
  buildMs: number;
  approximateBytes: number;
}

/** Nodes per page of a snapshot load. */
const PAGE = 20_000;

/** How often a snapshot load may find the graph changed under it before giving up. */
const LOAD_ATTEMPTS = 5;

export class SnapshotCache<S extends Snapshot> {
  private snapshot: S | null = null;
  private building: { version: number; promise: Promise<S> } | null = null;
  private reading: Promise<number> | null = null;
  private queuedRead: Promise<number> | null = null;
  /** How many version reads and snapshot builds this cache has made (for tests and the bench). */
  readonly counters = { versionReads: 0, builds: 0 };
  lastBuild: SnapshotStats | null = null;

  constructor(
    private readonly executor: Executor,
    private readonly factory: SnapshotFactory<S>,
  ) {}

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

  /** The snapshot of the graph as it is now (rebuilt first if the graph changed). */
  async current(): Promise<S> {
    const version = await this.version();
    if (this.snapshot?.version === version) return this.snapshot;
    if (this.building?.version === version) return this.building.promise;
    const promise = this.load().finally(() => {
      if (this.building?.promise === promise) this.building = null;
    });
    this.building = { version, promise };
    const snapshot = await promise;
    this.snapshot = snapshot;
    return snapshot;
  }

  private startRead(): Promise<number> {
    this.counters.versionReads += 1;
    const read: Promise<number> = this.executor
      .read('meta/graph-version')
      .then((rows) => Number(rows[0]?.version ?? 0))
      .finally(() => {
        if (this.reading === read) this.reading = null;
      });
    this.reading = read;
    return read;
  }

  /**
   * Reads every chain node and edge, streamed, between two reads of the version; if a write
   * committed in between (the version moved), reads again. The snapshot is labelled with the
   * version its data was read at.
   */
  private async load(): Promise<S> {
    for (let attempt = 1; ; attempt += 1) {
      const started = performance.now();
      const [versionRow] = await this.executor.read('meta/graph-version', {}, { timeoutMs: 0 });
      const before = Number(versionRow?.version ?? 0);
      const [meta] = await this.executor.read('meta/get', {}, { timeoutMs: 0 });
      const builder = this.factory(before, (meta?.homeCountry as string | null) ?? DEFAULT_HOME_COUNTRY);
      // Pages of nodes, then of edges, in id order: one row a page, so decoding is cheap.
      await this.executor.readTransaction(
        async (tx) => {
          for (let after = ''; ; ) {
            const [page] = await tx.run('snapshot/nodes', { after, limit: PAGE, figures: FIGURE_PROPERTIES });
            for (const r of (page?.rows ?? []) as unknown[][]) {
              builder.addNode({ id: r[0] as string, kind: r[1] as NodeKind, name: (r[2] as string | null) ?? '', country: r[3] as string | null, stage: r[4] as string | null, unitValueUsd: r[5] as number | null, finalDemand: r[6] as number | null, asOf: r[7] as string | null, group: r[8] === true, figured: r[9] === true });
            }
            if (page?.last === null || page?.last === undefined) break;
            after = String(page.last);
          }
          for (let after = ''; ; ) {
            const [page] = await tx.run('snapshot/edges', { after, limit: PAGE }, { types: CHAIN_EDGE_TYPES });
            for (const r of (page?.rows ?? []) as unknown[][]) builder.addEdge(edgeInput(r));
            if (page?.last === null || page?.last === undefined) break;
            after = String(page.last);
          }
        },
        { label: 'snapshot/load', timeoutMs: 0 },
      );
      const [afterRow] = await this.executor.read('meta/graph-version', {}, { timeoutMs: 0 });
      if (Number(afterRow?.version ?? 0) === before || attempt >= LOAD_ATTEMPTS) {
        const snapshot = builder.build();
        this.counters.builds += 1;
        this.lastBuild = { version: snapshot.version, nodes: snapshot.nodeCount, edges: snapshot.edgeCount, buildMs: performance.now() - started, approximateBytes: snapshot.approximateBytes() };
        // Gave up waiting for a quiet moment: label it with the older version, so the next request rebuilds.
        return snapshot;
      }
    }
  }
}

function edgeInput(r: unknown[]): SnapshotEdgeRow {
  return {
    type: r[0] as ChainEdgeType,
    from: r[1] as string,
    to: r[2] as string,
    share: r[3] as number | null,
    capacityTpy: r[4] as number | null,
    volumePerYear: r[5] as number | null,
    originCountry: r[6] as string | null,
    quantityPerUnit: r[7] as number | null,
    quantity: r[8] as number | null,
    valueShare: r[9] as number | null,
    output: r[10] as string | null,
    estimate: r[11] as boolean | null,
    note: r[12] as string | null,
    sources: r[13] as string[] | null,
    asOf: r[14] as string | null,
  };
}

// The one dependency shape every service takes, whichever door calls it: GraphQL builds it from
// the request's context (its loaders batch the records a query names), the CLI and the CSV
// reports from the database they opened (records are read in one batch per answer).

import type { Config } from '../config.js';
import type { ChainStore } from '../db/chain-store.js';
import type { Executor } from '../db/executor.js';
import type { SnapshotCache } from '../engine/snapshot-cache.js';
import { snapshotCacheFor } from '../engine/snapshot-cache.js';
import type { NodeRecord } from '../model/records.js';

export type Limits = Config['limits'];

/** A per-request node loader (a DataLoader at the GraphQL door): batches and caches record reads. */
export interface NodeLoader {
  load(id: string): Promise<NodeRecord | null>;
  loadMany(ids: readonly string[]): Promise<(NodeRecord | null | Error)[]>;
}

export interface ServiceDeps {
  store: ChainStore;
  executor: Executor;
  /** The process's analytics engine, kept current by the change feed. */
  snapshots: SnapshotCache;
  /** Walk, listing and export limits (the config's). */
  limits: Limits;
  /** The data set's home country, read at most once per request. */
  homeCountry(): Promise<string>;
  /** The request's loaders, when the door batches record reads across an answer (GraphQL). */
  loaders?: { node: NodeLoader };
  /** The request's time budget: solves of one candidate at a time check it between candidates. */
  budget?: { check(): void };
}

/** Deps for a door without per-request loaders (the CLI, the CSV reports): the engine is the executor's. */
export function serviceDeps(base: { store: ChainStore; executor: Executor; limits: Limits; snapshots?: SnapshotCache; budget?: { check(): void } }): ServiceDeps {
  let home: Promise<string> | null = null;
  return {
    store: base.store,
    executor: base.executor,
    limits: base.limits,
    snapshots: base.snapshots ?? snapshotCacheFor(base.executor),
    budget: base.budget,
    homeCountry: () => (home ??= base.store.homeCountry()),
  };
}

/** A node's record through the request's loader when there is one, else straight from the store. */
export async function loadNode(deps: ServiceDeps, id: string): Promise<NodeRecord | null> {
  if (deps.loaders) return deps.loaders.node.load(id);
  const [node] = await deps.store.nodesByIds([id]);
  return node ?? null;
}

/** Records for ids, in order (null when unknown), batched the same way. */
export async function loadNodes(deps: ServiceDeps, ids: readonly string[]): Promise<(NodeRecord | null | Error)[]> {
  if (deps.loaders) return deps.loaders.node.loadMany(ids);
  return deps.store.nodesByIds(ids);
}

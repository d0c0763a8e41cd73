// The request context: built once per request, carrying the data access, the per-request
// DataLoaders, the limits, and the caller's role (everyone is an analyst until roles exist).

import type { Config } from './config.js';
import { ForbiddenError } from './errors/index.js';
import type { ChainStore } from './db/chain-store.js';
import type { Executor } from './db/executor.js';
import { SnapshotCache } from './db/snapshot-cache.js';
import { SnapshotBuilder, type GraphSnapshot } from './analytics/graph-snapshot.js';
import { createLoaders, type Loaders } from './graphql/loaders.js';

export type Role = 'analyst' | 'researcher' | 'admin';

export interface Services {
  config: Config;
  executor: Executor;
  store: ChainStore;
  /** The in-memory analytic snapshot; one per executor when not given. */
  snapshots?: SnapshotCache<GraphSnapshot>;
}

export interface Context extends Services {
  snapshots: SnapshotCache<GraphSnapshot>;
  loaders: Loaders;
  role: Role;
  /** The data set's home country, read at most once per request. */
  homeCountry(): Promise<string>;
}

export function createContext(services: Services, role: Role = services.config.defaultRole): Context {
  let home: Promise<string> | null = null;
  const homeCountry = () => (home ??= services.store.homeCountry());
  return {
    ...services,
    snapshots: services.snapshots ?? snapshotCacheFor(services.executor),
    loaders: createLoaders(services.store, homeCountry),
    role,
    homeCountry,
  };
}

const caches = new WeakMap<Executor, SnapshotCache<GraphSnapshot>>();

/** The process's snapshot of the graph behind one executor (one database), made on first use. */
export function snapshotCacheFor(executor: Executor): SnapshotCache<GraphSnapshot> {
  let cache = caches.get(executor);
  if (!cache) {
    cache = new SnapshotCache(executor, (version, home) => new SnapshotBuilder(version, home));
    caches.set(executor, cache);
  }
  return cache;
}

const RANK: Record<Role, number> = { analyst: 0, researcher: 1, admin: 2 };

/** Refuses an operation the caller's role does not allow. */
export function requireRole(ctx: Context, role: Role, operation: string): void {
  if (RANK[ctx.role] < RANK[role]) {
    throw new ForbiddenError(`${operation} needs the ${role} role; this server gives callers the ${ctx.role} role (see ZANJIR_DEFAULT_ROLE).`);
  }
}

// The request context: built once per request, carrying the data access (scoped to the request's
// time and concurrency budget), the per-request DataLoaders, the limits, and who is calling.

import type { Config } from './config.js';
import { ForbiddenError, UnauthenticatedError } from './errors/index.js';
import { allows, OPERATIONS, type Operation, type Principal } from './access/roles.js';
import type { Authenticator } from './access/authenticate.js';
import type { AccessStore } from './db/access-store.js';
import { ChainStore } from './db/chain-store.js';
import { RequestBudget } from './db/budget.js';
import type { Executor } from './db/executor.js';
import { snapshotCacheFor, type SnapshotCache } from './engine/snapshot-cache.js';
import { createLoaders, type Loaders } from './services/loaders.js';
import type { Limits, ServiceDeps } from './services/deps.js';

export type { Principal };

export interface Services {
  config: Config;
  executor: Executor;
  store: ChainStore;
  access: AccessStore;
  authenticator: Authenticator;
  /** The in-memory analytic snapshot; one per executor when not given. */
  snapshots?: SnapshotCache;
}

/** A request's context: what the GraphQL door holds, and the services' one dependency shape. */
export interface Context extends Services, ServiceDeps {
  snapshots: SnapshotCache;
  limits: Limits;
  loaders: Loaders;
  principal: Principal;
  budget: RequestBudget;
  /** The data set's home country, read at most once per request. */
  homeCountry(): Promise<string>;
}

/** A context for one request: the executor and store count against its budget. */
export function createContext(services: Services, principal: Principal, budget?: RequestBudget): Context {
  const limits = services.config.limits;
  const requestBudget = budget ?? new RequestBudget(limits.requestTimeoutMs, limits.requestDbConcurrency);
  const executor = services.executor.scoped(requestBudget);
  const store = new ChainStore(executor);
  let home: Promise<string> | null = null;
  const homeCountry = () => (home ??= store.homeCountry());
  const snapshots = services.snapshots ?? snapshotCacheFor(services.executor);
  let current: ReturnType<SnapshotCache['current']> | null = null;
  const engine = () => (current ??= snapshots.current());
  return {
    ...services,
    executor,
    snapshots,
    limits,
    store,
    loaders: createLoaders(store, engine),
    principal,
    budget: requestBudget,
    homeCountry,
  };
}

export { snapshotCacheFor };

/** Refuses an operation the caller's role does not allow, saying which role it needs. */
export function requireRole(ctx: Pick<Context, 'principal'>, operation: Operation): void {
  assertAllowed(ctx.principal, operation);
}

export function assertAllowed(principal: Principal, operation: Operation): void {
  if (allows(principal.role, operation)) return;
  const needed = OPERATIONS[operation];
  if (principal.role === null) {
    throw new UnauthenticatedError(`This server needs an API key: send "Authorization: Bearer <key>" (${operation} needs the ${needed} role).`);
  }
  const how = principal.via === 'anonymous' ? 'callers without a key are' : `${principal.subject} is`;
  throw new ForbiddenError(`${operation} needs the ${needed} role; ${how} ${principal.role}.`);
}

// Prometheus metrics at /metrics: requests by route and status, their duration, GraphQL errors by
// code, database calls in use and queued, the analytics engine's full builds, delta refreshes and
// how many graph versions it trails the database by, the solve pool's workers, queue and stopped
// solves, plus the process's own (memory, event-loop lag, GC).
// One registry per server, so tests can run several servers in one process.

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  requests: Counter<'route' | 'status'>;
  duration: Histogram<'route'>;
  graphqlErrors: Counter<'code'>;
}

/** What the analytics engine reports (src/engine/snapshot-cache.ts). */
export interface EngineStats {
  counters: { builds: number; refreshes: number };
  versionLag: number;
}

/** A counter that mirrors a count kept elsewhere: each scrape adds what it rose by since the last. */
function mirroredCounter(registry: Registry, name: string, help: string, read: () => number): void {
  let seen = 0;
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const now = read();
      if (now > seen) this.inc(now - seen);
      seen = Math.max(seen, now);
    },
  });
}


/** What /metrics shows of the solve pool (src/engine/pool.ts), when the server runs one. */
export interface SolvePoolLoad {
  size: number;
  busy: number;
  queued: number;
  cancelled: number;
  terminated: number;
  crashed: number;
}

export function createMetrics(dbLoad: () => { inUse: number; queued: number; capacity: number }, solvePool: () => SolvePoolLoad | null = () => null, engine?: () => EngineStats): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'zanjir_' });
  const requests = new Counter({ name: 'zanjir_http_requests_total', help: 'HTTP requests by route and status.', labelNames: ['route', 'status'] as const, registers: [registry] });
  const duration = new Histogram({
    name: 'zanjir_http_request_duration_seconds',
    help: 'HTTP request duration by route.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const graphqlErrors = new Counter({ name: 'zanjir_graphql_errors_total', help: 'GraphQL errors by extensions.code.', labelNames: ['code'] as const, registers: [registry] });
  new Gauge({ name: 'zanjir_db_calls_in_use', help: 'Database calls holding a connection.', registers: [registry], collect() { this.set(dbLoad().inUse); } });
  new Gauge({ name: 'zanjir_db_calls_queued', help: 'Database calls waiting for a connection.', registers: [registry], collect() { this.set(dbLoad().queued); } });
  new Gauge({ name: 'zanjir_db_calls_capacity', help: 'Database calls that may hold a connection at once.', registers: [registry], collect() { this.set(dbLoad().capacity); } });
  if (engine) {
    mirroredCounter(registry, 'zanjir_snapshot_full_builds_total', 'Full builds of the analytics engine from the database (the first, and after a gap or a delta too large to apply).', () => engine().counters.builds);
    mirroredCounter(registry, 'zanjir_snapshot_refreshes_total', 'Delta refreshes of the analytics engine from the change feed.', () => engine().counters.refreshes);
    new Gauge({ name: 'zanjir_snapshot_version_lag', help: 'Graph versions the analytics engine trails the newest the database has reported.', registers: [registry], collect() { this.set(engine().versionLag); } });
  }
  const pool = () => solvePool() ?? { size: 0, busy: 0, queued: 0, cancelled: 0, terminated: 0, crashed: 0 };
  new Gauge({ name: 'zanjir_solve_workers', help: 'Worker threads the heavy solves may use (0: they run in the main thread).', registers: [registry], collect() { this.set(pool().size); } });
  new Gauge({ name: 'zanjir_solve_workers_busy', help: 'Worker threads running a solve.', registers: [registry], collect() { this.set(pool().busy); } });
  new Gauge({ name: 'zanjir_solve_jobs_queued', help: 'Solves waiting for a worker.', registers: [registry], collect() { this.set(pool().queued); } });
  new Counter({
    name: 'zanjir_solve_stops_total',
    help: 'Solves stopped before their end: cancelled (the request ran out of time), terminated (its worker did not stop in time), crashed (its worker died).',
    labelNames: ['reason'] as const,
    registers: [registry],
    collect() {
      const p = pool();
      this.reset();
      for (const reason of ['cancelled', 'terminated', 'crashed'] as const) this.inc({ reason }, p[reason]);
    },
  });
  return { registry, requests, duration, graphqlErrors };
}

/** A low-cardinality label for a path: the route, never ids or query strings. */
export function routeOf(pathname: string): string {
  if (pathname === '/graphql' || pathname === '/health' || pathname === '/ready' || pathname === '/metrics' || pathname === '/') return pathname;
  const first = pathname.split('/')[1] ?? '';
  if (['export', 'view', 'report'].includes(first)) return `/${first}/*`;
  return 'other';
}

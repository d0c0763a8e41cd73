// Prometheus metrics at /metrics: requests by route and status, their duration, GraphQL errors by
// code, database calls in use and queued, the analytics engine's full builds, delta refreshes and
// how many graph versions it trails the database by, plus the process's own (memory, event-loop
// lag, GC).
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

export function createMetrics(dbLoad: () => { inUse: number; queued: number; capacity: number }, engine?: () => EngineStats): Metrics {
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
  return { registry, requests, duration, graphqlErrors };
}

/** A low-cardinality label for a path: the route, never ids or query strings. */
export function routeOf(pathname: string): string {
  if (pathname === '/graphql' || pathname === '/health' || pathname === '/ready' || pathname === '/metrics' || pathname === '/') return pathname;
  const first = pathname.split('/')[1] ?? '';
  if (['export', 'view', 'report'].includes(first)) return `/${first}/*`;
  return 'other';
}

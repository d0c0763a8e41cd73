// The server runs its heavy solves in the worker pool (src/engine/pool.ts): answers over HTTP are
// the worked example's, /health and a node lookup answer while every worker is busy, and a
// request whose time budget runs out while its solve waits fails with REQUEST_TIMEOUT; /metrics
// shows the pool.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotCacheFor } from '../src/engine/snapshot-cache.js';
import { poolOf, type SolvePool } from '../src/engine/pool.js';
import { startServer, type ZanjirServer } from '../src/server.js';
import { fixture } from './helpers/fixtures.js';
import { startHarness, testConfig, type Harness } from './helpers/harness.js';

let h: Harness;
let pool: SolvePool;

beforeAll(async () => {
  h = await startHarness({ ZANJIR_SOLVE_WORKERS: '2' });
  await h.load(fixture('worked-example.json'));
  pool = poolOf(snapshotCacheFor(h.db.executor))!;
});
afterAll(async () => {
  await h.close();
});

const DISRUPTION = `{ disruption(scenario: { countries: ["CN"] }) { losses { item { id } loss } graphVersion } }`;

/** Occupies every worker until released: a stand-in for long solves. */
async function holdEveryWorker() {
  const snap = await snapshotCacheFor(h.db.executor).current();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const held = Array.from({ length: pool.size }, () => pool.solve(snap, { kind: 'hold', release: flag, cooperative: true }, () => 'released'));
  return {
    held,
    release: () => {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    },
  };
}

describe('heavy solves in the worker pool', () => {
  it('answer the worked example: "CN" costs the electrode 1 and steel 0.8', async () => {
    const before = pool.stats.solves;
    const { disruption } = await h.query(DISRUPTION);
    expect(disruption.losses).toEqual([
      { item: { id: 'part:electrode' }, loss: 1 },
      { item: { id: 'product:steel' }, loss: expect.closeTo(0.8, 12) },
    ]);
    const { chainBalance } = await h.query(`{ chainBalance(ids: ["product:ore"]) { homeCapacity demand balance } }`);
    // ore: 1,000 at home, 1.5 × 600 taken by the pellet plant.
    expect(chainBalance).toEqual([{ homeCapacity: 1000, demand: 900, balance: 100 }]);
    const { importContent } = await h.query(`{ importContent(id: "product:steel") { totalImportContent } }`);
    expect(importContent.totalImportContent).toBeCloseTo(0.28, 12);
    expect(pool.stats.solves - before).toBe(3);
  });

  it('/health and a node lookup answer while every worker is busy; the waiting disruption answers after', async () => {
    const { held, release } = await holdEveryWorker();
    const order: string[] = [];
    const disruption = h.query(DISRUPTION).then((r) => {
      order.push('disruption');
      return r;
    });
    const health = await fetch(`${h.server.url}/health`);
    order.push('health');
    expect(health.status).toBe(200);
    const { node } = await h.query(`{ node(id: "product:steel") { id name } }`);
    order.push('node');
    expect(node.id).toBe('product:steel');
    expect(pool.stats.queued).toBe(1);
    release();
    expect(await Promise.all(held)).toEqual(Array(pool.size).fill('released'));
    const r = await disruption;
    expect(order).toEqual(['health', 'node', 'disruption']);
    expect(r.disruption.losses[1].loss).toBeCloseTo(0.8, 12);
  });

  it('a request whose budget runs out while its solve waits fails with REQUEST_TIMEOUT, and the pool serves the next', async () => {
    // A second server on the same engine and pool, with the shortest budget the config allows.
    const quick: ZanjirServer = await startServer({ config: testConfig({ ZANJIR_REQUEST_TIMEOUT_MS: '100' }), executor: h.db.executor, store: h.db.store }, () => {});
    try {
      // Warm: the first request of a server also reads the graph version.
      await fetch(`${quick.url}/health`);
      const { held, release } = await holdEveryWorker();
      const res = await fetch(`${quick.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: DISRUPTION }) });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
      expect(pool.stats.queued).toBe(0);
      release();
      await Promise.all(held);
      const { disruption } = await h.query(DISRUPTION);
      expect(disruption.losses[0]).toEqual({ item: { id: 'part:electrode' }, loss: 1 });
      const metrics = await (await fetch(`${h.server.url}/metrics`)).text();
      expect(metrics).toMatch(/^zanjir_solve_workers 2$/m);
      expect(metrics).toMatch(/^zanjir_solve_jobs_queued 0$/m);
      expect(metrics).toMatch(/^zanjir_solve_stops_total\{reason="crashed"\} 0$/m);
    } finally {
      await quick.close();
    }
  });
});

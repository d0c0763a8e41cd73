// npx tsx bench/pool.ts [--nodes 100000] [--runs 20] [--seconds 15] [--workers N]: the heavy
// solves off the event loop. On a generated chain in a fresh embedded Neo4j, serves GraphQL over
// HTTP twice on the same engine: first with the solves inline (ZANJIR_SOLVE_WORKERS=0), then in
// the worker pool (default: one worker per core). For each: whole-graph disruption p50 (one
// client), the throughput of 1 and of 4 concurrent analysts asking for whole-graph disruptions
// (requests/s over --seconds), and how long /health takes while the 4 run. Figures are printed,
// never asserted.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { disruptionReport, removalOf } from '../src/analytics/disruption.js';
import { poolOf, SolvePool } from '../src/engine/pool.js';
import { snapshotCacheFor } from '../src/engine/snapshot-cache.js';
import { importSources } from '../src/io/importer.js';
import { jsonLinesSource } from '../src/io/sources.js';
import { startServer } from '../src/server.js';
import { generateChain } from './generate.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : fallback;
};
const NODES = Number(option('nodes', '100000'));
const RUNS = Number(option('runs', '20'));
const SECONDS = Number(option('seconds', '15'));
const WORKERS = option('workers', String(os.availableParallelism()));

/** Two whole-graph scenarios, alternated: every item is looked at, the hits are ranked. */
const SCENARIOS = [`{ countries: ["CN"] }`, `{ allImports: true }`];
const query = (k: number) => `{ disruption(scenario: ${SCENARIOS[k % SCENARIOS.length]}) { converged graphVersion finishedGoodsHit { itemId loss } } }`;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-pool-bench-'));
const file = path.join(work, 'chain.jsonl');
generateChain(file, NODES);
const base = { ...process.env, NEO4J_URI: '', ZANJIR_DATA_DIR: path.join(work, 'data'), ZANJIR_BOLT_PORT: '0', PORT: '0', ZANJIR_LOG_LEVEL: 'silent', ZANJIR_REQUEST_TIMEOUT_MS: '600000' };
const db = await openDatabase(loadConfig(base));
try {
  await importSources(db.executor, [jsonLinesSource(file)], {});
  const cache = snapshotCacheFor(db.executor);
  const snap = await cache.current();
  console.log(`${snap.nodeCount.toLocaleString('en')} nodes, ${snap.edgeCount.toLocaleString('en')} edges; ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? '?'})`);
  for (const workers of ['0', WORKERS]) {
    const config = loadConfig({ ...base, ZANJIR_SOLVE_WORKERS: workers });
    const server = await startServer({ config, executor: db.executor, store: db.store }, () => {});
    const ask = async (k: number) => {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: query(k) }) });
      const body = (await res.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    };
    try {
      for (let k = 0; k < 4; k += 1) await ask(k); // warm: JIT, and every worker loaded
      const single: number[] = [];
      for (let k = 0; k < RUNS; k += 1) {
        const t0 = performance.now();
        await ask(k);
        single.push(performance.now() - t0);
      }
      const throughput = async (clients: number) => {
        const until = performance.now() + SECONDS * 1000;
        let done = 0;
        const health: number[] = [];
        let running = true;
        const pinger = (async () => {
          while (running) {
            const t0 = performance.now();
            await fetch(`${server.url}/health`);
            health.push(performance.now() - t0);
            await new Promise((r) => setTimeout(r, 50));
          }
        })();
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: clients }, async (_, c) => {
            for (let k = c; performance.now() < until; k += 1) {
              await ask(k);
              done += 1;
            }
          }),
        );
        const seconds = (performance.now() - t0) / 1000;
        running = false;
        await pinger;
        return { perSecond: done / seconds, healthP50: percentile(health, 0.5), healthMax: Math.max(...health) };
      };
      const one = await throughput(1);
      const four = await throughput(4);
      const label = workers === '0' ? 'inline (ZANJIR_SOLVE_WORKERS=0)' : `pool of ${poolOf(cache)?.size} workers`;
      console.log(`${label}:`);
      console.log(`  whole-graph disruption, one client: p50 ${percentile(single, 0.5).toFixed(1)} ms, p95 ${percentile(single, 0.95).toFixed(1)} ms (${RUNS} runs)`);
      console.log(`  1 analyst ${one.perSecond.toFixed(2)} req/s; 4 analysts ${four.perSecond.toFixed(2)} req/s (${(four.perSecond / one.perSecond).toFixed(2)}×), over ${SECONDS} s each`);
      console.log(`  /health while 4 analysts run: p50 ${four.healthP50.toFixed(1)} ms, max ${four.healthMax.toFixed(1)} ms (1 analyst: p50 ${one.healthP50.toFixed(1)}, max ${one.healthMax.toFixed(1)})`);
    } finally {
      await server.close();
    }
  }
  // The pool alone, in this process: no HTTP, no Neo4j, no GraphQL; solve in a worker, ranking by id here.
  const engineOnly = async (size: number, clients: number) => {
    const pool = new SolvePool(size);
    try {
      const solve = (k: number) => {
        const removal = removalOf(snap, k % 2 ? { allImports: true } : { countries: ['CN'] });
        return pool.solve(snap, { kind: 'losses', removal }, (r) => disruptionReport(snap, removal, r).losses.length);
      };
      for (let k = 0; k < Math.max(2, size); k += 1) await Promise.all([solve(k), solve(k + 1)]);
      const until = performance.now() + SECONDS * 1000;
      let done = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let k = c; performance.now() < until; k += 1) {
            await solve(k);
            done += 1;
          }
        }),
      );
      return done / ((performance.now() - t0) / 1000);
    } finally {
      await pool.close();
    }
  };
  const size = Number(WORKERS);
  const inlineOne = await engineOnly(0, 1);
  const poolOne = await engineOnly(size, 1);
  const poolFour = await engineOnly(size, 4);
  console.log(`engine only (no HTTP): inline ${inlineOne.toFixed(2)} solves/s; pool of ${size}: 1 analyst ${poolOne.toFixed(2)}/s, 4 analysts ${poolFour.toFixed(2)}/s (${(poolFour / poolOne).toFixed(2)}×)`);
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  await db.close();
  fs.rmSync(work, { recursive: true, force: true });
}

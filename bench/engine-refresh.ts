// npx tsx bench/engine-refresh.ts [--nodes 100000] [--runs 5]: what the first answer after one
// edit costs against a warm answer of the same question, on a generated chain in a fresh embedded
// Neo4j. Each run edits one part (upsertNode: a new unit value), then asks; the engine must catch up by a delta (refreshes +1, builds +0).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { snapshotCacheFor } from '../src/engine/snapshot-cache.js';
import { chainBalanceReport, disruptionReport, importContentReport } from '../src/services/analytics.js';
import { serviceDeps } from '../src/services/deps.js';
import { Edits } from '../src/io/edits.js';
import { importSources } from '../src/io/importer.js';
import { jsonLinesSource } from '../src/io/sources.js';
import { generateChain } from './generate.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : fallback;
};
const NODES = Number(option('nodes', '100000'));
const RUNS = Number(option('runs', '5'));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-refresh-bench-'));
const file = path.join(work, 'chain.jsonl');
const chain = generateChain(file, NODES);
const config = loadConfig({ ...process.env, NEO4J_URI: '', ZANJIR_DATA_DIR: path.join(work, 'data'), ZANJIR_BOLT_PORT: '0', PORT: '0', ZANJIR_LOG_LEVEL: 'silent' });
const db = await openDatabase(config);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  await importSources(db.executor, [jsonLinesSource(file)], {});
  const cache = snapshotCacheFor(db.executor);
  let t0 = performance.now();
  const snap = await cache.current();
  console.log(`${snap.nodeCount.toLocaleString('en')} nodes, ${snap.edgeCount.toLocaleString('en')} edges; full build ${((performance.now() - t0) / 1000).toFixed(2)} s, ≈ ${(snap.approximateBytes() / 1e6).toFixed(1)} MB`);
  const deps = serviceDeps({ store: db.store, executor: db.executor, limits: config.limits, snapshots: cache });
  const item = chain.finishedGoods[0]!;
  const part = chain.parts[0]!;
  const questions: [string, () => Promise<unknown>][] = [
    ['importContent', () => importContentReport(deps, item)],
    ['disruption CN', () => disruptionReport(deps, { countries: ['CN'] })],
    ['chainBalance', () => chainBalanceReport(deps)],
  ];
  const edits = new Edits(db.executor);
  for (const [name, ask] of questions) {
    await ask();
    const warm: number[] = [];
    const after: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      t0 = performance.now();
      await ask();
      warm.push(performance.now() - t0);
      const { builds, refreshes } = cache.counters;
      await edits.upsertNode('bench', { ...(await db.store.nodesByIds([part]))[0]!, unitValueUsd: 100 + run }, []);
      t0 = performance.now();
      await ask();
      after.push(performance.now() - t0);
      if (cache.counters.builds !== builds || cache.counters.refreshes !== refreshes + 1) console.log(`  run ${run}: builds +${cache.counters.builds - builds}, refreshes +${cache.counters.refreshes - refreshes}`);
    }
    console.log(`${name.padEnd(16)} warm ${median(warm).toFixed(1).padStart(8)} ms   first after an edit ${median(after).toFixed(1).padStart(8)} ms   (median of ${RUNS}; full builds ${cache.counters.builds}, refreshes ${cache.counters.refreshes}; last refresh ${cache.lastRefresh?.ms.toFixed(1)} ms)`);
  }
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  await db.close();
  fs.rmSync(work, { recursive: true, force: true });
}

// npx tsx bench/snapshot-build.ts [--nodes 100000] [--runs 5]: how long the in-memory analytic
// snapshot takes to build from Neo4j, and how much it holds. Generates a chain (bench/generate.ts),
// loads it into a fresh embedded Neo4j, then builds the snapshot --runs times, each from a new
// cache (the first build pays for a cold page cache and the JIT: read the median).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { SnapshotCache } from '../src/engine/snapshot-cache.js';
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

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-snapshot-bench-'));
const file = path.join(work, 'chain.jsonl');
const chain = generateChain(file, NODES);
console.log(`generated ${chain.nodes.toLocaleString('en')} nodes, ${chain.edges.toLocaleString('en')} edges`);
const config = loadConfig({ ...process.env, NEO4J_URI: '', ZANJIR_DATA_DIR: path.join(work, 'data'), ZANJIR_BOLT_PORT: '0', PORT: '0', ZANJIR_LOG_LEVEL: 'silent' });
const db = await openDatabase(config);
try {
  let t0 = performance.now();
  await importSources(db.executor, [jsonLinesSource(file)], {});
  console.log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const builds: number[] = [];
  let bytes = 0;
  for (let run = 1; run <= RUNS; run += 1) {
    const cache = new SnapshotCache(db.executor);
    t0 = performance.now();
    const snap = await cache.current();
    builds.push(performance.now() - t0);
    bytes = snap.approximateBytes();
    console.log(`build ${run}: ${(builds.at(-1)! / 1000).toFixed(2)} s, ${snap.nodeCount.toLocaleString('en')} nodes, ${snap.edgeCount.toLocaleString('en')} edges, ≈ ${(bytes / 1e6).toFixed(1)} MB`);
  }
  const sorted = [...builds].sort((a, b) => a - b);
  console.log(`median build ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s over ${RUNS} runs; ≈ ${(bytes / 1e6).toFixed(1)} MB; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  await db.close();
  fs.rmSync(work, { recursive: true, force: true });
}

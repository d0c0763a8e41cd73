// npx tsx bench/currency.ts [--nodes N] [--projects 10,40] [--runs R]: the foreign-currency
// answers on a generated chain with localization projects on its parts. For each project count
// it times localizationPlan and localizationImpact over HTTP and prints how much of the graph a
// plan fetches: the projects' items' upstream, not the graph. Run it at two --nodes to see the
// cost follow the projects, not the graph size.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { snapshotCacheFor } from '../src/engine/snapshot-cache.js';
import { localizationPlan } from '../src/analytics/currency.js';
import { importSources } from '../src/io/importer.js';
import { documentSource, jsonLinesSource } from '../src/io/sources.js';
import { startServer } from '../src/server.js';
import { generateChain } from './generate.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

const targetNodes = Number(option('nodes', '20000'));
const projectCounts = option('projects', '10,40').split(',').map(Number);
const runs = Number(option('runs', '10'));

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

async function time(n: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
  return { p50: q(0.5), p95: q(0.95) };
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-bench-currency-'));
  const file = path.join(work, 'chain.jsonl');
  const chain = generateChain(file, targetNodes);
  const config = { ...loadConfig({ ...process.env, NEO4J_URI: '' }), dataDir: path.join(work, 'data'), boltPort: 0, port: 0, seed: 'none', javaHeap: '4g' };
  const db = await openDatabase(config, { log: () => {} });
  try {
    await importSources(db.executor, [jsonLinesSource(file)]);
    const parts = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"kind":"Part"'))
      .map((l) => JSON.parse(l).id as string);
    const server = await startServer({ config, executor: db.executor, store: db.store }, () => {});
    const gql = async (query: string) => {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { errors?: unknown[]; data?: any };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    console.log(`Generated ${chain.nodes.toLocaleString('en')} nodes and ${chain.edges.toLocaleString('en')} edges; ${parts.length} parts.`);
    console.log(
      `${'projects'.padStart(8)} ${'fetched nodes'.padStart(14)} ${'plan p50 ms'.padStart(12)} ${'plan p95 ms'.padStart(12)} ${'fetch p50'.padStart(10)} ${'solve p50'.padStart(10)} ${'impact p50 ms'.padStart(14)}   (${runs} runs each, after one warm-up)`,
    );
    let loaded = 0;
    const rand = prng(11);
    for (const count of projectCounts) {
      // Add projects up to `count`, each on one part chosen at random, with a budget and a capacity.
      const nodes = [];
      const edges = [];
      for (let i = loaded; i < count; i += 1) {
        const id = `project:b${i}`;
        nodes.push({ id, kind: 'Project', name: `Project ${i}`, nameFa: `طرح ${i}`, status: 'ACTIVE', budget: Math.round(1e6 + rand() * 1e8), progress: Math.round(rand() * 100) / 100 });
        edges.push({ type: 'LOCALIZES', from: id, to: parts[Math.floor(rand() * parts.length)]!, capacityTpy: Math.round(1e3 + rand() * 1e5) });
      }
      if (nodes.length) await importSources(db.executor, [documentSource({ format: 'zanjir/1', homeCountry: 'IR', nodes, edges })]);
      loaded = count;
      const statuses = ['ACTIVE', 'STALLED', 'PLANNED'];
      const graph = await snapshotCacheFor(db.executor).current();
      const plan = await time(runs, () => gql(`{ localizationPlan(budgetUsd: 5e8) { totalSavingUsd steps { project { id } } skipped { reason } importContentAfter(ids: ["${chain.finishedGoods[0]}"]) { after } } }`));
      // Where the time goes: the version read (the engine is current), and the pure solve on the engine.
      const fetch = await time(runs, async () => snapshotCacheFor(db.executor).current());
      const solve = await time(runs, async () => localizationPlan(graph, { budgetUsd: 5e8, statuses }));
      const impact = await time(runs, () => gql(`{ localizationImpact(projectId: "project:b0") { netSavingUsd } }`));
      console.log(
        `${String(count).padStart(8)} ${graph.nodeCount.toLocaleString('en').padStart(14)} ${plan.p50.toFixed(1).padStart(12)} ${plan.p95.toFixed(1).padStart(12)} ${fetch.p50.toFixed(1).padStart(10)} ${solve.p50.toFixed(1).padStart(10)} ${impact.p50.toFixed(1).padStart(14)}`,
      );
    }
    await server.close();
  } finally {
    await db.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

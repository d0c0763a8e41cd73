// npx tsx bench/optimal-plan.ts [--nodes 100000] [--projects 1610] [--budget 5e8] [--budgets 1e8,1e8,1e8]
//
// The best plan and the three-year schedule (issue 20) on a generated chain with --projects
// localization projects (article 004's 1,610 half-finished projects) on random parts, some in
// parallel on one part. Each question is asked once through GraphQL over HTTP, as a dashboard
// asks it, so HiGHS gets what the request budget leaves (ZANJIR_REQUEST_TIMEOUT_MS, 30 s by
// default: 23.2 s to solve); prints the wall time, the solver's own time, its status and gap, and
// the greedy plan's saving beside the best. Figures are printed, never asserted.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { snapshotCacheFor } from '../src/engine/snapshot-cache.js';
import { importSources } from '../src/io/importer.js';
import { documentSource, jsonLinesSource } from '../src/io/sources.js';
import { startServer } from '../src/server.js';
import { generateChain } from './generate.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

const targetNodes = Number(option('nodes', '100000'));
const projectCount = Number(option('projects', '1610'));
const budget = Number(option('budget', '5e8'));
const budgets = option('budgets', '1e8,1e8,1e8').split(',').map(Number);

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-bench-optimal-'));
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
    // As bench/currency.ts: each project on one random part, with a budget, progress, capacity, and jobs.
    const rand = prng(11);
    const nodes = [];
    const edges = [];
    for (let i = 0; i < projectCount; i += 1) {
      const id = `project:b${i}`;
      nodes.push({ id, kind: 'Project', name: `Project ${i}`, nameFa: `طرح ${i}`, status: 'ACTIVE', budget: Math.round(1e6 + rand() * 1e8), progress: Math.round(rand() * 100) / 100, jobs: Math.round(10 + rand() * 500) });
      edges.push({ type: 'LOCALIZES', from: id, to: parts[Math.floor(rand() * parts.length)]!, capacityTpy: Math.round(1e3 + rand() * 1e5) });
    }
    await importSources(db.executor, [documentSource({ format: 'zanjir/1', homeCountry: 'IR', nodes, edges })]);
    const server = await startServer({ config, executor: db.executor, store: db.store }, () => {});
    const gql = async (query: string) => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { errors?: unknown[]; data?: any };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return { data: body.data, ms: performance.now() - t0 };
    };
    console.log(`Generated ${chain.nodes.toLocaleString('en')} nodes and ${chain.edges.toLocaleString('en')} edges; ${parts.length} parts; ${projectCount} projects.`);
    // Warm the engine outside any request (its first build is bench/snapshot-build.ts's figure, not the solver's).
    const t0 = performance.now();
    await snapshotCacheFor(db.executor).current();
    console.log(`engine built in ${((performance.now() - t0) / 1000).toFixed(1)} s (not counted below)`);
    const M = (x: number) => (x / 1e6).toFixed(1);
    const gap = (g: number | null) => (g === null ? 'none' : `${(g * 100).toFixed(3)} %`);
    const plan = await gql(`{ optimalPlan(budgetUsd: ${budget}) { status netSavingUsd greedyNetSavingUsd mipGap solveSeconds spentUsd projects { project { id } } } }`);
    const p = plan.data.optimalPlan;
    console.log(`optimalPlan($${M(budget)} M): ${p.status}, gap ${gap(p.mipGap)}, ${p.projects.length} projects, best $${M(p.netSavingUsd)} M/y vs greedy $${M(p.greedyNetSavingUsd)} M/y; HiGHS ${p.solveSeconds.toFixed(2)} s, request ${(plan.ms / 1000).toFixed(2)} s`);
    const jobs = await gql(`{ optimalPlan(budgetUsd: ${budget}, minJobs: 20000) { status netSavingUsd jobs mipGap solveSeconds } }`);
    const j = jobs.data.optimalPlan;
    console.log(`optimalPlan($${M(budget)} M, minJobs 20,000): ${j.status}, gap ${gap(j.mipGap)}, ${j.jobs} jobs, $${M(j.netSavingUsd)} M/y; HiGHS ${j.solveSeconds.toFixed(2)} s, request ${(jobs.ms / 1000).toFixed(2)} s`);
    const schedule = await gql(`{ localizationSchedule(budgetsUsd: [${budgets.join(', ')}], startYear: 2027) { status objectiveUsd mipGap solveSeconds projects { year } } }`);
    const s = schedule.data.localizationSchedule;
    console.log(`localizationSchedule([${budgets.map(M).join(', ')}] $ M from 2027, 10 years): ${s.status}, gap ${gap(s.mipGap)}, ${s.projects.length} projects, $${M(s.objectiveUsd)} M over the horizon; HiGHS ${s.solveSeconds.toFixed(2)} s, request ${(schedule.ms / 1000).toFixed(2)} s`);
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

// npm run bench [-- --nodes N --runs R --import-mode auto|single|staged]: generates a chain, imports it into a fresh embedded
// Neo4j, then times GraphQL operations over HTTP and a raw-Cypher baseline. Prints figures.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { disruption } from '../src/analytics/disruption.js';
import { importSources } from '../src/io/importer.js';
import { jsonLinesSource } from '../src/io/sources.js';
import { startServer } from '../src/server.js';
import { generateChain } from './generate.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const targetNodes = option('nodes', 20_000);
const runs = option('runs', 20);
const modeArg = process.argv.indexOf('--import-mode');
const importMode = (modeArg > 0 ? process.argv[modeArg + 1] : 'auto') as 'auto' | 'single' | 'staged';
if (!['auto', 'single', 'staged'].includes(importMode)) throw new Error(`--import-mode must be auto, single or staged, not ${importMode}`);

interface Timing {
  name: string;
  ms: number[];
}

function stats(t: Timing): string {
  const sorted = [...t.ms].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return `${t.name.padEnd(46)} ${q(0.5).toFixed(1).padStart(8)} ${q(0.95).toFixed(1).padStart(8)} ${mean.toFixed(1).padStart(8)}`;
}

async function time(name: string, n: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  await fn(0); // warm the plan cache and the page cache
  const ms: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  return { name, ms };
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-bench-'));
  const file = path.join(work, 'chain.jsonl');
  const chain = generateChain(file, targetNodes);
  const config = { ...loadConfig({ ...process.env, NEO4J_URI: '' }), dataDir: path.join(work, 'data'), boltPort: 0, port: 0, seed: 'none', javaHeap: '4g' };
  console.log(`Generated ${chain.nodes.toLocaleString('en')} nodes and ${chain.edges.toLocaleString('en')} edges (${(fs.statSync(file).size / 1e6).toFixed(1)} MB JSONL).`);
  const db = await openDatabase(config, { log: (l) => console.log(l) });
  try {
    const t0 = performance.now();
    const summary = await importSources(db.executor, [jsonLinesSource(file)], { mode: importMode });
    const importMs = performance.now() - t0;
    const records = chain.nodes + chain.edges;
    console.log(`Import: ${(importMs / 1000).toFixed(1)} s, ${Math.round(records / (importMs / 1000)).toLocaleString('en')} records/s (${summary.nodes.created} nodes, ${summary.edges.created} edges created; ${summary.mode === 'staged' ? 'staged in journaled batches' : 'one transaction'})`);

    const server = await startServer({ config, executor: db.executor, store: db.store }, () => {});
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: unknown[]; data?: any };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const driver = neo4j.driver(db.boltUri, neo4j.auth.basic(db.boltAuth.user, db.boltAuth.password));
    const goods = chain.finishedGoods;
    const ores = chain.ores;
    const sizes = await gql(`query ($id: ID!) { upstream(id: $id, maxDepth: 12) { nodes { id } edges { from } } }`, { id: goods[0] });
    const timings: Timing[] = [];
    timings.push(await time('node(id) with suppliers', runs, (i) => gql(`query ($id: ID!) { node(id: $id) { id name ... on Product { suppliers { node { id } } } } }`, { id: goods[i % goods.length] })));
    timings.push(await time('upstream(finished good, maxDepth 12)', runs, (i) => gql(`query ($id: ID!) { upstream(id: $id, maxDepth: 12) { nodes { id depth } edges { type from to } truncated } }`, { id: goods[i % goods.length] })));
    timings.push(await time('downstream(ore, maxDepth 12)', runs, (i) => gql(`query ($id: ID!) { downstream(id: $id, maxDepth: 12) { nodes { id depth } edges { type from to } } }`, { id: ores[i % ores.length] })));
    timings.push(await time('raw Cypher: upstream ids, *1..12 DISTINCT', runs, async (i) => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        await session.run('MATCH (root:Entity {id: $id})<-[:EXTRACTS|PRODUCES|SUPPLIES|FEEDS|COMPONENT_OF*1..12]-(n) RETURN DISTINCT n.id', { id: goods[i % goods.length] });
      } finally {
        await session.close();
      }
    }));
    timings.push(await time('importContent(finished good)', runs, (i) => gql(`query ($id: ID!) { importContent(id: $id) { totalImportContent contributions { item { id } share } } }`, { id: goods[i % goods.length] })));
    timings.push(await time('importReliantLinks(finished good)', runs, (i) => gql(`query ($id: ID!) { importReliantLinks(id: $id) { item { id } contribution path { id } } }`, { id: goods[i % goods.length] })));
    timings.push(await time('chokepoints(finished good, minImpact 1)', Math.min(runs, 5), (i) => gql(`query ($id: ID!) { chokepoints(id: $id) { node { id } impact } }`, { id: goods[i % goods.length] })));
    timings.push(await time('disruption(countries: CN), whole graph', Math.min(runs, 5), () => gql(`{ disruption(scenario: { countries: ["CN"] }) { finishedGoodsHit { item { id } loss } } }`, {})));
    timings.push(await time('search("item 1")', runs, () => gql(`{ search(text: "item 1", first: 10) { node { id } } }`, {})));
    timings.push(await time('nodes(PRODUCT, first 50) + totalCount', runs, () => gql(`{ nodes(kind: PRODUCT, first: 50) { totalCount edges { node { id } } } }`, {})));
    // Search as people type: a typo, Persian, a word that is not there; orders beyond names; a CSV report.
    timings.push(await time('search("Suplier 3-15"), a typo', runs, () => gql(`{ search(text: "Suplier 3-15", first: 10) { node { id } } }`, {})));
    timings.push(await time('search("کارخانه 2-40"), Persian', runs, () => gql(`{ search(text: "کارخانه 2-40", first: 10) { node { id } } }`, {})));
    timings.push(await time('search("zirconium"), no match', runs, () => gql(`{ search(text: "zirconium", first: 10) { node { id } } }`, {})));
    timings.push(await time('nodes(PLANT, orderBy CAPACITY DESC, first 50)', runs, () => gql(`{ nodes(kind: PLANT, orderBy: { field: CAPACITY, direction: DESC }, first: 50) { edges { node { id } } } }`, {})));
    timings.push(await time('GET /report/import-content.csv', runs, async (i) => {
      const res = await fetch(`${server.url}/report/import-content.csv?id=${encodeURIComponent(goods[i % goods.length]!)}`);
      if (res.status !== 200) throw new Error(await res.text());
      await res.arrayBuffer();
    }));
    // Where the time goes: the same walk as one raw query, with and without whole nodes, and
    // disruption split into its whole-graph fetch and its solve.
    const raw = (text: string) => async (i: number) => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        await session.run(text, { id: goods[i % goods.length] });
      } finally {
        await session.close();
      }
    };
    const chainTypes = 'EXTRACTS|PRODUCES|SUPPLIES|FEEDS|COMPONENT_OF';
    timings.push(await time('raw Cypher: ANY SHORTEST, ids with depth', runs, raw(`MATCH (root:Entity {id: $id}) MATCH p = ANY SHORTEST (root)<-[:${chainTypes}]-{1,12}(n:Entity) RETURN n.id, length(p)`)));
    timings.push(await time('raw Cypher: ANY SHORTEST, whole nodes', runs, raw(`MATCH (root:Entity {id: $id}) MATCH p = ANY SHORTEST (root)<-[:${chainTypes}]-{1,12}(n:Entity) RETURN n, length(p)`)));
    let graph = await db.store.fetchAll();
    timings.push(await time('disruption, part 1: fetch the whole graph', Math.min(runs, 5), async () => (graph = await db.store.fetchAll())));
    timings.push(await time('disruption, part 2: solve (countries: CN)', Math.min(runs, 5), async () => disruption(graph, { countries: ['CN'] })));
    console.log(`\nUpstream of one finished good: ${sizes.upstream.nodes.length} nodes, ${sizes.upstream.edges.length} edges.`);
    console.log(`${'operation'.padEnd(46)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'mean ms'.padStart(8)}   (${runs} runs each, after one warm-up)`);
    for (const t of timings) console.log(stats(t));
    await driver.close();
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

// npm run bench [-- --sizes 100000,1000000 --runs 30 --clients 8 --concurrent-seconds 10 --only dashboard --plans 100000|none --out bench/results/NAME.json]
//
// For each size: generates a chain (bench/generate.ts), loads it into a fresh embedded Neo4j with
// Zanjir's importer (a first bulk load: staged, CREATE, indexes built after), then times, one
// client at a time and with 8 concurrent clients:
//   - every walk and analytics operation through GraphQL over HTTP, as a dashboard calls them;
//   - the same questions as raw Cypher through the driver, where Cypher can ask them;
//   - the three-tier dashboard query (product → plant inputs → their suppliers) through Zanjir,
//     through @neo4j/graphql 7.6 on the same database and data, and as raw Cypher.
// It counts database round trips (queries run) per request, and the peak memory of this process
// (the Zanjir server) and of Neo4j. Results go to bench/results/*.json with machine, command and
// date. Not part of the tests: figures are printed and saved, never asserted.

import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { PROJECT_ROOT, loadConfig } from '../src/config.js';
import { snapshotCacheFor } from '../src/context.js';
import { ChainStore } from '../src/db/chain-store.js';
import { CypherRegistry } from '../src/db/cypher-registry.js';
import { CYPHER_ROOT } from '../src/db/database.js';
import { startEmbeddedNeo4j } from '../src/db/embedded.js';
import { createDriver, Executor } from '../src/db/executor.js';
import { applySchema } from '../src/db/schema.js';
import { importSources } from '../src/io/importer.js';
import { jsonLinesSource } from '../src/io/sources.js';
import { startServer } from '../src/server.js';
import { generateChain, type GeneratedChain } from './generate.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : fallback;
};
const SIZES = option('sizes', '100000').split(',').map(Number);
const RUNS = Number(option('runs', '30'));
const CLIENTS = Number(option('clients', '8'));
const CONCURRENT_MS = Number(option('concurrent-seconds', '10')) * 1000;
const OUT = option('out', path.join(PROJECT_ROOT, 'bench', 'results', `bench-${new Date().toISOString().slice(0, 10)}.json`));
const TYPES = 'EXTRACTS|PRODUCES|SUPPLIES|FEEDS|COMPONENT_OF';
/** `--only dashboard`: time only the operations whose name holds this word (the three-tier comparison), skipping the answer sizes. */
const ONLY = option('only', '');
/**
 * `--plans 100000`: the sizes at which bench/optimal-plan.ts also runs (the best plan, a jobs floor
 * and a three-year schedule for 1,610 projects, issue 20), in its own process and its own Neo4j so
 * its figures are not shared with the walks'. The first size by default; `--plans none` skips it,
 * and so does `--only` unless the word is "plan".
 */
const PLAN_SIZES = (() => {
  const given = option('plans', ONLY === '' || ONLY === 'plan' ? String(SIZES[0]) : 'none');
  return given === 'none' ? [] : given.split(',').map(Number);
})();

interface Stats {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

interface Operation {
  name: string;
  via: 'zanjir-graphql' | 'raw-cypher' | 'neo4j-graphql';
  single?: Stats;
  concurrent?: { clients: number; requests: number; seconds: number; perSecond: number; p50: number; p99: number; errors: number };
  /** Queries sent to Neo4j per request (transactions in brackets). */
  roundTrips?: number;
  transactions?: number;
  answerSize?: string;
  error?: string;
}

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { runs: s.length, p50: round(q(0.5)), p95: round(q(0.95)), p99: round(q(0.99)), mean: round(s.reduce((a, b) => a + b, 0) / s.length) };
}
const round = (x: number) => Math.round(x * 10) / 10;

/** Counts queries and transactions sent through a driver. */
function counting(driver: Driver): { driver: Driver; counts: { queries: number; transactions: number } } {
  const counts = { queries: 0, transactions: 0 };
  const wrapTx = (tx: any) =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === 'run') {
          return (...args: unknown[]) => {
            counts.queries += 1;
            return target.run(...args);
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  const wrapSession = (session: any) =>
    new Proxy(session, {
      get(target, prop, receiver) {
        if (prop === 'executeRead' || prop === 'executeWrite') {
          return (work: (tx: unknown) => unknown, config?: unknown) => {
            counts.transactions += 1;
            return target[prop]((tx: unknown) => work(wrapTx(tx)), config);
          };
        }
        if (prop === 'beginTransaction') {
          return (...args: unknown[]) => {
            counts.transactions += 1;
            return wrapTx(target.beginTransaction(...args));
          };
        }
        if (prop === 'run') {
          return (...args: unknown[]) => {
            counts.transactions += 1;
            counts.queries += 1;
            return target.run(...args);
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  const wrapped = new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'session') return (...args: unknown[]) => wrapSession((target.session as any)(...args));
      if (prop === 'executeQuery') {
        return (...args: unknown[]) => {
          counts.transactions += 1;
          counts.queries += 1;
          return (target.executeQuery as any)(...args);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { driver: wrapped, counts };
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}
const currentRssMb = (pid: number): number | null => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
};

async function timeSingle(fn: (i: number) => Promise<unknown>, runs: number): Promise<Stats> {
  await fn(0); // warm plans and caches
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn(i + 1);
    ms.push(performance.now() - t0);
  }
  return stats(ms);
}

async function timeConcurrent(fn: (i: number) => Promise<unknown>, clients: number, durationMs: number) {
  const ms: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        try {
          await fn(i);
          ms.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const s = stats(ms.length ? ms : [0]);
  return { clients, requests: ms.length, seconds: round(seconds), perSecond: round(ms.length / seconds), p50: s.p50, p99: s.p99, errors };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    java: (() => {
      try {
        return execSync('java -version 2>&1', { encoding: 'utf8' }).split('\n')[0];
      } catch {
        return 'unknown';
      }
    })(),
  };
}

async function benchSize(targetNodes: number) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `zanjir-bench-${targetNodes}-`));
  const file = path.join(work, 'chain.jsonl');
  const log = (line: string) => console.log(`[${targetNodes}] ${line}`);
  let t0 = performance.now();
  const chain: GeneratedChain = generateChain(file, targetNodes);
  log(`generated ${chain.nodes.toLocaleString('en')} nodes, ${chain.edges.toLocaleString('en')} edges (${(fs.statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const big = targetNodes >= 500_000;
  const base = loadConfig({ ...process.env, NEO4J_URI: '' });
  const config = { ...base, dataDir: path.join(work, 'data'), boltPort: 0, port: 0, seed: 'none', javaHeap: big ? '6g' : '3g', pageCache: big ? '3g' : '1g', limits: { ...base.limits, queryTimeoutMs: 120_000 } };
  const embedded = await startEmbeddedNeo4j({ home: config.home, dataDir: config.dataDir, boltPort: 0, javaPath: config.javaPath, javaHeap: config.javaHeap, pageCache: config.pageCache, log });
  const raw = createDriver(embedded.boltUri, embedded.auth.user, embedded.auth.password);
  const { driver, counts } = counting(raw);
  const executor = new Executor(driver, config.database, CypherRegistry.load(CYPHER_ROOT), config.limits.queryTimeoutMs);
  const result: Record<string, unknown> = { targetNodes, nodes: chain.nodes, edges: chain.edges, neo4j: { heap: config.javaHeap, pageCache: config.pageCache } };
  const operations: Operation[] = [];
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let ngApollo: { stop(): Promise<void> } | null = null;
  try {
    await executor.waitUntilReady();
    await applySchema(executor, CYPHER_ROOT);
    const store = new ChainStore(executor);

    // The load: a first bulk load into the empty database.
    let peakNode = 0;
    const sampler = setInterval(() => (peakNode = Math.max(peakNode, process.memoryUsage().rss)), 250);
    t0 = performance.now();
    const summary = await importSources(executor, [jsonLinesSource(file)], {
      onProgress: (p) => {
        if (p.done % 200_000 === 0 && p.done > 0) log(`import ${p.phase} ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')}`);
      },
      log,
    });
    const importSeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const records = chain.nodes + chain.edges;
    result.import = { seconds: round(importSeconds), records, perSecond: Math.round(records / importSeconds), mode: summary.mode, importerPeakRssMb: Math.round(peakNode / 2 ** 20), neo4jPeakRssMb: peakRssMb(embedded.pid) };
    log(`import ${JSON.stringify(result.import)}`);

    server = await startServer({ config, executor, store }, () => {});
    const url = `${server.url}/graphql`;
    const gql = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: unknown[]; data?: any };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
      return body.data;
    };

    // The snapshot: built on the first request after the load.
    const snapshots = snapshotCacheFor(executor);
    t0 = performance.now();
    await gql(`{ upstream(id: "${chain.finishedGoods[0]}", maxDepth: 1) { graphVersion } }`);
    result.snapshot = { firstRequestMs: round(performance.now() - t0), ...snapshots.lastBuild, approximateMb: Math.round((snapshots.lastBuild?.approximateBytes ?? 0) / 2 ** 20), serverRssAfterMb: currentRssMb(process.pid), heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
    log(`snapshot ${JSON.stringify(result.snapshot)}`);

    // Roots: a finished good, an ore, a semi-finished product whose plants take products, a part.
    const goods = chain.finishedGoods;
    const ores = chain.ores;
    const mids = chain.parts;
    const rootOf = (list: string[]) => (i: number) => list[(i * 7919) % list.length]!;
    const good = rootOf(goods);
    const ore = rootOf(ores);

    const semis = (await raw.executeQuery(`MATCH (p:Product {stage: 'SEMI_FINISHED'})<-[:PRODUCES]-(:Plant)<-[:FEEDS]-(:Product)<-[:SUPPLIES]-(:Supplier) RETURN DISTINCT p.id AS id LIMIT 200`)).records.map((r) => String(r.get('id')));
    const semi = rootOf(semis.length ? semis : mids);

    const sizeOf = async (q: string, v: Record<string, unknown>, pick: (d: any) => string) => {
      try {
        return pick(await gql(q, v));
      } catch (e) {
        return `error: ${(e as Error).message.slice(0, 120)}`;
      }
    };
    const answers: Record<string, string> = ONLY ? {} : {
      upstream12: await sizeOf(`query ($id: ID!) { upstream(id: $id, maxDepth: 12) { nodes { id } edges { type } depthLimited nodesBeyondDepth } }`, { id: good(0) }, (d) => `${d.upstream.nodes.length} nodes, ${d.upstream.edges.length} edges, depthLimited ${d.upstream.depthLimited} (${d.upstream.nodesBeyondDepth} beyond)`),
      downstream12: await sizeOf(`query ($id: ID!) { downstream(id: $id, maxDepth: 12) { nodes { id } edges { type } } }`, { id: ore(0) }, (d) => `${d.downstream.nodes.length} nodes, ${d.downstream.edges.length} edges`),
      upstream3: await sizeOf(`query ($id: ID!) { upstream(id: $id, maxDepth: 3) { nodes { id } edges { type } } }`, { id: good(0) }, (d) => `${d.upstream.nodes.length} nodes, ${d.upstream.edges.length} edges`),
    };
    result.answers = answers;
    log(`answer sizes ${JSON.stringify(answers)}`);

    const session = () => raw.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
    const cypher = (text: string, params: (i: number) => Record<string, unknown>) => async (i: number) => {
      const s = session();
      try {
        const r = await s.run(text, params(i));
        return r.records.length;
      } finally {
        await s.close();
      }
    };

    // @neo4j/graphql on the same database, served over HTTP like Zanjir.
    const ng = counting(createDriver(embedded.boltUri, embedded.auth.user, embedded.auth.password));
    const typeDefs = /* GraphQL */ `
      type Product @node(labels: ["Product", "Entity"]) {
        id: ID!
        name: String
        stage: String
        producedBy: [Plant!]! @relationship(type: "PRODUCES", direction: IN)
        suppliers: [Supplier!]! @relationship(type: "SUPPLIES", direction: IN)
      }
      type Plant @node(labels: ["Plant", "Entity"]) {
        id: ID!
        name: String
        inputs: [Product!]! @relationship(type: "FEEDS", direction: IN)
      }
      type Supplier @node(labels: ["Supplier", "Entity"]) {
        id: ID!
        name: String
        country: String
      }
    `;
    const ngSchema = await new Neo4jGraphQL({ typeDefs, driver: ng.driver }).getSchema();
    const apollo = new ApolloServer({ schema: ngSchema });
    const { url: ngUrl } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
    ngApollo = apollo;
    const ngql = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(ngUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: unknown[]; data?: any };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
      return body.data;
    };

    const Z = 'zanjir-graphql' as const;
    const C = 'raw-cypher' as const;
    const N = 'neo4j-graphql' as const;
    const ops: { name: string; via: Operation['via']; fn: (i: number) => Promise<unknown>; runs?: number; concurrent?: boolean; counter?: typeof counts }[] = [
      { name: 'node(id) with its suppliers', via: Z, fn: (i) => gql(`query ($id: ID!) { node(id: $id) { id name ... on Product { suppliers { node { id name } edge { share } } } } }`, { id: good(i) }) },
      { name: 'node by id with its suppliers', via: C, fn: cypher(`MATCH (n:Entity {id: $id}) OPTIONAL MATCH (n)<-[r:EXTRACTS|PRODUCES|SUPPLIES]-(s) RETURN n.id, n.name, collect({id: s.id, name: s.name, share: r.share})`, (i) => ({ id: good(i) })) },
      { name: 'upstream(finished good, maxDepth 12): ids, depths, edges', via: Z, concurrent: true, fn: (i) => gql(`query ($id: ID!) { upstream(id: $id, maxDepth: 12) { truncated depthLimited nodes { id depth } edges { type from to } } }`, { id: good(i) }) },
      { name: 'upstream, ANY SHORTEST {0,12}: ids and depths', via: C, concurrent: true, fn: cypher(`MATCH (root:Entity {id: $id}) MATCH p = ANY SHORTEST (root)<-[:${TYPES}]-{0,12}(n:Entity) RETURN n.id AS id, length(p) AS depth`, (i) => ({ id: good(i) })) },
      { name: 'upstream, ANY SHORTEST {0,12}: ids, depths and the edges among them', via: C, fn: cypher(`MATCH (root:Entity {id: $id}) MATCH p = ANY SHORTEST (root)<-[:${TYPES}]-{0,12}(n:Entity) WITH collect(n) AS ns, collect(length(p)) AS ds UNWIND ns AS n OPTIONAL MATCH (n)<-[r:${TYPES}]-(m) WHERE m IN ns RETURN n.id, collect([type(r), m.id])`, (i) => ({ id: good(i) })) },
      { name: 'upstream(finished good, maxDepth 12): whole nodes', via: Z, fn: (i) => gql(`query ($id: ID!) { upstream(id: $id, maxDepth: 12) { nodes { id depth name nameFa node { id name nameFa kind ... on Product { stage unit unitValueUsd } ... on Part { unit unitValueUsd } ... on Supplier { country } ... on Plant { province } ... on Mine { province commodity } } } } }`, { id: good(i) }) },
      { name: 'upstream, ANY SHORTEST {0,12}: whole nodes and depths', via: C, fn: cypher(`MATCH (root:Entity {id: $id}) MATCH p = ANY SHORTEST (root)<-[:${TYPES}]-{0,12}(n:Entity) RETURN n, length(p) AS depth`, (i) => ({ id: good(i) })) },
      { name: 'upstream(finished good, maxDepth 3)', via: Z, fn: (i) => gql(`query ($id: ID!) { upstream(id: $id, maxDepth: 3) { nodes { id depth } edges { type from to } } }`, { id: good(i) }) },
      { name: 'upstream, ANY SHORTEST {0,3}: ids and depths', via: C, fn: cypher(`MATCH (root:Entity {id: $id}) MATCH p = ANY SHORTEST (root)<-[:${TYPES}]-{0,3}(n:Entity) RETURN n.id AS id, length(p) AS depth`, (i) => ({ id: good(i) })) },
      { name: 'downstream(ore, maxDepth 12, maxNodes 5000)', via: Z, fn: (i) => gql(`query ($id: ID!) { downstream(id: $id, maxDepth: 12) { truncated nodes { id depth } edges { type from to } } }`, { id: ore(i) }) },
      { name: 'downstream, ANY SHORTEST {0,12}: ids and depths (no node cap)', via: C, fn: cypher(`MATCH (root:Entity {id: $id}) MATCH p = ANY SHORTEST (root)-[:${TYPES}]->{0,12}(n:Entity) RETURN n.id AS id, length(p) AS depth`, (i) => ({ id: ore(i) })) },
      { name: 'importContent(finished good)', via: Z, concurrent: true, fn: (i) => gql(`query ($id: ID!) { importContent(id: $id) { totalImportContent graphVersion contributions { item { id name } share } } }`, { id: good(i) }) },
      { name: 'importReliantLinks(finished good)', via: Z, fn: (i) => gql(`query ($id: ID!) { importReliantLinks(id: $id) { item { id name } contribution path { id } } }`, { id: good(i) }) },
      { name: 'valueFlows(finished good)', via: Z, fn: (i) => gql(`query ($id: ID!) { valueFlows(id: $id) { total imported nodes { key value } links { source target value } } }`, { id: good(i) }) },
      { name: 'chokepoints(semi-finished product, minImpact 1)', via: Z, runs: 5, fn: (i) => gql(`query ($id: ID!) { chokepoints(id: $id) { node { id } impact } }`, { id: semi(i) }) },
      { name: 'disruption(countries: CN), whole graph: finished goods hit (ids)', via: Z, concurrent: true, runs: 10, fn: () => gql(`{ disruption(scenario: { countries: ["CN"] }) { graphVersion finishedGoodsHit { itemId loss } } }`) },
      { name: 'disruption(countries: CN), whole graph: finished goods hit, with names', via: Z, runs: 5, fn: () => gql(`{ disruption(scenario: { countries: ["CN"] }) { finishedGoodsHit { item { id name } loss } } }`) },
      { name: 'chainBalance(stage: FINISHED) (on the engine, in the solve pool)', via: Z, runs: 3, fn: () => gql(`{ chainBalance(stage: FINISHED) { item { id } balance } }`) },
      { name: 'search("item 1")', via: Z, fn: () => gql(`{ search(text: "item 1", first: 10) { node { id } } }`) },
      { name: 'nodes(PRODUCT, first 50) + totalCount', via: Z, fn: () => gql(`{ nodes(kind: PRODUCT, first: 50) { totalCount edges { node { id } } } }`) },
      {
        name: 'three-tier dashboard: product → plant inputs → their suppliers',
        via: Z,
        concurrent: true,
        fn: (i) => gql(`query ($id: ID!) { node(id: $id) { id name ... on Product { suppliers { node { id name ... on Plant { inputs { node { id name ... on Product { suppliers { node { id name ... on Supplier { country } } } } } } } } } } } }`, { id: semi(i) }),
      },
      {
        name: 'three-tier dashboard: product → plant inputs → their suppliers',
        via: N,
        concurrent: true,
        counter: ng.counts,
        fn: (i) => ngql(`query ($id: ID!) { products(where: { id: { eq: $id } }) { id name producedBy { id name inputs { id name suppliers { id name country } } } } }`, { id: semi(i) }),
      },
      {
        name: 'three-tier dashboard: product → plant inputs → their suppliers',
        via: C,
        concurrent: true,
        fn: cypher(
          `MATCH (p:Entity {id: $id}) RETURN p { .id, .name, plants: COLLECT { MATCH (p)<-[:PRODUCES]-(pl:Plant) RETURN pl { .id, .name, inputs: COLLECT { MATCH (pl)<-[:FEEDS]-(i:Product) RETURN i { .id, .name, suppliers: COLLECT { MATCH (i)<-[:SUPPLIES]-(s:Supplier) RETURN s { .id, .name, .country } } } } } } } AS p`,
          (i) => ({ id: semi(i) }),
        ),
      },
    ];

    for (const op of ops.filter((o) => !ONLY || o.name.includes(ONLY))) {
      const entry: Operation = { name: op.name, via: op.via };
      const counter = op.counter ?? (op.via === 'raw-cypher' ? null : counts);
      try {
        const q0 = counter?.queries ?? 0;
        const t0c = counter?.transactions ?? 0;
        const w0 = performance.now();
        await op.fn(0);
        const warmMs = performance.now() - w0;
        if (counter) {
          entry.roundTrips = counter.queries - q0;
          entry.transactions = counter.transactions - t0c;
        } else {
          entry.roundTrips = 1;
          entry.transactions = 1;
        }
        // An operation that takes more than 20 s once is timed once (the figure says how slow it is).
        if (warmMs > 20_000) entry.single = stats([warmMs]);
        else {
          entry.single = await timeSingle(op.fn, op.runs ?? RUNS);
          if (op.concurrent) entry.concurrent = await timeConcurrent(op.fn, CLIENTS, CONCURRENT_MS);
        }
      } catch (e) {
        entry.error = (e as Error).message.slice(0, 300);
      }
      operations.push(entry);
      log(`${op.via.padEnd(14)} ${op.name.padEnd(75)} ${entry.single ? `p50 ${entry.single.p50} p95 ${entry.single.p95} p99 ${entry.single.p99} ms` : entry.error}${entry.concurrent ? ` | ${CLIENTS} clients ${entry.concurrent.perSecond}/s p99 ${entry.concurrent.p99}` : ''} | round trips ${entry.roundTrips ?? '?'}`);
    }
    result.operations = operations;
    result.memory = { serverPeakRssMb: peakRssMb(process.pid), neo4jPeakRssMb: peakRssMb(embedded.pid), neo4jRssNowMb: currentRssMb(embedded.pid) };
    await ng.driver.close();
  } finally {
    await ngApollo?.stop().catch(() => {});
    await server?.close().catch(() => {});
    await raw.close();
    await embedded.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  return result;
}

async function main(): Promise<void> {
  const started = new Date();
  const sizes: unknown[] = [];
  // Written after each size, so a long run that fails late keeps what it measured.
  for (const size of SIZES) {
    const loadBefore = os.loadavg().map(round);
    sizes.push({ ...(await benchSize(size)), loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg().map(round) });
    const out = { command: `npm run bench -- ${argv.join(' ')}`.trim(), date: started.toISOString(), machine: machine(), sizes };
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`Wrote ${OUT}`);
  }
  for (const size of PLAN_SIZES) {
    console.log(`\n== best plan and schedule at ${size.toLocaleString('en')} nodes (bench/optimal-plan.ts) ==`);
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(PROJECT_ROOT, 'bench', 'optimal-plan.ts'), '--nodes', String(size)], { stdio: 'inherit' });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

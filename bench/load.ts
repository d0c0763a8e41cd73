// npm run bench:load [-- --seconds 300 --clients 8]: a load test of Zanjir as deployed, bounded in
// time and on loopback only. Starts `zanjir serve` (embedded Neo4j, the seed graph) as its own
// process, gives each simulated analyst their own API key, and runs a mix of dashboard reads and
// analytics while an editor imports a small data set every few seconds. Prints sustained
// requests/s, latency percentiles per operation, every error by code, and the memory of the
// server and of Neo4j over time; writes the figures to bench/results/load-<date>.json.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'zanjir.js');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const seconds = option('seconds', 300);
const clients = option('clients', 8);
const importEverySeconds = option('import-every', 5);

/** Codes that are the limits doing their job, not failures. */
const LIMIT_CODES = new Set(['TOO_MANY_REQUESTS', 'QUERY_TOO_COMPLEX', 'RESPONSE_TOO_LARGE', 'SERVER_BUSY', 'REQUEST_TIMEOUT', 'QUERY_TIMEOUT']);

const CARS = ['product:peugeot-pars', 'product:peugeot-207i', 'product:dena-plus', 'product:runna-plus', 'product:tara', 'product:samand-soren'];
const ITEMS = ['product:hot-rolled-coil', 'part:wire-harness', 'part:graphite-electrode', 'product:steel-slab', 'product:copper-cathode'];
const MINES = ['mine:gol-e-gohar', 'mine:sungun', 'mine:chadormalu', 'mine:sarcheshmeh'];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

interface Operation {
  name: string;
  weight: number;
  query(): { query: string; variables?: Record<string, unknown> };
}

const OPERATIONS: Operation[] = [
  { name: 'node with suppliers', weight: 20, query: () => ({ query: 'query ($id: ID!) { node(id: $id) { id name ... on Product { suppliers { weight origin node { id name } } } ... on Part { suppliers { weight origin node { id name } } } } }', variables: { id: pick([...CARS, ...ITEMS]) } }) },
  { name: 'search', weight: 10, query: () => ({ query: 'query ($t: String!) { search(text: $t, first: 8) { score node { id name } } }', variables: { t: pick(['steel', 'فولاد', 'copper', 'Sungun', 'electrode', 'خودرو']) } }) },
  { name: 'nodes page', weight: 10, query: () => ({ query: '{ nodes(kind: SUPPLIER, first: 50) { totalCount edges { node { id name } } } }' }) },
  { name: 'upstream depth 3', weight: 10, query: () => ({ query: 'query ($id: ID!) { upstream(id: $id, maxDepth: 3) { truncated nodes { id kind name depth } edges { from to type } } }', variables: { id: pick(CARS) } }) },
  { name: 'downstream depth 6', weight: 5, query: () => ({ query: 'query ($id: ID!) { downstream(id: $id, maxDepth: 6) { nodes { id depth } } }', variables: { id: pick(MINES) } }) },
  { name: 'importContent', weight: 10, query: () => ({ query: 'query ($id: ID!) { importContent(id: $id) { totalImportContent contributions { item { id } share } } }', variables: { id: pick([...CARS, ...ITEMS]) } }) },
  { name: 'importReliantLinks', weight: 5, query: () => ({ query: 'query ($id: ID!) { importReliantLinks(id: $id) { item { id } contribution countries } }', variables: { id: pick(CARS) } }) },
  { name: 'valueFlows', weight: 5, query: () => ({ query: 'query ($id: ID!) { valueFlows(id: $id) { total imported nodes { key value } } }', variables: { id: pick(CARS) } }) },
  { name: 'chokepoints', weight: 3, query: () => ({ query: 'query ($id: ID!) { chokepoints(id: $id, kinds: [MINE, PLANT, SUPPLIER]) { node { id } impact } }', variables: { id: pick(CARS) } }) },
  { name: 'chainBalance', weight: 3, query: () => ({ query: '{ chainBalance(stage: INTERMEDIATE) { item { id } balance } }' }) },
  { name: 'disruption CN', weight: 1, query: () => ({ query: '{ disruption(scenario: { countries: ["CN"] }) { finishedGoodsHit { item { id } loss } } }' }) },
];

interface Sample {
  ms: number;
  ok: boolean;
  code: string | null;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-load-'));
  const env = { ...process.env, ZANJIR_DATA_DIR: dataDir, ZANJIR_BOLT_PORT: '0', PORT: '0', ZANJIR_LOG_LEVEL: 'warn', NEO4J_URI: '' };
  console.log(`Starting zanjir serve on a fresh data directory (${dataDir})…`);
  const server = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await serverUrl(server);
    const keys = createKeys(env, clients);
    console.log(`Serving at ${url}; ${clients} analysts with reader keys, one editor importing every ${importEverySeconds} s, for ${seconds} s.`);
    const results = await run(url, keys, server.pid!);
    report(results);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function serverUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const onLine = (line: string) => {
      lines.push(line);
      const m = /serving GraphQL at (http:\/\/\S+)\/graphql/.exec(line);
      if (m) resolve(m[1]!);
    };
    readline.createInterface({ input: server.stdout! }).on('line', onLine);
    readline.createInterface({ input: server.stderr! }).on('line', (l) => {
      if (!l.startsWith('{')) onLine(l);
    });
    server.once('exit', (code) => reject(new Error(`zanjir serve exited (${code}):\n${lines.slice(-20).join('\n')}`)));
  });
}

function createKeys(env: NodeJS.ProcessEnv, count: number): { readers: string[]; editor: string } {
  const make = (name: string, role: string) => {
    const r = spawnSync(process.execPath, [BIN, 'keys', 'create', '--name', name, '--role', role], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`zanjir keys create failed: ${r.stderr}`);
    return r.stdout.trim();
  };
  return { readers: Array.from({ length: count }, (_, i) => make(`analyst ${i + 1}`, 'reader')), editor: make('load-test editor', 'editor') };
}

interface RunResults {
  seconds: number;
  samples: Map<string, Sample[]>;
  imports: Sample[];
  memory: { t: number; serverMb: number; neo4jMb: number | null }[];
}

async function run(url: string, keys: { readers: string[]; editor: string }, serverPid: number): Promise<RunResults> {
  const samples = new Map<string, Sample[]>(OPERATIONS.map((o) => [o.name, []]));
  const imports: Sample[] = [];
  const memory: RunResults['memory'] = [];
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const totalWeight = OPERATIONS.reduce((a, o) => a + o.weight, 0);
  const choose = () => {
    let r = Math.random() * totalWeight;
    for (const o of OPERATIONS) if ((r -= o.weight) < 0) return o;
    return OPERATIONS[0]!;
  };

  const analyst = async (key: string) => {
    while (Date.now() < deadline) {
      const op = choose();
      samples.get(op.name)!.push(await send(url, key, op.query()));
    }
  };
  const editor = async () => {
    let round = 0;
    while (Date.now() < deadline) {
      round += 1;
      const nodes = Array.from({ length: 50 }, (_, i) => ({ id: `mine:load-${i}`, kind: 'Mine', name: `Load test mine ${i}`, nameFa: `معدن بار ${i}`, capacityTpy: round * 1000 + i }));
      imports.push(await send(url, keys.editor, { query: 'mutation ($d: JSON!) { importGraph(document: $d) { nodes { created updated } } }', variables: { d: { format: 'zanjir/1', nodes, edges: [] } } }));
      await sleepUntil(Math.min(deadline, Date.now() + importEverySeconds * 1000));
    }
  };
  const watcher = async () => {
    while (Date.now() < deadline) {
      memory.push({ t: (Date.now() - started) / 1000, serverMb: rssMb(serverPid) ?? 0, neo4jMb: neo4jRssMb(serverPid) });
      await sleepUntil(Math.min(deadline, Date.now() + 5_000));
    }
  };
  let lastTick = 0;
  const progress = setInterval(() => {
    const done = [...samples.values()].reduce((a, s) => a + s.length, 0);
    const t = Math.round((Date.now() - started) / 1000);
    if (t - lastTick >= 30) {
      lastTick = t;
      console.log(`  … ${t} s, ${done} requests`);
    }
  }, 1000);
  await Promise.all([...keys.readers.map(analyst), editor(), watcher()]);
  clearInterval(progress);
  return { seconds: (Date.now() - started) / 1000, samples, imports, memory };
}

async function send(url: string, key: string, body: { query: string; variables?: Record<string, unknown> }): Promise<Sample> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
    const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    const code = json.errors?.[0]?.extensions?.code ?? (res.ok ? null : `HTTP_${res.status}`);
    return { ms: performance.now() - t0, ok: code === null, code };
  } catch (error) {
    return { ms: performance.now() - t0, ok: false, code: `NETWORK: ${(error as Error).message}` };
  }
}

function sleepUntil(t: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, t - Date.now())));
}

function rssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** The embedded Neo4j is the server's child java process. */
function neo4jRssMb(serverPid: number): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === serverPid && stat.includes('(java)')) return rssMb(Number(entry));
    } catch {
      // the process went away
    }
  }
  return null;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** MB per minute of a least-squares line through the samples after the first minute (warm-up). */
function slopeMbPerMin(points: { t: number; mb: number }[]): number {
  const after = points.filter((p) => p.t >= 60);
  if (after.length < 3) return Number.NaN;
  const n = after.length;
  const mt = after.reduce((a, p) => a + p.t, 0) / n;
  const mm = after.reduce((a, p) => a + p.mb, 0) / n;
  const num = after.reduce((a, p) => a + (p.t - mt) * (p.mb - mm), 0);
  const den = after.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return (num / den) * 60;
}

function report(r: RunResults): void {
  const all = [...r.samples.values()].flat();
  const errors = new Map<string, number>();
  for (const s of [...all, ...r.imports]) if (!s.ok) errors.set(s.code!, (errors.get(s.code!) ?? 0) + 1);
  const unexpected = [...errors].filter(([code]) => !LIMIT_CODES.has(code));
  const rows = [...r.samples].map(([name, s]) => {
    const ms = s.map((x) => x.ms).sort((a, b) => a - b);
    return { name, count: s.length, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), p99: percentile(ms, 0.99) };
  });
  const allMs = all.map((s) => s.ms).sort((a, b) => a - b);
  const importMs = r.imports.map((s) => s.ms).sort((a, b) => a - b);
  const server = r.memory.map((m) => ({ t: m.t, mb: m.serverMb }));
  const neo = r.memory.filter((m) => m.neo4jMb !== null).map((m) => ({ t: m.t, mb: m.neo4jMb! }));
  const at = (pts: { t: number; mb: number }[], t: number) => pts.reduce((best, p) => (Math.abs(p.t - t) < Math.abs(best.t - t) ? p : best), pts[0] ?? { t: 0, mb: Number.NaN }).mb;

  console.log(`\n${all.length} reads and ${r.imports.length} imports in ${r.seconds.toFixed(0)} s: ${(all.length / r.seconds).toFixed(1)} requests/s sustained, ${clients} clients.`);
  console.log(`${'operation'.padEnd(22)} ${'count'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  for (const row of rows) console.log(`${row.name.padEnd(22)} ${String(row.count).padStart(7)} ${row.p50.toFixed(1).padStart(8)} ${row.p95.toFixed(1).padStart(8)} ${row.p99.toFixed(1).padStart(8)}`);
  console.log(`${'all reads'.padEnd(22)} ${String(all.length).padStart(7)} ${percentile(allMs, 0.5).toFixed(1).padStart(8)} ${percentile(allMs, 0.95).toFixed(1).padStart(8)} ${percentile(allMs, 0.99).toFixed(1).padStart(8)}`);
  console.log(`${'import (50 nodes)'.padEnd(22)} ${String(r.imports.length).padStart(7)} ${percentile(importMs, 0.5).toFixed(1).padStart(8)} ${percentile(importMs, 0.95).toFixed(1).padStart(8)} ${percentile(importMs, 0.99).toFixed(1).padStart(8)}`);
  console.log(`Errors: ${errors.size === 0 ? 'none' : [...errors].map(([c, n]) => `${c} ×${n}`).join(', ')}${unexpected.length ? ' (UNEXPECTED)' : ''}`);
  console.log(`Memory (RSS): server ${at(server, 60).toFixed(0)} MB at 1 min, ${at(server, r.seconds).toFixed(0)} MB at the end, ${slopeMbPerMin(server).toFixed(2)} MB/min after warm-up; ` + `Neo4j ${at(neo, 60).toFixed(0)} → ${at(neo, r.seconds).toFixed(0)} MB, ${slopeMbPerMin(neo).toFixed(2)} MB/min.`);

  const out = path.join(ROOT, 'bench', 'results', `load-${new Date().toISOString().slice(0, 10)}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    `${JSON.stringify(
      {
        command: `npm run bench:load -- --seconds ${seconds} --clients ${clients} --import-every ${importEverySeconds}`,
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
        seconds: r.seconds,
        requestsPerSecond: all.length / r.seconds,
        operations: rows,
        allReads: { count: all.length, p50: percentile(allMs, 0.5), p95: percentile(allMs, 0.95), p99: percentile(allMs, 0.99) },
        imports: { count: r.imports.length, p50: percentile(importMs, 0.5), p99: percentile(importMs, 0.99) },
        errors: Object.fromEntries(errors),
        memory: r.memory,
        memorySlopeMbPerMin: { server: slopeMbPerMin(server), neo4j: slopeMbPerMin(neo) },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Written to ${path.relative(ROOT, out)}`);
  if (unexpected.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

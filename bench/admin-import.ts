// npx tsx bench/admin-import.ts [--nodes N]: the neo4j-admin route for a first load, measured.
// Generates a chain, loads it with Zanjir's importer, exports it as CSV (src/io/export/csv.ts),
// then builds a new database from those files with `neo4j-admin database import full` (the
// neo4j-import-tool jar among the embedded Neo4j's jars), starts the embedded Neo4j on it, lets
// Zanjir add its schema and search fields (what `npm start` does), and counts what is there.
// See docs/bulk-load.md.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { csvFiles, resolveScope } from '../src/io/export/index.js';
import { importSources } from '../src/io/importer.js';
import { jsonLinesSource } from '../src/io/sources.js';
import { generateChain } from './generate.js';

const at = process.argv.indexOf('--nodes');
const targetNodes = at > 0 ? Number(process.argv[at + 1]) : 100_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-admin-import-'));
const file = path.join(work, 'chain.jsonl');
const csvDir = path.join(work, 'csv');
const chain = generateChain(file, targetNodes);
console.log(`generated ${chain.nodes} nodes, ${chain.edges} edges`);
const base = loadConfig({ ...process.env, NEO4J_URI: '' });
const config = { ...base, dataDir: path.join(work, 'data'), boltPort: 0, port: 0, seed: 'none', javaHeap: '3g', pageCache: '1g' };

try {
  // 1. Load with Zanjir and export as CSV.
  const db = await openDatabase(config, { log: () => {} });
  let t0 = performance.now();
  await importSources(db.executor, [jsonLinesSource(file)]);
  const importerSeconds = (performance.now() - t0) / 1000;
  fs.mkdirSync(csvDir);
  t0 = performance.now();
  const files: string[] = [];
  for await (const f of csvFiles(db.executor, await resolveScope(db.executor, {}))) {
    const target = path.join(csvDir, f.name);
    const out = fs.createWriteStream(target);
    for await (const chunk of f.chunks) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    files.push(target);
  }
  const exportSeconds = (performance.now() - t0) / 1000;
  await db.close();

  // 2. neo4j-admin database import full into a new home.
  const lib = path.join(config.home, fs.readdirSync(config.home).find((d) => d.startsWith('neo4j-5.26'))!, 'lib');
  const home = path.join(work, 'admin-home');
  fs.mkdirSync(path.join(home, 'conf'), { recursive: true });
  fs.writeFileSync(path.join(home, 'conf', 'neo4j.conf'), `server.directories.data=${path.join(home, 'data')}\nserver.memory.heap.max_size=3g\n`);
  const nodes = files.filter((f) => path.basename(f).startsWith('nodes-')).map((f) => `--nodes=${f}`);
  const rels = files.filter((f) => path.basename(f).startsWith('relationships-')).map((f) => `--relationships=${f}`);
  // The database name goes first: --nodes and --relationships take several values each.
  const args = ['-Xmx3g', '-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', 'database', 'import', 'full', 'neo4j', '--verbose', `--report-file=${path.join(work, 'import.report')}`, '--multiline-fields=true', '--overwrite-destination=true', ...nodes, ...rels];
  t0 = performance.now();
  const run = spawnSync(config.javaPath, args, { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') }, encoding: 'utf8' });
  const adminSeconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`neo4j-admin failed (${run.status}):\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
  console.log(run.stdout.split('\n').filter((l) => /IMPORT DONE|Imported:|nodes|relationships|properties|Peak memory/i.test(l)).join('\n'));

  // 3. Start on it the way `npm start` would: Zanjir adds its constraints, indexes and search fields.
  t0 = performance.now();
  // The embedded Neo4j's data directory is its home: the store lands in home/data/databases/neo4j.
  const opened = await openDatabase({ ...config, dataDir: home }, { log: () => {} });
  const schemaSeconds = (performance.now() - t0) / 1000;
  const counts = await opened.store.counts();
  await opened.close();
  const records = chain.nodes + chain.edges;
  const total = Object.values(counts.nodes).reduce((a, b) => a + b, 0) + Object.values(counts.edges).reduce((a, b) => a + b, 0);
  console.log(
    JSON.stringify(
      {
        nodes: chain.nodes,
        edges: chain.edges,
        zanjirImporter: { seconds: Math.round(importerSeconds * 10) / 10, perSecond: Math.round(records / importerSeconds) },
        csvExport: { seconds: Math.round(exportSeconds * 10) / 10 },
        neo4jAdminImport: { seconds: Math.round(adminSeconds * 10) / 10, perSecond: Math.round(records / adminSeconds) },
        firstStartWithSchemaAndSearchFields: { seconds: Math.round(schemaSeconds * 10) / 10 },
        recordsFound: total,
        loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
      },
      null,
      2,
    ),
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

// npx tsx bench/datasets.ts [--nodes N] [--update 0.1]: what recording data sets costs and how
// long removing one takes. Imports a generated chain as data set "base", then an update as
// "update" (a share of the nodes renamed and re-dated, their source edges re-figured, as many
// new nodes each with an edge to an existing item), removes "update", and checks the export is
// byte for byte what it was before the update.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { exportStream, resolveScope } from '../src/io/export/index.js';
import { removeDataset } from '../src/io/dataset-removal.js';
import { importSources } from '../src/io/importer.js';
import { jsonLinesSource } from '../src/io/sources.js';
import type { Executor } from '../src/db/executor.js';
import { generateChain } from './generate.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

const targetNodes = Number(option('nodes', '20000'));
const share = Number(option('update', '0.1'));

async function exportHash(executor: Executor): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of exportStream(executor, await resolveScope(executor, {}), 'jsonl')) hash.update(chunk);
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-bench-datasets-'));
  const file = path.join(work, 'chain.jsonl');
  const chain = generateChain(file, targetNodes);
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  const header = lines[0]!;
  const records = lines.slice(1).map((l) => JSON.parse(l) as Record<string, unknown>);
  const items = records.filter((r) => r.kind === 'Product' || r.kind === 'Part');
  const step = Math.max(1, Math.round(1 / share));
  const changed = records.filter((r, i) => r.kind !== undefined && i % step === 0).map((r) => ({ ...r, name: `${String(r.name)} (revised)`, asOf: 2026 }) as Record<string, unknown>);
  const changedIds = new Set(changed.map((r) => r.id));
  const reFigured = records.filter((r) => r.type === 'SUPPLIES' && changedIds.has(r.from as string)).map((r) => ({ ...r, volumePerYear: 123, asOf: 2026 }));
  const added = changed.map((_, i) => ({ id: `supplier:bench-new-${i}`, kind: 'Supplier', name: `New supplier ${i}`, nameFa: `تأمین‌کننده ${i}`, country: 'CN' }));
  const addedEdges = added.map((s, i) => ({ type: 'SUPPLIES', from: s.id, to: items[i % items.length]!.id, volumePerYear: 1 }));
  const update = path.join(work, 'update.jsonl');
  fs.writeFileSync(update, [header, ...[...changed, ...added, ...reFigured, ...addedEdges].map((r) => JSON.stringify(r))].join('\n') + '\n');
  const updateRecords = changed.length + added.length + reFigured.length + addedEdges.length;

  const config = { ...loadConfig({ ...process.env, NEO4J_URI: '' }), dataDir: path.join(work, 'data'), boltPort: 0, port: 0, seed: 'none', javaHeap: '4g' };
  const db = await openDatabase(config, { log: () => {} });
  try {
    let t0 = performance.now();
    const base = await importSources(db.executor, [jsonLinesSource(file)], { dataset: { name: 'base', by: 'bench' } });
    const baseMs = performance.now() - t0;
    const before = await exportHash(db.executor);
    t0 = performance.now();
    const up = await importSources(db.executor, [jsonLinesSource(update)], { dataset: { name: 'update', by: 'bench' } });
    const updateMs = performance.now() - t0;
    t0 = performance.now();
    const removed = await removeDataset(db.executor, 'update');
    const removeMs = performance.now() - t0;
    const after = await exportHash(db.executor);
    console.log(`Generated ${chain.nodes.toLocaleString('en')} nodes and ${chain.edges.toLocaleString('en')} edges.`);
    console.log(`import "base": ${(baseMs / 1000).toFixed(1)} s (${base.mode}), ${Math.round((chain.nodes + chain.edges) / (baseMs / 1000)).toLocaleString('en')} records/s`);
    console.log(`import "update" (${updateRecords.toLocaleString('en')} records: ${up.nodes.updated} nodes and ${up.edges.updated} edges updated, ${up.nodes.created} nodes and ${up.edges.created} edges created): ${(updateMs / 1000).toFixed(1)} s`);
    console.log(`remove "update": ${(removeMs / 1000).toFixed(1)} s — deleted ${removed.nodesDeleted} nodes and ${removed.edgesDeleted} edges, restored ${removed.nodesRestored} nodes and ${removed.edgesRestored} edges`);
    console.log(`export byte for byte as before the update: ${before === after ? 'yes' : 'NO'}`);
    if (before !== after) process.exitCode = 1;
  } finally {
    await db.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

void main();

// npx tsx bench/disruption-in-memory.ts [--nodes N | FILE.jsonl]: disruption(countries: CN) on the
// whole graph through Zanjir's GraphQL schema (graphql-js), with the snapshot built straight from
// a generated chain file instead of Neo4j: the solve and the answer, without the database and
// HTTP around them. For the README's note on what disruption costs at a million nodes; run it with
// node --max-old-space-size=6000 for 1M nodes.
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import readline from 'node:readline';
import { graphql } from 'graphql';
import { SnapshotBuilder } from '../src/analytics/graph-snapshot.js';
import { buildZanjirSchema } from '../src/graphql/schema.js';

import { generateChain } from './generate.js';
import { supplyPlan } from '../src/analytics/snapshot-disruption.js';

const at = process.argv.indexOf('--nodes');
const given = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : null;
const file = given ?? path.join(os.tmpdir(), `zanjir-disruption-${process.pid}.jsonl`);
if (!given) generateChain(file, at > 0 ? Number(process.argv[at + 1]) : 100_000);
const b = new SnapshotBuilder(1, 'IR');
const edges: any[] = [];
const rl = readline.createInterface({ input: fs.createReadStream(file) });
let first = true;
for await (const line of rl) {
  if (first) { first = false; continue; }
  const r = JSON.parse(line);
  if (r.kind) { if (r.kind !== 'Source') b.addNode(r); } else if (['EXTRACTS','PRODUCES','SUPPLIES','FEEDS','COMPONENT_OF'].includes(r.type)) edges.push(r);
}
for (const e of edges) b.addEdge(e);
edges.length = 0;
const snap = b.build();
if (!given) fs.rmSync(file);
const t0 = performance.now();
supplyPlan(snap);
console.log(`${snap.nodeCount} nodes, ${snap.edgeCount} edges; supply plan compiled once in ${Math.round(performance.now() - t0)} ms`);
const schema = await buildZanjirSchema();
const ctx: any = { snapshots: { current: async () => snap }, loaders: { node: { load: async (id: string) => ({ id, kind: 'Product', name: id, nameFa: id }) } }, store: {} };
const query = `{ disruption(scenario: { countries: ["CN"] }) { graphVersion finishedGoodsHit { itemId loss } } }`;
for (let k = 0; k < 5; k += 1) {
  const t = performance.now();
  const r = await graphql({ schema, source: query, contextValue: ctx });
  const t1 = performance.now();
  const text = JSON.stringify(r);
  const hit = (r.data as any)?.disruption?.finishedGoodsHit?.length;
  console.log(`solve and answer ${Math.round(t1 - t)} ms, JSON ${Math.round(performance.now() - t1)} ms: ${hit} finished goods hit, ${(text.length / 1e6).toFixed(1)} MB${r.errors ? ` ${JSON.stringify(r.errors).slice(0, 200)}` : ''}; load average ${os.loadavg()[0]!.toFixed(1)}`);
}

// Exports round-trip: export → empty the database → load the export back → the same graph
// (ids, labels, types, property values and their types). GraphML and the zipped CSV are read
// back by Python's own XML, CSV and ZIP modules, independently of Zanjir.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { splitStatements } from '../src/db/schema.js';
import { exportStream, resolveScope, type ExportFormat, type ExportRequest } from '../src/io/export/index.js';
import { importSources } from '../src/io/importer.js';
import { documentSource, jsonLinesSource } from '../src/io/sources.js';
import { dumpGraph, type Dump } from './helpers/dump.js';
import { fixture } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
let tmp: string;
let original: Dump;

beforeAll(async () => {
  h = await startHarness({ ZANJIR_EXPORT_INLINE_BYTES: '4096' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-export-'));
  await h.load(fixture('every-kind.json'));
  original = await dumpGraph(h.db.executor);
});
afterAll(async () => {
  await h.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function exported(format: ExportFormat, request: ExportRequest = {}): Promise<Buffer> {
  const scope = await resolveScope(h.db.executor, request);
  const chunks: Buffer[] = [];
  for await (const c of exportStream(h.db.executor, scope, format)) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c, 'utf8'));
  return Buffer.concat(chunks);
}

function pythonRead(kind: 'graphml' | 'csv', file: string): any {
  const run = spawnSync('python3', [path.join(__dirname, 'helpers', 'python-readers.py'), kind, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('round trips', () => {
  beforeEach(async () => {
    // Each test starts from the original graph.
    await h.reset();
    await h.load(fixture('every-kind.json'));
  });

  it('JSON (zanjir/1) comes back identical through the importer', async () => {
    const text = (await exported('json')).toString('utf8');
    await h.reset();
    await importSources(h.db.executor, [documentSource(JSON.parse(text))]);
    expect(await dumpGraph(h.db.executor)).toEqual(original);
  });

  it('JSON Lines comes back identical', async () => {
    const file = path.join(tmp, 'graph.jsonl');
    fs.writeFileSync(file, await exported('jsonl'));
    await h.reset();
    await importSources(h.db.executor, [jsonLinesSource(file)]);
    expect(await dumpGraph(h.db.executor)).toEqual(original);
  });

  it('the Cypher script rebuilds the same graph statement by statement, and running it twice changes nothing', async () => {
    const script = (await exported('cypher')).toString('utf8');
    expect(script).not.toMatch(/\$\w/); // parameter-free
    const statements = splitStatements(script);
    expect(statements[0]).toMatch(/^CREATE CONSTRAINT/);
    await h.reset();
    for (const s of statements) await h.db.executor.runSchemaStatement(s);
    expect(await dumpGraph(h.db.executor)).toEqual(original);
    for (const s of statements) await h.db.executor.runSchemaStatement(s);
    expect(await dumpGraph(h.db.executor)).toEqual(original);
    expect(await h.db.store.homeCountry()).toBe('IR');
  });

  it('GraphML is read back by an independent XML parser with every node, edge and value', async () => {
    const file = path.join(tmp, 'graph.graphml');
    fs.writeFileSync(file, await exported('graphml'));
    const g = pythonRead('graphml', file);
    const types = Object.fromEntries(Object.values(g.keys).map((k: any) => [`${k.for}:${k.name}`, k.type]));
    expect(types).toMatchObject({ 'node:capacityTpy': 'double', 'node:knowledgeBased': 'boolean', 'node:nameFa': 'string', 'edge:share': 'double', 'edge:type': 'string' });
    expect(Object.keys(g.nodes).sort()).toEqual(fixture('every-kind.json').nodes.map((n: any) => n.id).sort());
    expect(g.nodes['source:article']).toMatchObject({ labels: ':Entity:Source', text: 'خط اول\nراه‌اندازی فاز سوم مس سونگون; «نقل‌قول»\n\tتورفتگی', url: "https://example.org/a?b=1&c='2'" });
    expect(g.nodes['product:ore'].note).toBe('It\'s "rich"; path C:\\ores\\cu\nsecond line\ttab');
    expect(g.nodes['mine:sungun']).toMatchObject({ aliases: 'Sungun;سونگون', capacityTpy: '25000000', reservesMt: '800.5' });
    expect(g.nodes['project:p'].startedAt).toBe('2022-08-17');
    // A project's jobs (DOMAIN.md, "A jobs floor") travel typed.
    expect([types['node:jobs'], g.nodes['project:p'].jobs]).toEqual(['double', '85']);
    expect(g.edges).toHaveLength(12);
    const feeds = g.edges.filter((e: any) => e.data.type === 'FEEDS' && e.target === 'plant:smelter' && e.source === 'product:ore');
    expect(feeds.map((e: any) => e.data.output).sort()).toEqual(['product:anode', 'product:cathode']);
    // A LOCALIZES edge's capacity and input import share (DOMAIN.md, Foreign currency) travel typed.
    expect(types).toMatchObject({ 'edge:capacityTpy': 'double', 'edge:inputImportShare': 'double' });
    const localizes = g.edges.find((e: any) => e.data.type === 'LOCALIZES');
    expect(localizes.data).toMatchObject({ capacityTpy: '120000', inputImportShare: '0.35' });
  });

  it('CSV for neo4j-admin is read back by independent CSV and ZIP readers, typed and complete', async () => {
    const file = path.join(tmp, 'graph.csv.zip');
    fs.writeFileSync(file, await exported('csv.zip'));
    const files = pythonRead('csv', file);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['nodes-Mine.csv', 'nodes-Source.csv', 'relationships-FEEDS.csv', 'relationships-CITES.csv']));
    // Every file starts with a UTF-8 byte-order mark, so Excel shows the Persian (neo4j-admin skips it).
    expect(Object.entries(files).filter(([, f]: [string, any]) => !f.bom).map(([name]) => name)).toEqual([]);
    const mines = files['nodes-Mine.csv'];
    expect(mines.header.slice(0, 4)).toEqual(['id:ID', ':LABEL', 'name', 'nameFa']);
    expect(mines.header).toEqual(expect.arrayContaining(['aliases:string[]', 'capacityTpy:double', 'reservesMt:double']));
    const row = Object.fromEntries(mines.header.map((h: string, i: number) => [h, mines.rows[0][i]]));
    expect(row).toMatchObject({ 'id:ID': 'mine:sungun', ':LABEL': 'Entity;Mine', nameFa: 'معدن مس سونگون', 'aliases:string[]': 'Sungun;سونگون', 'capacityTpy:double': '25000000' });
    const source = files['nodes-Source.csv'];
    const text = source.rows[0][source.header.indexOf('text')];
    expect(text).toBe('خط اول\nراه‌اندازی فاز سوم مس سونگون; «نقل‌قول»\n\tتورفتگی');
    const feeds = files['relationships-FEEDS.csv'];
    expect(feeds.header.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(feeds.rows).toHaveLength(3);
    const localizes = files['relationships-LOCALIZES.csv'];
    expect(localizes.header).toEqual(expect.arrayContaining(['capacityTpy:double', 'inputImportShare:double']));
    const lrow = Object.fromEntries(localizes.header.map((h: string, i: number) => [h, localizes.rows[0][i]]));
    expect(lrow).toMatchObject({ ':START_ID': 'project:p', ':END_ID': 'part:harness', 'capacityTpy:double': '120000', 'inputImportShare:double': '0.35' });
    const projects = files['nodes-Project.csv'];
    expect(projects.rows[0][projects.header.indexOf('jobs:double')]).toBe('85');
    const rows = Object.values(files).reduce((n: number, f: any) => n + f.rows.length, 0);
    expect(rows).toBe(10 + 12);
  });
});

describe('subgraphs, sizes and downloads', () => {
  beforeAll(async () => {
    await h.reset();
    await h.load(fixture('worked-example.json'));
  });

  it('exports the subgraph within maxDepth of a root, upstream or downstream', async () => {
    const up = JSON.parse((await exported('json', { rootId: 'product:pellet', direction: 'upstream', maxDepth: 4 })).toString('utf8'));
    expect(up.nodes.map((n: any) => n.id).sort()).toEqual(['mine:a', 'plant:pellet', 'product:ore', 'product:pellet']);
    expect(up.edges).toHaveLength(3);
    const down = JSON.parse((await exported('json', { rootId: 'product:pellet', direction: 'downstream', maxDepth: 2 })).toString('utf8'));
    expect(down.nodes.map((n: any) => n.id).sort()).toEqual(['plant:steel', 'product:pellet', 'product:steel']);
  });

  it('narrows to some kinds, keeping only edges between them', async () => {
    const doc = JSON.parse((await exported('json', { kinds: ['Supplier', 'Part'] })).toString('utf8'));
    expect(doc.nodes.map((n: any) => n.id).sort()).toEqual(['part:electrode', 'supplier:cn-electrodes', 'supplier:tr-steel']);
    expect(doc.edges).toEqual([{ type: 'SUPPLIES', from: 'supplier:cn-electrodes', to: 'part:electrode', volumePerYear: 2 }]);
  });

  it('returns small exports inline through GraphQL, and names the download past the cap', async () => {
    const small = await h.query(`{ exportGraph(format: JSON, rootId: "product:pellet", maxDepth: 1) { document downloadUrl records } }`);
    expect(JSON.parse(small.exportGraph.document).nodes).toHaveLength(2);
    expect(small.exportGraph.downloadUrl).toBe('/export/json?root=product%3Apellet&direction=upstream&depth=1');
    const big = await h.gql(`{ exportGraph(format: CYPHER) { document } }`);
    expect(big.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(big.errors?.[0]?.message).toContain('/export/cypher');
    const csv = await h.query(`{ exportGraph(format: CSV) { document downloadUrl } }`);
    expect(csv.exportGraph).toEqual({ document: null, downloadUrl: '/export/csv.zip' });
  });

  it('streams downloads over HTTP with a file name', async () => {
    const res = await fetch(`${h.server.url}/export/graphml?root=product:steel&direction=upstream&depth=12`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="zanjir-product-steel-upstream.graphml"');
    const text = await res.text();
    expect(text.match(/<node /g)).toHaveLength(9);
    const missing = await fetch(`${h.server.url}/export/json?root=nope`);
    expect(missing.status).toBe(404);
    const badKind = await fetch(`${h.server.url}/export/json?kinds=Quarry`);
    expect(badKind.status).toBe(400);
  });
});

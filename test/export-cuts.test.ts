// Exports cover the whole chain by default, and an export that something cut says so inside the
// file (JSON and JSON Lines metadata, GraphML graph data, a note beside the CSV files, a Cypher
// comment) and on the CLI's stderr, not only in an HTTP header that `curl -o` hides (issue 21).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportStream, resolveScope, type ExportFormat, type ExportRequest } from '../src/io/export/index.js';
import { zanjir } from './helpers/cli.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
let tmp: string;

/** mine:m → product:p0 → plant:k1 → product:p1 → … → product:p10: 21 hops, 22 nodes. */
function deepChain(stages: number) {
  const nodes: Record<string, unknown>[] = [
    { id: 'mine:m', kind: 'Mine', name: 'Mine', nameFa: 'معدن' },
    { id: 'product:p0', kind: 'Product', name: 'Ore', nameFa: 'سنگ', stage: 'ORE' },
  ];
  const edges: Record<string, unknown>[] = [{ type: 'EXTRACTS', from: 'mine:m', to: 'product:p0' }];
  for (let i = 1; i <= stages; i += 1) {
    nodes.push({ id: `plant:k${i}`, kind: 'Plant', name: `Plant ${i}`, nameFa: `کارخانه ${i}` });
    nodes.push({ id: `product:p${i}`, kind: 'Product', name: `Product ${i}`, nameFa: `محصول ${i}`, stage: 'INTERMEDIATE' });
    edges.push({ type: 'FEEDS', from: `product:p${i - 1}`, to: `plant:k${i}` });
    edges.push({ type: 'PRODUCES', from: `plant:k${i}`, to: `product:p${i}` });
  }
  return { format: 'zanjir/1', homeCountry: 'IR', nodes, edges };
}

beforeAll(async () => {
  h = await startHarness();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-export-cuts-'));
  await h.load(deepChain(10));
});
afterAll(async () => {
  await h.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function exported(format: ExportFormat, request: ExportRequest): Promise<Buffer> {
  const scope = await resolveScope(h.db.executor, request);
  const chunks: Buffer[] = [];
  for await (const c of exportStream(h.db.executor, scope, format)) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c, 'utf8'));
  return Buffer.concat(chunks);
}

const root = { rootId: 'product:p10', direction: 'upstream' } as const;

describe('the whole chain by default', () => {
  it('an upstream export without a depth reaches the mine 21 hops away and says it is complete', async () => {
    const doc = JSON.parse((await exported('json', root)).toString('utf8'));
    expect(doc.nodes).toHaveLength(22);
    expect(doc.nodes.map((n: any) => n.id)).toContain('mine:m');
    expect(doc.export).toMatchObject({ root: 'product:p10', direction: 'upstream', complete: true, depthLimited: false, truncated: false });
  });

  it('over HTTP too, the docs example without depth', async () => {
    const res = await fetch(`${h.server.url}/export/graphml?root=product:p10&direction=upstream`);
    expect(res.headers.get('zanjir-depth-limited')).toBe('false');
    expect(res.headers.get('zanjir-truncated')).toBe('false');
    expect((await res.text()).match(/<node /g)).toHaveLength(22);
  });
});

describe('a cut export says so inside the file', () => {
  it('JSON: metadata names the depth cut, and the document still imports', async () => {
    const doc = JSON.parse((await exported('json', { ...root, maxDepth: 4 })).toString('utf8'));
    expect(doc.nodes).toHaveLength(5);
    expect(doc.export).toMatchObject({ complete: false, depthLimited: true, nodesAtNextDepth: 1, maxDepth: 4, truncated: false });
    expect(doc.export.note).toMatch(/1 more node lies at depth 5, beyond maxDepth 4/);
    const again = await h.gql(`mutation($d: JSON!) { importGraph(document: $d) { nodes { unchanged } } }`, { d: doc });
    expect(again.errors).toBeUndefined();
  });

  it('JSON: metadata names the node cap', async () => {
    const doc = JSON.parse((await exported('json', { ...root, maxNodes: 5 })).toString('utf8'));
    expect(doc.nodes).toHaveLength(5);
    expect(doc.export).toMatchObject({ complete: false, truncated: true, maxNodes: 5, depthLimited: false });
    expect(doc.export.note).toMatch(/node cap of 5/);
  });

  it('JSON Lines: the header line carries the same metadata', async () => {
    const first = (await exported('jsonl', { ...root, maxDepth: 4 })).toString('utf8').split('\n')[0]!;
    expect(JSON.parse(first).export).toMatchObject({ complete: false, depthLimited: true });
  });

  it('GraphML: graph-level data an independent parser reads', async () => {
    const file = path.join(tmp, 'cut.graphml');
    fs.writeFileSync(file, await exported('graphml', { ...root, maxDepth: 4 }));
    const run = spawnSync('python3', ['-c', `
import json, sys, xml.etree.ElementTree as ET
NS = "{http://graphml.graphdrawing.org/xmlns}"
r = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): k.get("attr.name") for k in r.findall(NS + "key") if k.get("for") == "graph"}
g = r.find(NS + "graph")
print(json.dumps({keys[d.get("key")]: d.text for d in g.findall(NS + "data")}))
`, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const data = JSON.parse(run.stdout);
    expect(data).toMatchObject({ complete: 'false', depthLimited: 'true', nodesAtNextDepth: '1', root: 'product:p10' });
    expect(data.note).toMatch(/beyond maxDepth 4/);
  });

  it('Cypher: a comment at the top', async () => {
    const script = (await exported('cypher', { ...root, maxNodes: 5 })).toString('utf8');
    expect(script.split('\n').slice(0, 4).join('\n')).toMatch(/^\/\/ Cut: .*node cap of 5/m);
  });

  it('CSV: a note beside the files, which neo4j-admin globs leave alone', async () => {
    const dir = path.join(tmp, 'csv');
    const run = await zanjir(['export', '--format', 'csv', '--root', 'product:p10', '--depth', '4', '--out', dir]);
    expect(run.code).toBe(0);
    expect(fs.readdirSync(dir)).toContain('export-note.txt');
    expect(fs.readFileSync(path.join(dir, 'export-note.txt'), 'utf8')).toMatch(/beyond maxDepth 4/);
  });
});

describe('the CLI says so on stderr', () => {
  it('warns of a depth cut and of the node cap, and not of a whole chain', async () => {
    const out = path.join(tmp, 'p.json');
    const cut = await zanjir(['export', '--format', 'json', '--root', 'product:p10', '--depth', '4', '--out', out]);
    expect(cut.code).toBe(0);
    expect(cut.stderr).toMatch(/Cut: 1 more node lies at depth 5, beyond --depth 4/);
    const capped = await zanjir(['export', '--format', 'json', '--root', 'product:p10', '--max-nodes', '5', '--out', out]);
    expect(capped.code).toBe(0);
    expect(capped.stderr).toMatch(/node cap of 5/);
    const whole = await zanjir(['export', '--format', 'json', '--root', 'product:p10', '--out', out]);
    expect(whole.code).toBe(0);
    expect(whole.stderr).not.toMatch(/Cut:/);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).nodes).toHaveLength(22);
  });
});

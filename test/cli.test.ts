// The zanjir command as a person runs it: a real process, the test database through NEO4J_URI.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, doc, node } from './helpers/fixtures.js';
import { zanjir as cli } from './helpers/cli.js';
import { startHarness, type Harness } from './helpers/harness.js';

const zanjir = async (...args: string[]) => {
  const run = await cli(args);
  return { ...run, code: run.code ?? -1 };
};

let h: Harness;
let tmp: string;
beforeAll(async () => {
  h = await startHarness();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-cli-'));
});
afterAll(async () => {
  await h.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('zanjir import', () => {
  it('imports a file and prints what it created, then nothing the second time', async () => {
    const first = await zanjir('import', path.join(FIXTURES, 'worked-example.json'));
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/nodes: 9 created, 0 updated, 0 unchanged/);
    expect(first.stderr).toMatch(/edges: 8 created, 0 updated, 0 unchanged/);
    const second = await zanjir('import', path.join(FIXTURES, 'worked-example.json'));
    expect(second.stderr).toMatch(/nodes: 0 created, 0 updated, 9 unchanged/);
  });

  it('refuses a bad file with every problem by position, exit code 1, nothing written', async () => {
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify(doc([node('mine:x', 'Mine', { capacityTpy: -1 }), node('part:y', 'Part', { hsCode: 7 })])));
    const before = await h.db.store.counts();
    const run = await zanjir('import', bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Import refused: 2 problems found, nothing was written.');
    expect(run.stderr).toContain('bad.json nodes[0] (mine:x): capacityTpy must not be negative');
    expect(run.stderr).toContain('bad.json nodes[1] (part:y): hsCode must be a string');
    expect(await h.db.store.counts()).toEqual(before);
  });

  it('says which file is missing', async () => {
    const run = await zanjir('import', path.join(tmp, 'nope.json'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^zanjir: No such file or folder: .*nope\.json\n$/);
  });
});

describe('zanjir export', () => {
  it('writes CSV files to a folder and a GraphML subgraph to a file', async () => {
    const dir = path.join(tmp, 'csv');
    const csv = await zanjir('export', '--format', 'csv', '--out', dir);
    expect(csv.code).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(expect.arrayContaining(['nodes-Mine.csv', 'relationships-FEEDS.csv']));
    expect(fs.readFileSync(path.join(dir, 'nodes-Part.csv'), 'utf8')).toContain('part:electrode,Entity;Part,Graphite electrode,الکترود گرافیتی');
    const file = path.join(tmp, 'steel.graphml');
    const graphml = await zanjir('export', '--format', 'graphml', '--root', 'product:steel', '--depth', '1', '--out', file);
    expect(graphml.code).toBe(0);
    expect(graphml.stderr).toMatch(/Exported 5 nodes and edges/);
    expect(fs.readFileSync(file, 'utf8').match(/<node /g)).toHaveLength(3);
  });
});

describe('zanjir report', () => {
  it('prints import content as JSON', async () => {
    const run = await zanjir('report', 'import-content', 'product:steel', '--json');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    // The worked example: t = 0.2 + 0.8 × 0.1 = 0.28.
    expect(r.totalImportContent).toBeCloseTo(0.28, 9);
    expect(r.contributions.map((c: any) => c.item.id)).toEqual(['product:steel', 'part:electrode']);
  });

  it('prints the chain balance as a table', async () => {
    const run = await zanjir('report', 'balance', 'product:ore', 'part:electrode');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^item\s+home capacity\s+imports\s+demand\s+balance$/);
    expect(lines[2]).toMatch(/^Iron ore\s+1,000\s+0\s+900\s+100$/);
    expect(lines[3]).toMatch(/^Graphite electrode\s+0\s+2\s+4\s+-4$/);
  });

  it('explains its usage when asked for an unknown report', async () => {
    const run = await zanjir('report', 'weather');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('zanjir report import-content ID');
  });
});

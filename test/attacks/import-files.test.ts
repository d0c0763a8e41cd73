// Issue 22 (low): `zanjir import` of a symlink to /dev/zero read 3 GB in seconds (.json) or for
// ever (.jsonl). Only regular files are imported, each refusal names the file; a .json document
// and a .jsonl line have a size cap that says what it is and how to raise it.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, node } from '../helpers/fixtures.js';
import { zanjir } from '../helpers/cli.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
let tmp: string;
beforeAll(async () => {
  h = await startHarness();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-import-files-'));
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('zanjir import reads regular files only', () => {
  it.each([
    ['zero.json', () => fs.symlinkSync('/dev/zero', path.join(tmp, 'zero.json'))],
    ['zero.jsonl', () => fs.symlinkSync('/dev/zero', path.join(tmp, 'zero.jsonl'))],
    ['pipe.jsonl', () => execFileSync('mkfifo', [path.join(tmp, 'pipe.jsonl')])],
    ['null.json', () => fs.symlinkSync('/dev/null', path.join(tmp, 'null.json'))],
  ])('refuses %s, naming it, and writes nothing', async (name, make) => {
    make();
    const before = await h.db.store.counts();
    const run = await zanjir(['import', path.join(tmp, name)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(name);
    expect(run.stderr).toMatch(/not a regular file/);
    expect(await h.db.store.counts()).toEqual(before);
  });

  it('refuses a folder entry that is a directory or a device', async () => {
    const folder = path.join(tmp, 'folder');
    fs.mkdirSync(path.join(folder, 'inner.json'), { recursive: true });
    fs.symlinkSync('/dev/zero', path.join(folder, 'z.jsonl'));
    const run = await zanjir(['import', folder]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/inner\.json.*not a regular file|z\.jsonl.*not a regular file/);
  });
});

describe('a document and a line have a size cap', () => {
  it('refuses a .json document over the cap, saying the cap and how to raise it', async () => {
    const file = path.join(tmp, 'big.json');
    const text = JSON.stringify(doc([node('mine:big', 'Mine', { note: 'x'.repeat(5_000) })]));
    fs.writeFileSync(file, text);
    const before = await h.db.store.counts();
    const run = await zanjir(['import', file], { ZANJIR_IMPORT_MAX_DOCUMENT_BYTES: '4096' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('big.json');
    expect(run.stderr).toContain(`${Buffer.byteLength(text).toLocaleString('en')} bytes`);
    expect(run.stderr).toContain('4,096');
    expect(run.stderr).toContain('ZANJIR_IMPORT_MAX_DOCUMENT_BYTES');
    expect(await h.db.store.counts()).toEqual(before);
    // Under the default cap the same file imports.
    const ok = await zanjir(['import', file]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('Imported big.json');
  });

  it('refuses a .jsonl line over the cap, naming the line', async () => {
    const file = path.join(tmp, 'long.jsonl');
    const header = JSON.stringify({ format: 'zanjir/1', homeCountry: 'IR' });
    const long = JSON.stringify(node('mine:long', 'Mine', { note: 'y'.repeat(5_000) }));
    fs.writeFileSync(file, `${header}\n${JSON.stringify(node('mine:short', 'Mine'))}\n${long}\n`);
    const before = await h.db.store.counts();
    const run = await zanjir(['import', file], { ZANJIR_IMPORT_MAX_LINE_BYTES: '4096' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('long.jsonl line 3');
    expect(run.stderr).toContain('4,096');
    expect(run.stderr).toContain('ZANJIR_IMPORT_MAX_LINE_BYTES');
    expect(await h.db.store.counts()).toEqual(before);
  });
});

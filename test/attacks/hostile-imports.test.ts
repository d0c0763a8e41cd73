// The hostile-input corpus (issue 10): every malformed or hostile document is refused with a
// clear, typed error naming what is wrong, through both doors that take documents (GraphQL's
// importGraph and the file importer behind `zanjir import`), and the graph is byte-for-byte as
// before (a hash of its full export).

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportStream, resolveScope } from '../../src/io/export/index.js';
import { importSources } from '../../src/io/importer.js';
import { sourceForFile } from '../../src/io/sources.js';
import { ZanjirError } from '../../src/errors/index.js';
import { fixture } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { hostileCorpus } from '../helpers/hostile-corpus.js';

let h: Harness;
let dir: string;
let baseline: string;

async function exportHash(): Promise<string> {
  const hash = createHash('sha256');
  const scope = await resolveScope(h.db.executor, { rootId: null, direction: 'upstream', kinds: null });
  for await (const chunk of exportStream(h.db.executor, scope, 'jsonl')) hash.update(chunk);
  return hash.digest('hex');
}

beforeAll(async () => {
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'editor' });
  await h.load(fixture('worked-example.json'));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-hostile-'));
  baseline = await exportHash();
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const corpus = hostileCorpus();

/** importGraph with the document spliced in as JSON text (some are nested too deep to stringify). */
async function importGraph(documentJson: string): Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const query = JSON.stringify('mutation ($d: JSON!) { importGraph(document: $d) { nodes { created } } }');
  const res = await fetch(`${h.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":${query},"variables":{"d":${documentJson}}}` });
  return (await res.json()) as never;
}

describe('the hostile-input corpus', () => {
  it('holds every class of the probe’s 59 malformed documents', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(59);
  });

  describe.each(corpus.filter((c) => c.json !== undefined).map((c) => [c.name, c] as const))('through importGraph: %s', (_name, c) => {
    it('is refused with a typed error and a short message, and nothing changes', async () => {
      const res = await importGraph(c.json!);
      const error = res.errors?.[0];
      expect(error?.extensions?.code, JSON.stringify(error).slice(0, 500)).toMatch(/^(IMPORT_INVALID|BAD_USER_INPUT)$/);
      expect(error?.message.length).toBeLessThan(4_000);
      if (error?.extensions?.code === 'IMPORT_INVALID') expect((error.extensions.problems as unknown[]).length).toBeGreaterThan(0);
      expect(await exportHash()).toBe(baseline);
    });
  });

  describe.each(corpus.map((c) => [c.name, c] as const))('through the file importer: %s', (_name, c) => {
    it('is refused with IMPORT_INVALID naming where, and nothing changes', async () => {
      const file = path.join(dir, `${c.name.replace(/[^a-z0-9]+/gi, '-')}${c.ext}`);
      fs.writeFileSync(file, c.file);
      const error = await importSources(h.db.executor, [sourceForFile(file)]).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, c.name).toBeInstanceOf(ZanjirError);
      expect((error as ZanjirError).code).toBe('IMPORT_INVALID');
      expect((error as ZanjirError).message).toContain(path.basename(file).slice(0, 20));
      expect((error as ZanjirError).message.length).toBeLessThan(4_000);
      expect(await exportHash()).toBe(baseline);
    });
  });

  it('says exactly what is wrong for the cases the probe saw crash the server', async () => {
    const ask = async (name: string) => {
      const c = corpus.find((x) => x.name === name)!;
      const res = await importGraph(c.json!);
      return res.errors![0]!.message;
    };
    expect(await ask('kind "constructor"')).toMatch(/kind unknown kind "constructor": expected one of Mine, Product/);
    expect(await ask('type as an object with toString')).toMatch(/unknown edge type \{"toString":1\}/);
    expect(await ask('name 9,000 characters long')).toMatch(/name must be at most 300 characters/);
    expect(await ask('capacity 1e308')).toMatch(/capacityTpy must be at most 1e\+15/);
    expect(await ask('id with a Cyrillic look-alike')).toMatch(/id must be plain ASCII/);
    const huge = await ask('status 1 MB long');
    expect(huge.length).toBeLessThan(1_000);
  });

  it('names the byte that breaks UTF-8 in a file', async () => {
    const c = corpus.find((x) => x.name === 'bytes that are not UTF-8 in an id')!;
    const file = path.join(dir, 'utf8-id.json');
    fs.writeFileSync(file, c.file);
    await expect(importSources(h.db.executor, [sourceForFile(file)])).rejects.toThrow(/utf8-id\.json: is not valid UTF-8: byte \d+ \(line 1\)/);
  });
});

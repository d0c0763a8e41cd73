// Issue 22, finding 5: a staged import whose process was killed stayed visible and blocked every
// edit with IMPORT_IN_PROGRESS "…rolls it back once it has been silent for two minutes", for as
// long as no other import came along. Now an edit or a removal that meets a dead import (silent
// past the threshold) rolls it back itself and goes on; one that is still alive is waited for.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportInProgressError } from '../../src/errors/index.js';
import { removeDataset } from '../../src/io/dataset-removal.js';
import { Edits } from '../../src/io/edits.js';
import { openImports } from '../../src/io/import-journal.js';
import { zanjir } from '../helpers/cli.js';
import { dumpGraph } from '../helpers/dump.js';
import { doc, fixture, node } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
let tmp: string;
beforeAll(async () => {
  h = await startHarness();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-crashed-'));
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function crashedImport(): Promise<void> {
  const nodes = Array.from({ length: 30 }, (_, i) => node(`part:crash${i}`, 'Part', { name: `Crash ${i}`, nameFa: `قطعه ${i}` }));
  const file = path.join(tmp, 'crash.json');
  fs.writeFileSync(file, JSON.stringify(doc(nodes, [])));
  const run = await zanjir(['import', file, '--staged', '--batch-size', '2'], { ZANJIR_FAULT: 'import-crash-after-batch:4' });
  expect(run.signal).toBe('SIGKILL');
  expect((await openImports(h.db.executor))[0]).toMatchObject({ state: 'writing' });
}

describe('a crashed staged import does not block edits until the next import', () => {
  it('an edit meeting a dead import rolls it back and is made; one meeting a live one is refused', async () => {
    await h.reset();
    await h.load(fixture('worked-example.json'));
    const before = await dumpGraph(h.db.executor);
    await crashedImport();

    // Its heartbeat is fresh: it may be alive, so the edit waits.
    await expect(new Edits(h.db.executor).upsertNode('test', { id: 'mine:a', kind: 'Mine', name: 'A', nameFa: 'آ' })).rejects.toBeInstanceOf(ImportInProgressError);

    // Silent past the threshold (here: at once): the edit rolls it back itself and goes on.
    const edited = await new Edits(h.db.executor, { staleAfterMs: 0 }).upsertNode('test', { id: 'mine:new', kind: 'Mine', name: 'New mine', nameFa: 'معدن' });
    expect(edited.node.id).toBe('mine:new');
    expect(await openImports(h.db.executor)).toEqual([]);
    const after = await dumpGraph(h.db.executor);
    expect(JSON.stringify(after)).not.toContain('part:crash');
    expect(JSON.stringify(after)).toContain('mine:new');
    expect(JSON.stringify(before)).not.toContain('part:crash');
  });

  it('a removal meeting a dead import rolls it back too', async () => {
    await h.reset();
    await h.load(fixture('worked-example.json'));
    await crashedImport();
    // The data set named here does not exist: what matters is that the dead import is gone first.
    await expect(removeDataset(h.db.executor, 'no-such-set', { staleAfterMs: 0 })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await openImports(h.db.executor)).toEqual([]);
  });
});

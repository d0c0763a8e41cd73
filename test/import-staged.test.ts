// Staged imports (many transactions, one journal) on a real Neo4j: they write exactly what a
// one-transaction import writes, and when they fail or their process is killed half-way, every
// batch they committed is undone, so the database is as it was, to the property and its type.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImportFailedError, ImportInProgressError } from '../src/errors/index.js';
import { assertOwner, beginJournal, claim, commitJournal, openImports, recoverImports, rollBack } from '../src/io/import-journal.js';
import { importSources, type ImportOptions } from '../src/io/importer.js';
import { documentSource } from '../src/io/sources.js';
import { zanjir } from './helpers/cli.js';
import { dumpGraph } from './helpers/dump.js';
import { doc, edge, fixture, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
let tmp: string;
beforeAll(async () => {
  h = await startHarness();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-staged-'));
});
afterAll(async () => {
  await h.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
beforeEach(async () => {
  await h.reset();
});

/**
 * A second import over the worked example: changes steel's unit value and the Turkish importer's
 * share, adds twelve parts with a supplier each, a second output to the steel plant, and edges
 * between old and new nodes. 24 + 1 new nodes, 2 changed; 12 + 12 + 1 new edges, 1 changed.
 */
function update() {
  const nodes: unknown[] = [
    node('product:steel', 'Product', { name: 'Steel', nameFa: 'فولاد', stage: 'SEMI_FINISHED', unit: 't', unitValueUsd: 550 }),
    node('product:slag', 'Product', { name: 'Slag', nameFa: 'سرباره', stage: 'INTERMEDIATE', unit: 't' }),
  ];
  const edges: unknown[] = [
    edge('SUPPLIES', 'supplier:tr-steel', 'product:steel', { share: 0.25, volumePerYear: 100 }),
    edge('PRODUCES', 'plant:steel', 'product:slag', { capacityTpy: 50 }),
  ];
  for (let i = 0; i < 12; i += 1) {
    nodes.push(node(`part:p${i}`, 'Part', { name: `Part ${i}`, nameFa: `قطعه ${i}` }));
    nodes.push(node(`supplier:s${i}`, 'Supplier', { name: `Supplier ${i}`, nameFa: `تأمین‌کننده ${i}`, country: i % 2 ? 'CN' : 'IR' }));
    edges.push(edge('SUPPLIES', `supplier:s${i}`, `part:p${i}`, { volumePerYear: i + 1 }));
    edges.push(edge('FEEDS', `part:p${i}`, 'plant:steel', { quantityPerUnit: 0.001, output: 'product:steel' }));
  }
  return doc(nodes, edges);
}

const load = (document: unknown, options: ImportOptions = {}) => importSources(h.db.executor, [documentSource(document)], options);

async function meta() {
  return (await h.db.executor.read('meta/get'))[0];
}

describe('a staged import', () => {
  it('writes exactly what one transaction writes, and leaves no journal behind', async () => {
    await load(fixture('worked-example.json'));
    const single = await load(update(), { mode: 'single' });
    const expected = await dumpGraph(h.db.executor);

    await h.reset();
    await load(fixture('worked-example.json'));
    const staged = await load(update(), { mode: 'staged', batchSize: 2 });
    expect(staged.mode).toBe('staged');
    expect(single.mode).toBe('single');
    expect({ nodes: staged.nodes, edges: staged.edges }).toEqual({ nodes: single.nodes, edges: single.edges });
    expect(staged.nodes).toEqual({ created: 25, updated: 1, unchanged: 0 });
    expect(staged.edges).toEqual({ created: 25, updated: 1, unchanged: 0 });
    // The dump lists every node, journal nodes included: none may be left.
    expect(await dumpGraph(h.db.executor)).toEqual(expected);
    expect(await openImports(h.db.executor)).toEqual([]);
  });

  it('is chosen on its own above the single-transaction limit', async () => {
    const summary = await load(fixture('worked-example.json'), { singleTransactionMax: 10 });
    expect(summary.mode).toBe('staged');
    expect(summary.nodes.created).toBe(9);
  });

  it('that fails half-way undoes every batch it committed: new records gone, changed ones restored', async () => {
    await load(fixture('worked-example.json'));
    const before = await dumpGraph(h.db.executor);
    const metaBefore = await meta();
    const error = await load(update(), { mode: 'staged', batchSize: 2, fault: { after: 9, kind: 'fail' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect((error as ImportFailedError).message).toContain('was rolled back, the database is as it was');
    expect((error as ImportFailedError).batches).toBe(9);
    expect(await dumpGraph(h.db.executor)).toEqual(before);
    expect(await meta()).toEqual(metaBefore);
    expect(await openImports(h.db.executor)).toEqual([]);
  });

  it('that fails in its edges also restores the changed edge and removes the new ones', async () => {
    await load(fixture('worked-example.json'));
    const before = await dumpGraph(h.db.executor);
    // 26 nodes in batches of 10 per kind make 5 batches; the fault strikes after two edge batches.
    const error = await load(update(), { mode: 'staged', batchSize: 10, fault: { after: 7, kind: 'fail' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(await dumpGraph(h.db.executor)).toEqual(before);
  });

  it('into an empty database leaves it empty, without a data set record', async () => {
    const error = await load(fixture('worked-example.json'), { mode: 'staged', batchSize: 3, fault: { after: 2, kind: 'fail' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(await dumpGraph(h.db.executor)).toEqual({ nodes: [], edges: [] });
    expect((await meta())?.homeCountry ?? null).toBeNull();
  });
});

describe('an import whose process is killed half-way', () => {
  it('makes other imports wait while it may be alive, and is rolled back once it is silent', async () => {
    await load(fixture('worked-example.json'));
    const before = await dumpGraph(h.db.executor);
    const file = path.join(tmp, 'update.json');
    fs.writeFileSync(file, JSON.stringify(update()));

    const run = await zanjir(['import', file, '--staged', '--batch-size', '2'], { ZANJIR_FAULT: 'import-crash-after-batch:6' });
    expect(run.signal).toBe('SIGKILL');
    // Six batches stand in the database, with their journal.
    const [open] = await openImports(h.db.executor);
    expect(open).toMatchObject({ state: 'writing', batches: 6, sources: ['update.json'] });
    expect(await dumpGraph(h.db.executor)).not.toEqual(before);

    // Its heartbeat is fresh: another import is refused rather than run alongside it.
    await expect(load(update())).rejects.toBeInstanceOf(ImportInProgressError);
    const refused = await zanjir(['import', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Another import is being written');

    // Once it has been silent long enough (here: at once), the next import rolls it back first.
    const lines: string[] = [];
    expect(await recoverImports(h.db.executor, { staleAfterMs: 0, log: (l) => lines.push(l) })).toBe(1);
    expect(lines.join('\n')).toContain('stopped after 6 batches without finishing; rolling it back');
    expect(await dumpGraph(h.db.executor)).toEqual(before);
    const retry = await zanjir(['import', file, '--staged', '--batch-size', '2']);
    expect(retry.code).toBe(0);
    expect(retry.stderr).toContain('staged in journaled batches');
    expect(retry.stderr).toMatch(/nodes: 25 created, 1 updated, 0 unchanged/);
  });
});

describe('one writer at a time', () => {
  it('lets only one staged import open, and no one-transaction import beside it', async () => {
    const first = await beginJournal(h.db.executor, ['a.jsonl']);
    await expect(beginJournal(h.db.executor, ['b.jsonl'])).rejects.toBeInstanceOf(ImportInProgressError);
    await expect(load(fixture('worked-example.json'), { mode: 'single' })).rejects.toBeInstanceOf(ImportInProgressError);
    expect(await claim(h.db.executor, first.importId, first.owner, Number.MAX_SAFE_INTEGER)).toBe(true);
    await rollBack(h.db.executor, first);
    expect(await openImports(h.db.executor)).toEqual([]);
    expect((await load(fixture('worked-example.json'))).nodes.created).toBe(9);
  });

  it('stops a writer whose import was taken over: it can neither write a batch nor commit', async () => {
    const writer = await beginJournal(h.db.executor, ['slow.jsonl']);
    // Not yet silent long enough: another process cannot take it.
    expect(await claim(h.db.executor, writer.importId, 'someone-else', 120)).toBe(false);
    expect(await claim(h.db.executor, writer.importId, 'someone-else', 0)).toBe(true);
    const batch = h.db.executor.writeTransaction((tx) => assertOwner(tx, writer, 'writing', 1));
    await expect(batch).rejects.toThrow(/taken over by another process/);
    await expect(commitJournal(h.db.executor, writer)).rejects.toThrow(/taken over/);
    // Nor can it roll back what is now someone else's to roll back.
    await expect(rollBack(h.db.executor, writer)).rejects.toThrow(/taken over/);
    await rollBack(h.db.executor, { importId: writer.importId, owner: 'someone-else' });
    expect(await openImports(h.db.executor)).toEqual([]);
  });
});

describe('updates that leave fields out', () => {
  it('keep the stored aliases searchable, and a staged rollback restores the search fields', async () => {
    await load(doc([node('mine:sungun', 'Mine', { name: 'Sungun copper mine', nameFa: 'معدن مس سونگون', aliases: ['Songun'] })]));
    const found = async () => (await h.query(`{ search(text: "Songun") { node { id } } }`)).search.map((r: any) => r.node.id);
    expect(await found()).toEqual(['mine:sungun']);
    // The same mine again, without aliases: they stay, and so does finding it by one.
    const again = await load(doc([node('mine:sungun', 'Mine', { name: 'Sungun copper mine', nameFa: 'معدن مس سونگون' })]));
    expect(again.nodes).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await found()).toEqual(['mine:sungun']);

    const before = await h.db.executor.runReadOnlyCypher(`MATCH (n:Mine {id: 'mine:sungun'}) RETURN properties(n) AS p`, {}, { rowCap: 1, timeoutMs: 10_000 });
    const failed = load(doc([node('mine:sungun', 'Mine', { name: 'Sungun mine', nameFa: 'معدن سونگون' }), node('mine:x', 'Mine', { name: 'X', nameFa: 'ایکس' })]), { mode: 'staged', batchSize: 1, fault: { after: 1, kind: 'fail' } });
    await expect(failed).rejects.toBeInstanceOf(ImportFailedError);
    const after = await h.db.executor.runReadOnlyCypher(`MATCH (n:Mine {id: 'mine:sungun'}) RETURN properties(n) AS p`, {}, { rowCap: 1, timeoutMs: 10_000 });
    expect(after.rows).toEqual(before.rows);
  });
});


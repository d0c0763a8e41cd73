// Data sets (issue 14): every import is recorded; removing one takes out exactly what only it
// brought and puts back what it overwrote, so the graph is byte for byte as before (a hash of
// its full export and of every stored property, derived search fields included).

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportStream, resolveScope } from '../src/io/export/index.js';
import { importSources } from '../src/io/importer.js';
import { removeDataset } from '../src/io/dataset-removal.js';
import { documentSource } from '../src/io/sources.js';
import { zanjir } from './helpers/cli.js';
import { doc, edge, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;

const BASE = doc(
  [
    node('mine:a', 'Mine', { name: 'Mine A', capacityTpy: 100, asOf: 2019 }),
    node('product:ore', 'Product', { unitValueUsd: 40 }),
    node('plant:p', 'Plant', { operator: 'X Co.' }),
    node('product:out', 'Product', { stage: 'FINISHED' }),
  ],
  [edge('EXTRACTS', 'mine:a', 'product:ore', { capacityTpy: 100 }), edge('FEEDS', 'product:ore', 'plant:p', { quantityPerUnit: 1.5 }), edge('PRODUCES', 'plant:p', 'product:out')],
);

// Updates mine:a (renamed, new capacity and date, a note added) and its EXTRACTS edge; says the
// ore again unchanged; creates a supplier, a by-product, and three edges (one between nodes
// that existed before).
const UPDATE = doc(
  [
    node('mine:a', 'Mine', { name: 'Mine A (revised)', capacityTpy: 120, asOf: 2024, note: 'revised figures' }),
    node('product:ore', 'Product', { unitValueUsd: 40 }),
    node('supplier:new', 'Supplier', { country: 'CN' }),
    node('product:byproduct', 'Product'),
  ],
  [
    edge('EXTRACTS', 'mine:a', 'product:ore', { capacityTpy: 120, asOf: 2024 }),
    edge('SUPPLIES', 'supplier:new', 'product:ore', { volumePerYear: 5 }),
    edge('PRODUCES', 'plant:p', 'product:byproduct'),
    edge('FEEDS', 'product:out', 'plant:p', { quantityPerUnit: 0.1 }),
  ],
);

/** A hash of the full JSON Lines export, and of every stored property but `_datasets` (search fields included). */
async function fingerprint(): Promise<{ exportHash: string; stored: string }> {
  const hash = createHash('sha256');
  const scope = await resolveScope(h.db.executor, {});
  for await (const chunk of exportStream(h.db.executor, scope, 'jsonl')) hash.update(chunk);
  const limits = { rowCap: 100_000, timeoutMs: 30_000 };
  const nodes = await h.db.executor.runReadOnlyCypher(
    `MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, [k IN keys(n) WHERE k <> '_datasets' | [k, valueType(n[k]), n[k]]] AS props ORDER BY id`,
    {},
    limits,
  );
  const edges = await h.db.executor.runReadOnlyCypher(
    `MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id + ' ' + type(r) + ' ' + b.id + ' ' + coalesce(r.output, '') AS key, [k IN keys(r) WHERE k <> '_datasets' | [k, valueType(r[k]), r[k]]] AS props ORDER BY key`,
    {},
    limits,
  );
  const canon = (rows: unknown[][]) => JSON.stringify(rows.map((r) => r.map((v) => (Array.isArray(v) && Array.isArray(v[0]) ? [...(v as unknown[][])].sort((x, y) => String(x[0]).localeCompare(String(y[0]))) : v))));
  return { exportHash: hash.digest('hex'), stored: canon(nodes.rows) + canon(edges.rows) };
}

async function bookkeeping(): Promise<number> {
  const r = await h.db.executor.runReadOnlyCypher(
    `MATCH (x) WHERE x:ZanjirDataset OR x:ZanjirDatasetUndo OR x:ZanjirDatasetWrite OR x:ZanjirDatasetBatch RETURN count(x) AS n`,
    {},
    { rowCap: 10, timeoutMs: 10_000, bookkeeping: true },
  );
  return Number(r.rows[0]![0]);
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.reset();
  await importSources(h.db.executor, [documentSource(BASE)], { dataset: { name: 'base', by: 'test' } });
});

describe('every import is a data set', () => {
  it('records name, files, checksum, who, when and counts; records know who wrote them', async () => {
    const summary = await importSources(h.db.executor, [documentSource(UPDATE)], { dataset: { name: 'update-2024', by: 'test:alice' } });
    expect(summary.dataset).toBe('update-2024');
    const data = await h.query(`{ datasets { name state files checksum importedBy importedAt nodes { created updated unchanged } edges { created updated unchanged } } }`);
    expect(data.datasets.map((d: { name: string }) => d.name)).toEqual(['base', 'update-2024']);
    const d = data.datasets[1];
    expect(d).toMatchObject({ state: 'committed', files: ['document'], importedBy: 'test:alice', nodes: { created: 2, updated: 1, unchanged: 1 }, edges: { created: 3, updated: 1, unchanged: 0 } });
    // The checksum is of the records: the same records give the same sum, whatever the file.
    const lines = [...UPDATE.nodes, ...UPDATE.edges].map((r) => `${JSON.stringify(r)}\n`).join('');
    expect(d.checksum).toBe(createHash('sha256').update(lines).digest('hex'));
    expect(Date.now() - Date.parse(d.importedAt)).toBeLessThan(10 * 60_000);

    const nodes = await h.query(`{ a: node(id: "mine:a") { datasets } s: node(id: "supplier:new") { datasets } p: node(id: "plant:p") { datasets }
      only: nodes(filter: { dataset: "update-2024" }, first: 50) { totalCount edges { node { id } } } }`);
    expect(nodes.a.datasets).toEqual(['base', 'update-2024']);
    expect(nodes.s.datasets).toEqual(['update-2024']);
    expect(nodes.p.datasets).toEqual(['base']);
    // mine:a (updated), the ore (said again), the two it created.
    expect(nodes.only.totalCount).toBe(4);
    expect(nodes.only.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(['mine:a', 'product:byproduct', 'product:ore', 'supplier:new']);
  });

  it('a default name comes from the file, numbered when taken', async () => {
    const first = await importSources(h.db.executor, [documentSource(doc([node('mine:z', 'Mine')]))]);
    const second = await importSources(h.db.executor, [documentSource(doc([node('mine:z2', 'Mine')]))]);
    expect([first.dataset, second.dataset]).toEqual(['document', 'document-2']);
  });
});

describe('removing a data set', () => {
  it('leaves the graph byte for byte as before, including the nodes and edges it updated but did not create', async () => {
    const before = await fingerprint();
    await importSources(h.db.executor, [documentSource(UPDATE)], { dataset: { name: 'update-2024' } });
    expect((await fingerprint()).exportHash).not.toBe(before.exportHash);
    const { removeDataset: r } = await h.query(`mutation { removeDataset(name: "update-2024") { name nodesDeleted edgesDeleted nodesRestored edgesRestored } }`);
    // Created: supplier:new and the by-product, and three edges; updated: mine:a and its EXTRACTS edge.
    expect(r).toEqual({ name: 'update-2024', nodesDeleted: 2, edgesDeleted: 3, nodesRestored: 1, edgesRestored: 1 });
    expect(await fingerprint()).toEqual(before);
    // The search keys came back with the name: the revised name no longer finds it.
    const hits = await h.query(`{ search(text: "revised", first: 5) { node { id } } }`);
    expect(hits.search).toEqual([]);
    expect((await h.query(`{ datasets { name } }`)).datasets).toEqual([{ name: 'base' }]);
    expect((await h.query(`{ node(id: "mine:a") { datasets } }`)).node.datasets).toEqual(['base']);
  });

  it('the same when the import was staged in journaled batches', async () => {
    const before = await fingerprint();
    const summary = await importSources(h.db.executor, [documentSource(UPDATE)], { dataset: { name: 'staged' }, mode: 'staged', batchSize: 1 });
    expect(summary.mode).toBe('staged');
    await removeDataset(h.db.executor, 'staged');
    expect(await fingerprint()).toEqual(before);
  });

  it('keeps what another data set also wrote, and values changed since', async () => {
    await importSources(h.db.executor, [documentSource(UPDATE)], { dataset: { name: 'update-2024' } });
    // A later data set says the supplier again and writes a new note on the mine.
    await importSources(h.db.executor, [documentSource(doc([node('supplier:new', 'Supplier', { country: 'CN' }), node('mine:a', 'Mine', { name: 'Mine A, checked 2025', note: 'checked in 2025' })]))], { dataset: { name: 'later' } });
    await removeDataset(h.db.executor, 'update-2024');
    const data = await h.query(`{ s: node(id: "supplier:new") { id datasets } a: node(id: "mine:a") { name note asOf datasets ... on Mine { capacityTpy } } }`);
    expect(data.s).toEqual({ id: 'supplier:new', datasets: ['later'] });
    // Capacity and date go back to the base's; the name and note are the later data set's.
    expect(data.a).toEqual({ name: 'Mine A, checked 2025', note: 'checked in 2025', asOf: '2019', capacityTpy: 100, datasets: ['base', 'later'] });
    // What only it brought is gone.
    expect((await h.gql(`{ node(id: "product:byproduct") { id } }`)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }, 60_000);

  it('is refused, changing nothing, while another data set hangs on its nodes', async () => {
    await importSources(h.db.executor, [documentSource(UPDATE)], { dataset: { name: 'update-2024' } });
    await importSources(h.db.executor, [documentSource(doc([], [edge('SUPPLIES', 'supplier:new', 'product:out', { share: 1 })]))], { dataset: { name: 'depends' } });
    const before = await fingerprint();
    const res = await h.gql(`mutation { removeDataset(name: "update-2024") { name } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('DATASET_IN_USE');
    expect(res.errors?.[0]?.message).toContain('supplier:new -SUPPLIES-> product:out');
    expect(await fingerprint()).toEqual(before);
    // Newest first works.
    await removeDataset(h.db.executor, 'depends');
    await removeDataset(h.db.executor, 'update-2024');
    expect((await h.query(`{ datasets { name } }`)).datasets).toEqual([{ name: 'base' }]);
  }, 60_000);

  it('an edit does not change where a record came from: the data set still lists it, and its removal takes it', async () => {
    await importSources(h.db.executor, [documentSource(UPDATE)], { dataset: { name: 'update-2024' } });
    await h.query(`mutation { upsertNode(node: { id: "supplier:new", kind: "Supplier", name: "Renamed by hand" }) { change { changeId } } }`);
    await h.query(`mutation { upsertEdge(edge: { type: "SUPPLIES", from: "supplier:new", to: "product:ore", volumePerYear: 6 }) { change { changeId } } }`);
    const listed = await h.query(`{ nodes(filter: { dataset: "update-2024" }, first: 50) { edges { node { id name datasets } } } }`);
    expect(listed.nodes.edges.map((e: any) => e.node)).toContainEqual({ id: 'supplier:new', name: 'Renamed by hand', datasets: ['update-2024'] });
    await removeDataset(h.db.executor, 'update-2024');
    // What only it brought goes, edited or not (docs/decisions.md, Data sets); the change log keeps the edit.
    expect((await h.gql(`{ node(id: "supplier:new") { id } }`)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }, 60_000);

  it('a node deleted by hand and restored by undoChange still belongs to its data set, edges and all', async () => {
    await importSources(h.db.executor, [documentSource(UPDATE)], { dataset: { name: 'update-2024' } });
    const deleted = await h.query(`mutation { deleteNode(id: "supplier:new") { changeId } }`);
    await h.query(`mutation { undoChange(changeId: "${deleted.deleteNode.changeId}") { changeId } }`);
    expect((await h.query(`{ node(id: "supplier:new") { datasets } }`)).node.datasets).toEqual(['update-2024']);
    // Its removal takes the restored node and its restored edge, and leaves the graph as before.
    await removeDataset(h.db.executor, 'update-2024');
    expect((await h.gql(`{ node(id: "supplier:new") { id } }`)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }, 60_000);

  it('a restored node keeps only the data sets that still exist', async () => {
    await importSources(h.db.executor, [documentSource(UPDATE)], { dataset: { name: 'update-2024' } });
    await importSources(h.db.executor, [documentSource(doc([node('supplier:new', 'Supplier', { country: 'CN' })]))], { dataset: { name: 'later' } });
    const deleted = await h.query(`mutation { deleteNode(id: "supplier:new") { changeId } }`);
    await removeDataset(h.db.executor, 'later');
    await h.query(`mutation { undoChange(changeId: "${deleted.deleteNode.changeId}") { changeId } }`);
    expect((await h.query(`{ node(id: "supplier:new") { datasets } }`)).node.datasets).toEqual(['update-2024']);
  }, 60_000);

  it('a staged import that fails forgets its data set: no name on any record, no bookkeeping', async () => {
    const before = await fingerprint();
    const kept = await bookkeeping();
    await expect(importSources(h.db.executor, [documentSource(UPDATE)], { dataset: { name: 'doomed' }, mode: 'staged', batchSize: 1, fault: { after: 3, kind: 'fail' } })).rejects.toMatchObject({ code: 'IMPORT_FAILED' });
    expect(await fingerprint()).toEqual(before);
    expect(await bookkeeping()).toBe(kept);
    expect((await h.query(`{ nodes(filter: { dataset: "doomed" }) { totalCount } datasets { name } }`))).toEqual({ nodes: { totalCount: 0 }, datasets: [{ name: 'base' }] });
  }, 60_000);
});

describe('hostile input', () => {
  it('refuses unknown and malformed names, taken names, and leaves everything as it was', async () => {
    const before = await fingerprint();
    const code = async (q: string, v: Record<string, unknown> = {}) => (await h.gql(q, v)).errors?.[0]?.extensions?.code;
    expect(await code(`mutation { removeDataset(name: "nope") { name } }`)).toBe('NOT_FOUND');
    expect(await code(`mutation { removeDataset(name: "bad name!") { name } }`)).toBe('BAD_USER_INPUT');
    expect(await code(`mutation ($n: String!) { removeDataset(name: $n) { name } }`, { n: 'x'.repeat(101) })).toBe('BAD_USER_INPUT');
    expect(await code(`mutation ($d: JSON!) { importGraph(document: $d, dataset: "base") { dataset } }`, { d: UPDATE })).toBe('DATASET_EXISTS');
    expect(await code(`mutation ($d: JSON!) { importGraph(document: $d, dataset: "../../etc") { dataset } }`, { d: UPDATE })).toBe('BAD_USER_INPUT');
    expect(await code(`{ nodes(filter: { dataset: "no such; name" }) { totalCount } }`)).toBe('BAD_USER_INPUT');
    expect(await fingerprint()).toEqual(before);
  });

  it('zanjir datasets lists and removes, and says what is wrong', async () => {
    await importSources(h.db.executor, [documentSource(UPDATE)], { dataset: { name: 'update-2024' } });
    const list = await zanjir(['datasets']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/update-2024/);
    expect(list.stdout).toMatch(/base/);
    const bad = await zanjir(['datasets', 'remove', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/No data set .*nope|nope/);
    const removed = await zanjir(['datasets', 'remove', 'update-2024']);
    expect(removed.code).toBe(0);
    expect(removed.stderr).toContain('deleted 2 nodes and 3 edges it alone brought; restored 1 nodes and 1 edges');
  }, 120_000);
});

describe('who may remove', () => {
  it('needs the admin role (the datasets operation); an editor may import but not remove', async () => {
    const editor = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'editor' });
    try {
      await importSources(editor.db.executor, [documentSource(BASE)], { dataset: { name: 'base' } });
      const res = await editor.gql(`mutation { removeDataset(name: "base") { name } }`);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toContain('datasets needs the admin role');
      expect((await editor.query(`{ datasets { name } }`)).datasets).toEqual([{ name: 'base' }]);
    } finally {
      await editor.close();
    }
  }, 60_000);
});

// A first staged load into an empty database writes records proved new with CREATE, drops the
// secondary indexes and per-kind id constraints while it writes, and builds them again after:
// whether it commits or rolls back, the schema is as it was, and what it wrote is exactly what a
// one-transaction import writes.

import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import { ImportFailedError } from '../src/errors/index.js';
import { importSources, type ImportOptions } from '../src/io/importer.js';
import { documentSource } from '../src/io/sources.js';
import { dumpGraph } from './helpers/dump.js';
import { doc, edge, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
let driver: Driver;
beforeAll(async () => {
  h = await startHarness();
  driver = neo4j.driver(inject('boltUri'), neo4j.auth.basic('neo4j', inject('boltPassword')));
});
afterAll(async () => {
  await driver.close();
  await h.close();
});
beforeEach(async () => {
  await h.reset();
});

async function schemaNames(): Promise<string[]> {
  const session = driver.session();
  try {
    const indexes = await session.run('SHOW INDEXES YIELD name RETURN name');
    const constraints = await session.run('SHOW CONSTRAINTS YIELD name RETURN name');
    return [...indexes.records, ...constraints.records].map((r) => String(r.get('name'))).sort();
  } finally {
    await session.close();
  }
}

/** A chain of 40 mines, ores, plants and products, and an edge from each to the next. */
function chain() {
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  for (let i = 0; i < 10; i += 1) {
    nodes.push(node(`mine:m${i}`, 'Mine', { name: `Mine ${i}`, nameFa: `معدن ${i}` }));
    nodes.push(node(`product:ore${i}`, 'Product', { name: `Ore ${i}`, nameFa: `سنگ ${i}`, stage: 'ORE' }));
    nodes.push(node(`plant:p${i}`, 'Plant', { name: `Plant ${i}`, nameFa: `کارخانه ${i}` }));
    nodes.push(node(`product:c${i}`, 'Product', { name: `Concentrate ${i}`, nameFa: `کنسانتره ${i}`, stage: 'CONCENTRATE' }));
    edges.push(edge('EXTRACTS', `mine:m${i}`, `product:ore${i}`, { capacityTpy: 1000 + i }));
    edges.push(edge('FEEDS', `product:ore${i}`, `plant:p${i}`, { quantityPerUnit: 2 }));
    edges.push(edge('PRODUCES', `plant:p${i}`, `product:c${i}`, { share: 1 }));
  }
  return doc(nodes, edges);
}

/** Polls the schema while `work` runs; returns the smallest one seen without product_id, or null. */
async function schemaWhile(work: Promise<unknown>): Promise<string[] | null> {
  let done = false;
  const finished = work.finally(() => (done = true));
  let seen: string[] | null = null;
  while (!done) {
    const names = await schemaNames();
    if (!names.includes('product_id') && (seen === null || names.length < seen.length)) seen = names;
  }
  await finished;
  return seen;
}

const load = (document: unknown, options: ImportOptions = {}) => importSources(h.db.executor, [documentSource(document)], options);

describe('a first staged load into an empty database', () => {
  it('writes what a one-transaction import writes, without the indexes while it writes, and with them after', async () => {
    await load(chain(), { mode: 'single' });
    const expected = await dumpGraph(h.db.executor);
    await h.reset();

    const schema = await schemaNames();
    expect(schema).toEqual(expect.arrayContaining(['entity_id', 'product_id', 'entity_names', 'entity_search_key']));
    const summary = await load(chain(), { mode: 'staged', batchSize: 7 });
    expect(summary.mode).toBe('staged');
    expect(summary.nodes).toEqual({ created: 40, updated: 0, unchanged: 0 });
    expect(summary.edges).toEqual({ created: 30, updated: 0, unchanged: 0 });
    expect(await dumpGraph(h.db.executor)).toEqual(expected);
    expect(await schemaNames()).toEqual(schema);
    // Searchable at once: the full-text and substring indexes are online again.
    const hits = await h.query(`{ search(text: "Concentrate 7") { node { id } } }`);
    expect(hits.search[0].node.id).toBe('product:c7');
  });

  it('drops the secondary indexes and per-kind constraints only while it writes', async () => {
    const seen = await schemaWhile(load(chain(), { mode: 'staged', batchSize: 5 }));
    expect(seen, 'the schema was seen without product_id while the load ran').not.toBeNull();
    expect(seen).toContain('entity_id');
    expect(seen).not.toContain('entity_names');
    expect(seen).toEqual(expect.arrayContaining(['zanjir_import_batch', 'zanjir_import_undo', 'zanjir_import_slot']));
    expect(await schemaNames()).toContain('product_id');
  });

  it('that fails leaves the database empty and the schema whole', async () => {
    const schema = await schemaNames();
    const error = await load(chain(), { mode: 'staged', batchSize: 5, fault: { after: 6, kind: 'fail' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(await dumpGraph(h.db.executor)).toEqual({ nodes: [], edges: [] });
    expect(await schemaNames()).toEqual(schema);
  });

  it('keeps the indexes when the database is not empty', async () => {
    await load(doc([node('mine:first', 'Mine', { name: 'First', nameFa: 'نخست' })]));
    expect(await schemaWhile(load(chain(), { mode: 'staged', batchSize: 5 }))).toBeNull();
    // Edges between nodes the import creates are created, not merged, and the counts say so.
    expect((await load(chain(), { mode: 'staged', batchSize: 5 })).edges).toEqual({ created: 0, updated: 0, unchanged: 30 });
  });
});

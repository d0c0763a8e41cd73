// What a first bulk load may drop while it writes: never what keeps two writers apart (the one
// uniqueness constraint per node, the import lock, a data set's unique name), always the search
// and lookup indexes that are cheaper to build once afterwards.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulkLoadDroppable } from './schema.js';

const CYPHER = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'cypher');

describe('bulkLoadDroppable', () => {
  const dropped = new Set(bulkLoadDroppable(CYPHER).map((d) => d.name));

  it('keeps the constraints that refuse a duplicate node, a second import and a taken data-set name', () => {
    for (const kept of ['entity_id', 'zanjir_import_lock', 'zanjir_dataset_name', 'zanjir_dataset_import']) expect(dropped.has(kept), kept).toBe(false);
  });

  it('drops the indexes that are cheaper built in bulk afterwards', () => {
    for (const name of ['entity_category', 'zanjir_dataset_undo', 'zanjir_dataset_batch']) expect(dropped.has(name), name).toBe(true);
  });
});

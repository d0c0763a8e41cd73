// Issue 22, finding 4: a data-set removal raced with edits: an edit adding an edge to one of the
// data set's nodes, committed while the removal ran, reported "created" and the removal then took
// the edge with the node. Removals now hold the same lock as edits and imports: an edit is either
// before the removal (which then refuses, DATASET_IN_USE) or after it (and finds no node).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataset } from '../../src/io/dataset-removal.js';
import { Edits } from '../../src/io/edits.js';
import { importSources } from '../../src/io/importer.js';
import { documentSource } from '../../src/io/sources.js';
import { doc, fixture, node } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const N = 20_000;

describe('a data-set removal is serialised with edits', () => {
  it('no edit reports an edge created that the removal then deletes', async () => {
    await h.load(fixture('worked-example.json'));
    const ore = Array.from({ length: N }, (_, i) => node(`product:big-ore-${i}`, 'Product', { name: `Big ore ${i}`, nameFa: `سنگ ${i}`, stage: 'ORE', unit: 't' }));
    await importSources(h.db.executor, [documentSource(doc(ore))], { dataset: { name: 'ore', by: 'test' } });

    const edits = new Edits(h.db.executor);
    const removal = removeDataset(h.db.executor, 'ore').then(
      () => 'removed',
      (e: { extensions?: { code?: string } }) => e.extensions?.code ?? String(e),
    );
    const attempts: Promise<string | null>[] = [];
    for (let i = 0; i < 30; i += 1) {
      await new Promise((r) => setTimeout(r, 40));
      const to = `product:big-ore-${N - 1 - i}`;
      attempts.push(edits.upsertEdge('test', { type: 'EXTRACTS', from: 'mine:a', to }).then(() => to, () => null));
    }
    const created = (await Promise.all(attempts)).filter((t): t is string => t !== null);
    const outcome = await removal;
    // Every edge an edit reported created exists: whatever the order, nothing was lost.
    const found = await h.db.executor.runReadOnlyCypher("MATCH (:Entity {id: 'mine:a'})-[:EXTRACTS]->(p) RETURN p.id AS id", {}, { rowCap: 10_000, timeoutMs: 10_000 });
    const standing = found.rows.map((r) => String(r[0]));
    expect({ outcome, lost: created.filter((t) => !standing.includes(t)) }).toMatchObject({ lost: [] });
    expect(['removed', 'DATASET_IN_USE']).toContain(outcome);
  });
});

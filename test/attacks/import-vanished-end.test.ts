// Issue 22, finding 6: an import whose edge's end was deleted between the import's check and its
// write succeeded, counting the edge "unchanged", and the edge did not exist. All or nothing means
// the import is refused and writes nothing.

import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importSources } from '../../src/io/importer.js';
import { documentSource } from '../../src/io/sources.js';
import { doc, edge, fixture, node } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('an edge whose end vanishes between check and write', () => {
  it('refuses the import instead of dropping the edge', async () => {
    await h.load(fixture('worked-example.json'));
    await h.load(doc([node('product:race-target', 'Product', { name: 'Race target', nameFa: 'هدف', stage: 'ORE', unit: 't' })]));
    const mines = Array.from({ length: 30_000 }, (_, i) => node(`mine:race-${i}`, 'Mine', { name: `Race mine ${i}`, nameFa: `معدن ${i}` }));
    const document = doc(mines, [edge('EXTRACTS', 'mine:a', 'product:race-target')]);

    // Another session deletes the target once the import has passed its check.
    const driver = neo4j.driver(inject('boltUri'), neo4j.auth.basic('neo4j', inject('boltPassword')));
    let deletion: Promise<unknown> | null = null;
    try {
      const outcome = await importSources(h.db.executor, [documentSource(document)], {
        onProgress: (p) => {
          if (p.phase === 'write-nodes' && !deletion) {
            const session = driver.session();
            deletion = session.run("MATCH (n:Entity {id: 'product:race-target'}) DETACH DELETE n").finally(() => session.close());
          }
        },
      }).then(
        (summary) => ({ summary }),
        (error: { extensions?: { code?: string } }) => ({ code: error.extensions?.code ?? String(error) }),
      );
      await deletion;
      expect(outcome).not.toHaveProperty('summary');
      // Nothing of the import stands.
      const left = await h.db.executor.runReadOnlyCypher("MATCH (n:Mine) WHERE n.id STARTS WITH 'mine:race-' RETURN count(n) AS n", {}, { rowCap: 1, timeoutMs: 10_000 });
      expect(Number(left.rows[0]![0])).toBe(0);
    } finally {
      await driver.close();
    }
  });
});

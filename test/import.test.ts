// The importer against a real Neo4j: counts, idempotence, all-or-nothing refusals that name
// every bad record by position, JSON Lines streaming, Solar Hijri dates.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImportValidationError } from '../src/errors/index.js';
import { importSources } from '../src/io/importer.js';
import { jsonLinesSource, jsonFileSource } from '../src/io/sources.js';
import { doc, edge, fixture, FIXTURES, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
let tmp: string;
beforeAll(async () => {
  h = await startHarness();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-import-test-'));
});
afterAll(async () => {
  await h.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
beforeEach(async () => {
  await h.reset();
});

async function counts() {
  return h.db.store.counts();
}

async function refusal(document: unknown): Promise<ImportValidationError> {
  const error = await h.load(document).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportValidationError);
  return error as ImportValidationError;
}

describe('importing a valid document', () => {
  it('creates every node and edge, then changes nothing on a second run', async () => {
    const first = await h.load(fixture('worked-example.json'));
    // The fixture has 9 nodes and 8 edges (counted by hand in test/fixtures/worked-example.json).
    expect(first.nodes).toEqual({ created: 9, updated: 0, unchanged: 0 });
    expect(first.edges).toEqual({ created: 8, updated: 0, unchanged: 0 });
    const second = await h.load(fixture('worked-example.json'));
    expect(second.nodes).toEqual({ created: 0, updated: 0, unchanged: 9 });
    expect(second.edges).toEqual({ created: 0, updated: 0, unchanged: 8 });
    expect(await counts()).toEqual({
      nodes: { Mine: 1, Part: 1, Plant: 2, Product: 3, Supplier: 2 },
      edges: { EXTRACTS: 1, FEEDS: 3, PRODUCES: 2, SUPPLIES: 2 },
    });
  });

  it('updates what changed and reports it', async () => {
    await h.load(fixture('worked-example.json'));
    const changed = await h.load(
      doc([node('product:ore', 'Product', { name: 'Iron ore', nameFa: 'سنگ‌آهن', stage: 'ORE', unit: 't', unitValueUsd: 45 })], [
        edge('EXTRACTS', 'mine:a', 'product:ore', { capacityTpy: 1200 }),
      ]),
    );
    expect(changed.nodes).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(changed.edges).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const data = await h.query(`{ node(id: "product:ore") { ... on Product { unitValueUsd suppliers { edge { capacityTpy } } } } }`);
    expect(data.node).toEqual({ unitValueUsd: 45, suppliers: [{ edge: { capacityTpy: 1200 } }] });
  });

  it('keeps FEEDS edges for different outputs of one plant apart', async () => {
    await h.load(
      doc(
        [node('product:ore', 'Product'), node('product:a', 'Product'), node('product:b', 'Product'), node('plant:p', 'Plant')],
        [
          edge('FEEDS', 'product:ore', 'plant:p', { quantityPerUnit: 1, output: 'product:a' }),
          edge('FEEDS', 'product:ore', 'plant:p', { quantityPerUnit: 2, output: 'product:b' }),
          edge('PRODUCES', 'plant:p', 'product:a'),
          edge('PRODUCES', 'plant:p', 'product:b'),
        ],
      ),
    );
    expect((await counts()).edges.FEEDS).toBe(2);
    const again = await h.load(doc([], [edge('FEEDS', 'product:ore', 'plant:p', { quantityPerUnit: 3, output: 'product:b' })]));
    expect(again.edges).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const data = await h.query(`{ node(id: "plant:p") { ... on Plant { inputs { edge { output quantityPerUnit } } } } }`);
    const byOutput = Object.fromEntries(data.node.inputs.map((l: any) => [l.edge.output, l.edge.quantityPerUnit]));
    expect(byOutput).toEqual({ 'product:a': 1, 'product:b': 3 });
  });

  it('stores Solar Hijri dates as ISO dates and keeps Persian text byte for byte', async () => {
    const nameFa = 'پروژه بومی‌سازی الکترود گرافیتی';
    await h.load(doc([node('project:x', 'Project', { nameFa, startedAt: '۱۴۰۱/۰۵/۲۶', status: 'ACTIVE', progress: 0.5 })]));
    const data = await h.query(`{ node(id: "project:x") { nameFa ... on Project { startedAt status progress } } }`);
    // 26 Mordad 1401 is 17 August 2022.
    expect(data.node).toEqual({ nameFa, startedAt: '2022-08-17', status: 'ACTIVE', progress: 0.5 });
  });

  it('streams JSON Lines files', async () => {
    const file = path.join(tmp, 'chain.jsonl');
    const lines = [
      { format: 'zanjir/1', homeCountry: 'IR' },
      node('mine:m', 'Mine'),
      node('product:ore', 'Product'),
      edge('EXTRACTS', 'mine:m', 'product:ore', { share: 1 }),
    ];
    fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const summary = await importSources(h.db.executor, [jsonLinesSource(file)], { batchSize: 1 });
    expect(summary.nodes.created).toBe(2);
    expect(summary.edges.created).toBe(1);
  });

  it('imports several files as one unit, with edges across files', async () => {
    const summary = await importSources(h.db.executor, [jsonFileSource(path.join(FIXTURES, 'worked-example.json'))]);
    expect(summary.sources).toEqual(['worked-example.json']);
    const more = await h.load(doc([node('part:nipple', 'Part')], [edge('COMPONENT_OF', 'part:nipple', 'part:electrode', { quantity: 1 })]));
    expect(more.edges.created).toBe(1);
  });
});

describe('refusing a bad document', () => {
  it('names every bad record by position and writes nothing', async () => {
    await h.load(doc([node('mine:existing', 'Mine')]));
    const before = await counts();
    const error = await refusal(
      doc(
        [
          node('mine:ok', 'Mine'),
          { id: 'x:1', kind: 'Quarry', name: 'x', nameFa: 'x' },
          node('product:p', 'Product', { unitValueUsd: -3 }),
          node('mine:ok', 'Plant'),
          node('mine:existing', 'Plant'),
          node('part:q', 'Part', { colour: 'red' }),
        ],
        [
          edge('EXTRACTS', 'mine:ok', 'product:p', { share: 1.5 }),
          edge('FEEDS', 'product:p', 'mine:ok', { quantityPerUnit: 1 }),
          edge('SUPPLIES', 'supplier:ghost', 'product:p'),
          edge('TELEPORTS', 'mine:ok', 'product:p'),
          edge('COMPONENT_OF', 'product:p', 'product:p', { quantity: -1 }),
        ],
      ),
    );
    const messages = error.problems.map((p) => `${p.where}|${p.field ?? ''}|${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^nodes\[1\]\|kind\|unknown kind "Quarry"/),
        expect.stringMatching(/^nodes\[2\]\|unitValueUsd\|must not be negative/),
        expect.stringMatching(/^nodes\[3\]\|id\|id given two kinds: Plant here, Mine at nodes\[0\]/),
        expect.stringMatching(/^nodes\[4\]\|id\|id given two kinds: Plant here, Mine in the database/),
        expect.stringMatching(/^nodes\[5\]\|\|unknown property "colour"/),
        expect.stringMatching(/^edges\[0\]\|share\|must be between 0 and 1/),
        expect.stringMatching(/^edges\[1\]\|to\|FEEDS must end at Plant, but mine:ok is a Mine/),
        expect.stringMatching(/^edges\[2\]\|from\|names supplier:ghost, which is neither in this import nor in the database/),
        expect.stringMatching(/^edges\[3\]\|type\|unknown edge type "TELEPORTS"/),
        expect.stringMatching(/^edges\[4\]\|quantity\|must not be negative/),
      ]),
    );
    expect(error.problems).toHaveLength(10);
    expect(error.message).toMatch(/^Import refused: 10 problems found, nothing was written\./);
    expect(await counts()).toEqual(before);
  });

  it('refuses a document with the wrong format or home country', async () => {
    const error = await refusal({ format: 'zanjir/2', homeCountry: 'iran', nodes: [] });
    expect(error.problems.map((p) => p.field)).toEqual(['format', 'homeCountry']);
  });

  it('refuses a different home country than the data set already loaded', async () => {
    await h.load(doc([node('mine:m', 'Mine')]));
    const error = await refusal(doc([node('mine:n', 'Mine')], [], 'TR'));
    expect(error.problems[0]!.message).toMatch(/database holds a IR data set/);
  });

  it('reports a JSON Lines line that is not JSON by its line number', async () => {
    const file = path.join(tmp, 'broken.jsonl');
    fs.writeFileSync(file, `{"format":"zanjir/1"}\n${JSON.stringify(node('mine:m', 'Mine'))}\n{"id": "oops",\n`);
    const error = await importSources(h.db.executor, [jsonLinesSource(file)]).catch((e) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect(error.problems[0].where).toBe('broken.jsonl line 3');
    expect((await counts()).nodes).toEqual({});
  });

  it('comes back through GraphQL as IMPORT_INVALID with the problems listed', async () => {
    const res = await h.gql(`mutation ($d: JSON!) { importGraph(document: $d) { nodes { created } } }`, {
      d: doc([node('mine:m', 'Mine', { capacityTpy: 'lots' })]),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('IMPORT_INVALID');
    expect(res.errors?.[0]?.extensions?.problems).toEqual([{ where: 'nodes[0]', record: 'mine:m', field: 'capacityTpy', message: 'must be a number' }]);
  });
});

describe('importGraph through GraphQL', () => {
  it('returns created and updated counts', async () => {
    const mutation = `mutation ($d: JSON!) { importGraph(document: $d) { homeCountry nodes { created updated unchanged } edges { created updated unchanged } } }`;
    const first = await h.query(mutation, { d: fixture('worked-example.json') });
    expect(first.importGraph).toEqual({ homeCountry: 'IR', nodes: { created: 9, updated: 0, unchanged: 0 }, edges: { created: 8, updated: 0, unchanged: 0 } });
    const second = await h.query(mutation, { d: fixture('worked-example.json') });
    expect(second.importGraph.nodes).toEqual({ created: 0, updated: 0, unchanged: 9 });
  });

  it('is refused for an analyst', async () => {
    const analyst = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'reader' });
    try {
      const res = await analyst.gql(`mutation ($d: JSON!) { importGraph(document: $d) { durationMs } }`, { d: doc([]) });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await analyst.close();
    }
  });
});

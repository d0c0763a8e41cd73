// The researchers' read-only Cypher endpoint: reads run with a row cap; anything that would
// write is refused before it runs, and the graph is unchanged afterwards.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpGraph } from './helpers/dump.js';
import { fixture } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

const CYPHER = `query ($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ZANJIR_CYPHER_ROW_CAP: '5', ZANJIR_QUERY_TIMEOUT_MS: '2000' });
  await h.load(fixture('worked-example.json'));
});
afterAll(async () => {
  await h.close();
});

describe('cypher', () => {
  it('runs a parameterised read and returns columns and rows as JSON', async () => {
    const { cypher } = await h.query(CYPHER, {
      q: 'MATCH (s:Supplier)-[r:SUPPLIES]->(i {id: $item}) RETURN s.id AS supplier, s.country AS country, r.share AS share ORDER BY supplier',
      p: { item: 'product:steel' },
    });
    expect(cypher).toEqual({ columns: ['supplier', 'country', 'share'], rows: [['supplier:tr-steel', 'TR', 0.2]], truncated: false });
  });

  it('returns nodes as plain JSON and says when the row cap cut the answer', async () => {
    const { cypher } = await h.query(CYPHER, { q: 'MATCH (n:Entity) RETURN n ORDER BY n.id' });
    expect(cypher.rows).toHaveLength(5);
    expect(cypher.truncated).toBe(true);
    expect(cypher.rows[0][0]).toMatchObject({ labels: expect.arrayContaining(['Entity', 'Mine']), properties: { id: 'mine:a' } });
  });

  it.each([
    ['CREATE (n:Mine {id: "mine:evil", name: "x", nameFa: "x"})'],
    ['MATCH (n {id: "product:steel"}) SET n.name = "hacked"'],
    ['MATCH (n {id: "product:steel"}) DETACH DELETE n'],
    ['MERGE (n:Entity {id: "x"})'],
    ['CREATE INDEX evil IF NOT EXISTS FOR (n:Mine) ON (n.name)'],
    ['MATCH (n {id: "product:ore"}) CALL (n) { SET n.unitValueUsd = 0 } RETURN n'],
    ['LOAD CSV FROM "file:///etc/passwd" AS line CREATE (:Evil {line: line})'],
  ])('refuses a write, and writes nothing: %s', async (q) => {
    const before = await dumpGraph(h.db.executor);
    const res = await h.gql(CYPHER, { q });
    expect(res.errors?.[0]?.extensions?.code).toMatch(/^(QUERY_NOT_READ_ONLY|CYPHER_ERROR)$/);
    expect(await dumpGraph(h.db.executor)).toEqual(before);
  });

  it('says what is wrong with a query that does not parse', async () => {
    const res = await h.gql(CYPHER, { q: 'MATCH (n RETURN n' });
    expect(res.errors?.[0]?.extensions?.code).toBe('CYPHER_ERROR');
    expect(res.errors?.[0]?.message).toMatch(/Invalid input/);
  });

  it('stops a query that runs past the timeout', async () => {
    const res = await h.gql(CYPHER, { q: 'UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x)' });
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TIMEOUT');
  });

  it('needs the researcher role', async () => {
    const analyst = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'reader' });
    try {
      const res = await analyst.gql(CYPHER, { q: 'RETURN 1' });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await analyst.close();
    }
  });
});

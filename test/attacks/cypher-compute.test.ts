// Issue 22, finding 1: researcher Cypher that computes inside one expression (a reduce or a list
// comprehension over a huge range(), a string doubled thirty times) never reaches a point where
// Neo4j checks for termination, so its timeout and memory cap do not stop it. Such a query must
// be refused before it runs, quickly, with a typed error; a bounded one still answers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';

const CYPHER = `query ($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'researcher', ZANJIR_QUERY_TIMEOUT_MS: '5000' });
  await h.load(fixture('worked-example.json'));
});
afterAll(async () => h?.close());

describe('researcher Cypher that could compute past every limit is refused before it runs', () => {
  it.each([
    ["WITH reduce(s = 'x', k IN range(1, 30) | s + s) AS s RETURN reduce(a = 0, x IN range(1, 200000000) | a + size(s)) AS n", {}],
    ['RETURN reduce(s = 0, x IN range(1, 2500000000) | s + x) AS n', {}],
    ['RETURN reduce(s = 0, x IN range(1, $n) | s + x) AS n', { n: 2_500_000_000 }],
    ['RETURN size([x IN range(1, 100000) | [y IN range(1, 100000) | y]]) AS n', {}],
    ["RETURN size(reduce(s = 'x', k IN range(1, 40) | replace(s, 'x', 'xx'))) AS n", {}],
    ["RETURN size(reduce(l = [1], k IN range(1, 40) | l + l)) AS n", {}],
    ["MATCH (n:Entity) WITH collect(n) AS ns RETURN size(reduce(s = 'x', k IN ns | s + s)) AS n", {}],
    ["RETURN size(replace(replace(replace(replace(replace('x', 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx')) AS n", {}],
    ['MATCH (n:Entity) RETURN reduce(s = 0, x IN range(1, n.capacity * 1000000000) | s + x) AS n', {}],
  ])('refuses %s with QUERY_TOO_LARGE at once', async (q, p) => {
    const started = Date.now();
    const res = await h.gql(CYPHER, { q, p });
    expect(res.data?.cypher ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('QUERY_TOO_LARGE');
    expect(res.errors?.[0]?.message).toMatch(/range|grow|replace/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it.each([
    'RETURN reduce(s = 0, x IN range(1, 1000) | s + x) AS n',
    "RETURN size(reduce(s = 'x', k IN range(1, 12) | s + s)) AS n",
    'UNWIND range(1, 10) AS i RETURN [j IN range(0, 3) | i * j] AS multiples',
    "MATCH p = (a:Entity)-[*1..3]->(b) RETURN [i IN range(0, size(nodes(p)) - 1) | nodes(p)[i].id] AS ids LIMIT 3",
    'MATCH (n:Entity) RETURN reduce(acc = 0, x IN collect(n.id) | acc + size(x)) AS chars',
  ])('still runs %s', async (q) => {
    const res = await h.gql(CYPHER, { q });
    expect(res.errors, q).toBeUndefined();
    expect(res.data.cypher.rows.length).toBeGreaterThan(0);
  });
});

describe('an unlisted procedure is refused as not allowed (issue 21)', () => {
  it.each(['CALL dbms.components()', 'CALL dbms.components() YIELD name RETURN name'])('refuses %s with QUERY_NOT_ALLOWED naming it', async (q) => {
    const res = await h.gql(CYPHER, { q });
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_NOT_ALLOWED');
    expect(res.errors?.[0]?.message).toMatch(/dbms\.components/);
  });
});

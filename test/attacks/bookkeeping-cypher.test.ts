// Issue 22 (low): researcher Cypher read Zanjir's own bookkeeping (API key digests, the change log,
// data set and import records) and db.labels() listed it. Every way in is tried here: naming a
// bookkeeping label, a label-less match, a dynamic label, an id seek, the introspection
// procedures. None may show a bookkeeping node, label or property; research queries still run.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';

const CYPHER = `query ($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated } }`;

let h: Harness;
let keyId = '';
beforeAll(async () => {
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'admin' });
  await h.load(fixture('worked-example.json'));
  // Bookkeeping of every sort: an API key, a change-log entry, the meta node, a data set.
  const key = await h.query(`mutation { createApiKey(role: RESEARCHER, name: "digest-bait") { apiKey { keyId } } }`);
  keyId = key.createApiKey.apiKey.keyId;
  await h.query(`mutation ($n: JSON!) { upsertNode(node: $n) { change { changeId } } }`, { n: { id: 'mine:bait', kind: 'Mine', name: 'Bait', nameFa: 'طعمه' } });
});
afterAll(async () => h?.close());

/** Everything a refusal or an answer holds, as text: no bookkeeping may appear in it. */
function leaks(res: unknown): boolean {
  const text = JSON.stringify(res);
  return /Zanjir(?!\s*['’]s)|digest-bait|"hash"/.test(text) || (keyId !== '' && text.includes(keyId));
}

describe('researcher Cypher cannot read Zanjir’s bookkeeping', () => {
  it.each([
    ['MATCH (k:ZanjirApiKey) RETURN properties(k) AS p', {}],
    ['MATCH (k:`ZanjirApiKey`) RETURN k.keyId, k.hash', {}],
    ['MATCH (m:ZanjirMeta) RETURN m', {}],
    ['MATCH (d:ZanjirDataset) RETURN count(d)', {}],
    ['MATCH (c:ZanjirChange) RETURN c ORDER BY c.at DESC LIMIT 1', {}],
    ['MATCH (c:ZanjirGraphChange) RETURN keys(c)', {}],
    ['MATCH (n) WHERE n:ZanjirApiKey RETURN n', {}],
    ['MATCH (n:Mine|ZanjirApiKey) RETURN n', {}],
    ['MATCH (n:Entity) WHERE EXISTS { MATCH (k:ZanjirApiKey) } RETURN count(n)', {}],
  ])('refuses %s with QUERY_NOT_ALLOWED, saying why', async (q, p) => {
    const res = await h.gql(CYPHER, { q, p });
    expect(res.data?.cypher ?? null, q).toBeNull();
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('QUERY_NOT_ALLOWED');
    expect(res.errors?.[0]?.message).toMatch(/bookkeeping/);
  });

  it.each([
    ['MATCH (n) RETURN n', {}],
    ['MATCH (n) RETURN properties(n) AS p', {}],
    ['MATCH (n) RETURN keys(n), labels(n)', {}],
    ['MATCH (n) WHERE n.hash IS NOT NULL RETURN n.keyId', {}],
    ['MATCH (n) RETURN collect(n) AS all', {}],
    ['MATCH (n) RETURN {x: [n]} AS nested', {}],
    ["MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH 'Zan') RETURN n.name", {}],
    ['MATCH (n:$($l)) RETURN properties(n) AS p', { l: 'ZanjirApiKey' }],
    ['MATCH (n:$any($ls)) RETURN properties(n) AS p', { ls: ['Mine', 'ZanjirApiKey'] }],
    ['MATCH (n) WHERE elementId(n) IN $ids RETURN properties(n)', { ids: ['4:x:0', '4:x:1'] }],
    ['MATCH (n) WHERE id(n) < 1000 RETURN properties(n)', {}],
    ['OPTIONAL MATCH (n) RETURN n.keyId', {}],
    ['MATCH (n:Entity) WITH count(n) AS c MATCH (x) RETURN x.hash', {}],
  ])('shows no bookkeeping for the label-less %s', async (q, p) => {
    const res = await h.gql(CYPHER, { q, p });
    expect(leaks(res), JSON.stringify(res).slice(0, 500)).toBe(false);
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('QUERY_NOT_ALLOWED');
  });

  it.each([
    'CALL db.labels()',
    'CALL db.labels() YIELD label RETURN label ORDER BY label',
    'CALL db.labels() YIELD label AS l RETURN l',
    "CALL db.labels() YIELD label WHERE label STARTS WITH 'Zanjir' RETURN label",
    'CALL db.relationshipTypes()',
    'CALL db.schema.visualization()',
    'CALL db.schema.nodeTypeProperties()',
    'CALL db.schema.relTypeProperties()',
  ])('%s answers without bookkeeping labels', async (q) => {
    const res = await h.gql(CYPHER, { q });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(leaks(res), JSON.stringify(res).slice(0, 500)).toBe(false);
  });

  it('db.labels() still lists the graph’s own labels', async () => {
    const res = await h.gql(CYPHER, { q: 'CALL db.labels() YIELD label RETURN label ORDER BY label' });
    const labels = res.data.cypher.rows.map((r: string[]) => r[0]);
    expect(labels).toContain('Entity');
    expect(labels).toContain('Mine');
    expect(labels.some((l: string) => l.startsWith('Zanjir'))).toBe(false);
  });

  it.each([
    'CALL db.labels() YIELD label RETURN reverse(label) AS l',
    'CALL db.labels() YIELD label RETURN collect(label) AS ls',
    'CALL db.labels() YIELD label RETURN count(label) AS n',
    'CALL db.propertyKeys()',
  ])('refuses %s, whose answer could not be filtered', async (q) => {
    const res = await h.gql(CYPHER, { q });
    expect(leaks(res)).toBe(false);
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res)).toBe('QUERY_NOT_ALLOWED');
  });

  it.each([
    "MATCH (n:Entity {id: 'mine:bait'}) RETURN n, properties(n) AS p, labels(n) AS l",
    "MATCH (a:Entity {id: 'mine:a'}) MATCH p = (a)-[*1..3]->(b) RETURN p, b LIMIT 5",
    'MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id LIMIT 5',
    'MATCH (n:Entity) RETURN n.id AS id, [(n)-->(m) | m] AS next LIMIT 5',
  ])('still runs %s', async (q) => {
    const res = await h.gql(CYPHER, { q });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data.cypher.rows.length).toBeGreaterThan(0);
    expect(leaks(res)).toBe(false);
  });
});

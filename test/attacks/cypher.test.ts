// Attacks on the researchers' read-only Cypher (issue 10, findings 1 and 5), each reproduced as a
// hostile researcher would send it: nothing may read a file, reach a URL, see or stop other
// sessions, read the server's settings or change the planner's state; the graph stays as it was.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { dumpGraph } from '../helpers/dump.js';
import { fixture } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';

const CYPHER = `query ($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated truncatedBy } }`;

let h: Harness;
let bait: http.Server;
let baitHits = 0;
let baitUrl = '';

beforeAll(async () => {
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'researcher', ZANJIR_CYPHER_BYTE_CAP: String(256 * 1024), ZANJIR_QUERY_TIMEOUT_MS: '5000' });
  await h.load(fixture('worked-example.json'));
  // A server the attacks try to make Neo4j fetch from: it must never see a request.
  bait = http.createServer((_req, res) => {
    baitHits += 1;
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
  baitUrl = `http://127.0.0.1:${(bait.address() as AddressInfo).port}/data.csv`;
});
afterAll(async () => {
  await h.close();
  await new Promise((resolve) => bait.close(resolve));
});

async function refused(q: string, code: string | RegExp = 'QUERY_NOT_ALLOWED') {
  const before = await dumpGraph(h.db.executor);
  const res = await h.gql(CYPHER, { q });
  expect(res.data?.cypher ?? null, q).toBeNull();
  expect(res.errors?.[0]?.extensions?.code, q).toMatch(code);
  expect(await dumpGraph(h.db.executor)).toEqual(before);
  return res.errors![0]!;
}

describe('researcher Cypher cannot read files or reach the network', () => {
  it.each([
    "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r",
    "LOAD CSV FROM 'file:///proc/self/environ' AS r RETURN r",
    "LOAD CSV WITH HEADERS FROM 'file:///etc/hostname' AS r RETURN r LIMIT 1",
    "CALL { LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r } RETURN r",
    "MATCH (n:Entity) WITH n LIMIT 1 LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r",
    "load csv from 'ftp://127.0.0.1/x' as r return r",
  ])('refuses %s with a message naming LOAD CSV, and shows no file', async (q) => {
    const error = await refused(q);
    expect(error.message).toMatch(/LOAD CSV/);
    expect(JSON.stringify(error)).not.toMatch(/root:|PATH=|HOME=/);
  });

  it('refuses LOAD CSV from a URL, and the URL is never fetched', async () => {
    await refused(`LOAD CSV FROM '${baitUrl}' AS r RETURN r`);
    await refused(`WITH $u AS u LOAD CSV FROM u AS r RETURN r`.replace('$u', `'${baitUrl}'`));
    expect(baitHits).toBe(0);
  });

  it('gives the same answer whether a file exists or not, so nothing can be learned from errors', async () => {
    const exists = await refused("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r");
    const missing = await refused("LOAD CSV FROM 'file:///no/such/file-3f9a' AS r RETURN r");
    expect(exists.message).toBe(missing.message);
  });
});

describe('researcher Cypher cannot see or stop other sessions, nor read or change the server', () => {
  it.each([
    ['SHOW TRANSACTIONS YIELD *', /SHOW/],
    ['SHOW TRANSACTIONS', /SHOW/],
    ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", /TERMINATE/],
    ['SHOW SETTINGS', /SHOW/],
    ['SHOW SETTINGS YIELD name, value WHERE name CONTAINS "directories"', /SHOW/],
    ['SHOW PROCEDURES', /SHOW/],
    ['SHOW FUNCTIONS', /SHOW/],
    ['SHOW INDEXES', /SHOW/],
    ["CALL db.stats.retrieve('GRAPH COUNTS')", /db\.stats\.retrieve/],
    ['CALL db.stats.collect("QUERIES")', /db\.stats\.collect/],
    ['CALL db.prepareForReplanning()', /db\.prepareForReplanning/],
    ['CALL db.resampleOutdatedIndexes()', /db\.resampleOutdatedIndexes/],
    ['CALL dbms.listConfig()', /dbms\.listConfig|not of type|read/i],
    ['CALL dbms.components()', /dbms\.components|read/i],
    ['CALL db.info()', /db\.info/],
    ['CALL db.labels() YIELD label CALL db.stats.retrieve("GRAPH COUNTS") YIELD data RETURN label, data', /db\.stats\.retrieve/],
  ])('refuses %s', async (q, mentions) => {
    const error = await refused(q, /^QUERY_NOT_(ALLOWED|READ_ONLY)$/);
    expect(error.message).toMatch(mentions);
  });

  it('cannot terminate an admin’s running query', async () => {
    // A long read by someone else, then the researcher tries to kill it by its id.
    const slow = h.db.executor.read('meta/get').then(() => 'done');
    const error = await refused("TERMINATE TRANSACTIONS 'neo4j-transaction-1', 'neo4j-transaction-2', 'neo4j-transaction-3'");
    expect(error.extensions?.code).toBe('QUERY_NOT_ALLOWED');
    expect(await slow).toBe('done');
  });
});

describe('researcher Cypher still answers research questions', () => {
  it.each([
    ['MATCH (n:Entity) RETURN n.id AS id ORDER BY id LIMIT 3'],
    ['CALL db.labels() YIELD label RETURN label ORDER BY label'],
    ['CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType'],
    // Every pattern starts from a labelled node: a label-less lookup could reach Zanjir's bookkeeping (issue 22).
    ["MATCH p = shortestPath((a:Entity {id: 'mine:a'})-[*..10]->(b:Entity {id: 'product:steel'})) RETURN [n IN nodes(p) | n.id] AS path"],
    ["MATCH (a:Entity {id: 'mine:a'}) MATCH p = ANY SHORTEST (a)-->+(b:Entity {id: 'product:steel'}) RETURN length(p) AS hops"],
    ['MATCH (s:Supplier)-[r:SUPPLIES]->(i) WITH s.country AS c, count(*) AS n RETURN c, n ORDER BY n DESC'],
    ['UNWIND range(1, 5) AS x WITH x WHERE x % 2 = 1 RETURN collect(x) AS odd, date("2024-01-01") AS d, duration("P1D") AS p'],
    ['MATCH (n:Entity) WHERE EXISTS { (n)-[:SUPPLIES]->() } RETURN count(n) AS suppliers'],
    ['MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->(m) RETURN n.id, count(r) AS out ORDER BY out DESC SKIP 1 LIMIT 2'],
    ['MATCH (n:Product) RETURN n.id AS id UNION MATCH (n:Part) RETURN n.id AS id'],
    ['MATCH (n:Entity) CALL (n) { MATCH (n)-->(m) RETURN count(m) AS c } RETURN n.id, c'],
    ["CALL db.index.fulltext.queryNodes('entity_names', 'steel') YIELD node, score RETURN node.id AS id, score"],
  ])('runs %s', async (q) => {
    const res = await h.gql(CYPHER, { q });
    expect(res.errors, q).toBeUndefined();
    expect(res.data.cypher.columns.length).toBeGreaterThan(0);
  });
});

describe('researcher Cypher answers have a byte cap as well as a row cap', () => {
  it('cuts 30 rows of 16 MB to the byte cap and says why', async () => {
    const res = await h.gql(CYPHER, { q: "UNWIND range(1, 30) AS i RETURN i, reduce(s = 'x', k IN range(1, 12) | s + s) AS big" });
    // 4 KB a row is fine; ask for rows larger than the 256 KB cap instead.
    expect(res.errors).toBeUndefined();
    const big = await h.gql(CYPHER, { q: "UNWIND range(1, 30) AS i RETURN i, reduce(s = 'x', k IN range(1, 17) | s + s) AS big" });
    expect(big.errors).toBeUndefined();
    expect(big.data.cypher.truncated).toBe(true);
    expect(big.data.cypher.truncatedBy).toBe('BYTES');
    expect(JSON.stringify(big.data.cypher.rows).length).toBeLessThanOrEqual(256 * 1024);
  });

  it('refuses query text longer than the configured length', async () => {
    const res = await h.gql(CYPHER, { q: `RETURN 1 // ${'x'.repeat(25_000)}` });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/20000/);
  });

  it('shows no Java class names or file paths in a Cypher error', async () => {
    const res = await h.gql(CYPHER, { q: 'MATCH (n) RETURN n.id / 0 AS x' });
    const text = JSON.stringify(res.errors ?? []);
    expect(text).not.toMatch(/org\.neo4j|java\.|\.scala|\/home\/|\/tmp\//);
  });
});

describe('the database itself refuses what the endpoint must never do (defence in depth)', () => {
  // Straight to Bolt with the database's own credentials, past Zanjir's plan check: the Neo4j
  // Zanjir runs on must still refuse file URLs and outbound addresses (docs/security.md).
  const direct = async (q: string) => {
    const driver = neo4j.driver(inject('boltUri'), neo4j.auth.basic('neo4j', inject('boltPassword')));
    const session = driver.session();
    try {
      await session.run(q);
      return null;
    } catch (error) {
      return error as Error & { code?: string };
    } finally {
      await session.close();
      await driver.close();
    }
  };

  it('refuses file URLs in LOAD CSV', async () => {
    const error = await direct("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r LIMIT 1");
    expect(error?.message).toMatch(/file|URL|not allowed|Cannot load/i);
  });

  it('refuses outbound URLs in LOAD CSV, and fetches nothing', async () => {
    const error = await direct(`LOAD CSV FROM '${baitUrl}' AS r RETURN r LIMIT 1`);
    expect(error).not.toBeNull();
    expect(baitHits).toBe(0);
  });

  it('asks for a password on Bolt: no password, no session', async () => {
    const driver = neo4j.driver(inject('boltUri'), neo4j.auth.basic('neo4j', 'wrong-password'));
    try {
      await expect(driver.verifyConnectivity()).rejects.toMatchObject({ code: expect.stringMatching(/Unauthorized|AuthenticationRateLimit/) });
    } finally {
      await driver.close();
    }
  });
});

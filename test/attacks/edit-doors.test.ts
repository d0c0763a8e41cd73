// The writing doors the edits, keys and reset added, met as a hostile caller meets them: someone
// else's role, records that are not records, ids a megabyte long, unsets of a key, undo of what
// cannot be undone, numbers out of range. Each answer is a clear typed error, and the graph (its
// full dump) and the key store are as they were.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/access/api-key.js';
import type { Role } from '../../src/access/roles.js';
import { AccessStore } from '../../src/db/access-store.js';
import { dumpGraph } from '../helpers/dump.js';
import { zanjir } from '../helpers/cli.js';
import { fixture } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
const keys: Partial<Record<Role, string>> = {};
const BIG = 'x'.repeat(1_000_000);

async function gql(query: string, variables: Record<string, unknown> = {}, role: Role = 'editor') {
  const res = await fetch(`${h.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[role]}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

/** Runs the attempts, expects each refused with `code`, and the graph and keys untouched. */
async function refusedUnchanged(attempts: (() => Promise<{ errors?: { message: string; extensions: Record<string, unknown> }[] }>)[], codes: string[]) {
  const before = await dumpGraph(h.db.executor);
  const keyState = async () => (await new AccessStore(h.db.executor).list()).map((k) => ({ keyId: k.keyId, role: k.role, name: k.name, revokedAt: k.revokedAt ?? null }));
  const keysBefore = await keyState();
  for (const attempt of attempts) {
    const r = await attempt();
    expect(r.errors?.length, JSON.stringify(r).slice(0, 300)).toBeGreaterThan(0);
    expect(codes, r.errors![0]!.message.slice(0, 200)).toContain(r.errors![0]!.extensions.code);
    // A clear error says what is wrong without echoing a megabyte back.
    expect(r.errors![0]!.message.length).toBeLessThan(2_000);
  }
  expect(await dumpGraph(h.db.executor)).toEqual(before);
  // The keys, not when each was last used (the attempts used them).
  expect(await keyState()).toEqual(keysBefore);
}

beforeAll(async () => {
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'none', ZANJIR_KEY_CACHE_SECONDS: '0' });
  await h.load(fixture('worked-example.json'));
  for (const role of ['reader', 'researcher', 'editor', 'admin'] as const) {
    const made = generateApiKey();
    await new AccessStore(h.db.executor).create({ keyId: made.keyId, hash: made.hash, role, name: `${role} key`, createdBy: 'test' });
    keys[role] = made.key;
  }
});
afterAll(async () => {
  await h.close();
});

const UPSERT_NODE = 'mutation ($n: JSON!, $u: [String!]) { upsertNode(node: $n, unset: $u) { node } }';
const UPSERT_EDGE = 'mutation ($e: JSON!, $u: [String!]) { upsertEdge(edge: $e, unset: $u) { edge } }';

describe('edits refuse what is not theirs to do', () => {
  it('a reader or researcher may not upsert, delete or undo, and nothing changes', async () => {
    const change = (await gql('mutation { upsertNode(node: {id: "mine:a", name: "Renamed"}) { change { changeId } } }')).data.upsertNode.change.changeId;
    const attempts = (['reader', 'researcher'] as const).flatMap((role) => [
      () => gql(UPSERT_EDGE, { e: { type: 'EXTRACTS', from: 'mine:a', to: 'product:ore', capacityTpy: 1 } }, role),
      () => gql('mutation { deleteEdge(type: EXTRACTS, from: "mine:a", to: "product:ore") { changeId } }', {}, role),
      () => gql('mutation { deleteNode(id: "mine:a") { changeId } }', {}, role),
      () => gql(`mutation { undoChange(changeId: "${change}") { changeId } }`, {}, role),
    ]);
    await refusedUnchanged(attempts, ['FORBIDDEN']);
  });
});

describe('edits refuse records that are not records', () => {
  it('arrays, strings, null, prototype keys, megabyte names and ids: typed errors, nothing written', async () => {
    const records: unknown[] = [[], 'mine:a', null, 42, { __proto__: { kind: 'Mine' }, id: 'mine:proto' }, { id: 'mine:big', kind: 'Mine', name: BIG, nameFa: 'م' }, { id: `mine:${BIG}`, kind: 'Mine', name: 'n', nameFa: 'م' }, { id: "mine:a' DETACH DELETE n //", kind: 'Mine', name: 'n', nameFa: 'م' }, { id: 'mine:deep', kind: 'Mine', name: 'n', nameFa: 'م', note: JSON.parse('['.repeat(2000) + ']'.repeat(2000)) }];
    await refusedUnchanged(
      [...records.map((n) => () => gql(UPSERT_NODE, { n })), ...records.map((e) => () => gql(UPSERT_EDGE, { e }))],
      ['IMPORT_INVALID', 'BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE', 'QUERY_TOO_COMPLEX'],
    );
  });

  it('refuses to unset what names a record, and unknown or huge unset lists', async () => {
    await refusedUnchanged(
      [
        ...['id', 'kind', 'name', 'nameFa'].map((u) => () => gql(UPSERT_NODE, { n: { id: 'mine:a' }, u: [u] })),
        ...['type', 'from', 'to', 'output'].map((u) => () => gql(UPSERT_EDGE, { e: { type: 'EXTRACTS', from: 'mine:a', to: 'product:ore' }, u: [u] })),
        () => gql(UPSERT_NODE, { n: { id: 'mine:a' }, u: Array.from({ length: 5_000 }, (_, i) => `p${i}`) }),
      ],
      ['BAD_USER_INPUT', 'IMPORT_INVALID'],
    );
  });

  it('deletes and undoes nothing it cannot name: unknown, huge and quoted ids, missing edges, undone or unknown changes', async () => {
    const reset = (await gql('mutation { upsertNode(node: {id: "mine:a", name: "Mine A"}) { change { changeId } } }')).data.upsertNode.change.changeId;
    await gql(`mutation { undoChange(changeId: "${reset}") { changeId } }`);
    await refusedUnchanged(
      [
        () => gql('mutation ($id: ID!) { deleteNode(id: $id) { changeId } }', { id: 'mine:nope' }),
        () => gql('mutation ($id: ID!) { deleteNode(id: $id) { changeId } }', { id: `mine:${BIG}` }),
        () => gql('mutation ($id: ID!) { deleteNode(id: $id) { changeId } }', { id: "mine:a' OR 1=1 //" }),
        () => gql('mutation { deleteEdge(type: SUPPLIES, from: "mine:a", to: "product:ore") { changeId } }'),
        () => gql('mutation { deleteEdge(type: FEEDS, from: "product:ore", to: "plant:nope") { changeId } }'),
        () => gql('mutation ($c: ID!) { undoChange(changeId: $c) { changeId } }', { c: 'no-such-change' }),
        () => gql('mutation ($c: ID!) { undoChange(changeId: $c) { changeId } }', { c: BIG }),
        () => gql(`mutation { undoChange(changeId: "${reset}") { changeId } }`),
      ],
      ['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'PAYLOAD_TOO_LARGE'],
    );
  });

  it('pages the change log only within bounds', async () => {
    for (const first of [0, -1, 1_000_000]) {
      const r = await gql('query ($f: Int) { changes(first: $f) { changeId } }', { f: first }, 'reader');
      // A million is refused before anything runs (the cost limit); 0 and -1 by the field itself.
      expect(['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX'], String(first)).toContain(r.errors?.[0]?.extensions.code);
    }
    const huge = await gql('query ($n: ID, $s: String) { changes(nodeId: $n, since: $s) { changeId } }', { n: BIG, s: BIG }, 'reader');
    expect(['BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE']).toContain(huge.errors?.[0]?.extensions.code);
  });
});

describe('keys and reset refuse what is not theirs to do', () => {
  it('only an admin revokes a key, and a refused revoke leaves the key working', async () => {
    const target = (await new AccessStore(h.db.executor).list()).find((k) => k.role === 'admin')!.keyId;
    await refusedUnchanged(
      (['reader', 'researcher', 'editor'] as const).map((role) => () => gql('mutation ($k: ID!) { revokeApiKey(keyId: $k) { keyId } }', { k: target }, role)),
      ['FORBIDDEN'],
    );
    expect((await gql('{ whoami { role } }', {}, 'admin')).data.whoami.role).toBe('ADMIN');
  });

  it('refuses empty, blank, overlong and megabyte key names, unknown and malformed key ids', async () => {
    await refusedUnchanged(
      [
        ...['', '   ', 'n'.repeat(101), BIG].map((name) => () => gql('mutation ($n: String!) { createApiKey(name: $n, role: READER) { key } }', { n: name }, 'admin')),
        ...['000000000000', 'not-a-key-id', BIG].map((k) => () => gql('mutation ($k: ID!) { revokeApiKey(keyId: $k) { keyId } }', { k }, 'admin')),
      ],
      ['BAD_USER_INPUT', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
    );
  });

  it('an admin must spell the confirmation exactly to empty the graph', async () => {
    await refusedUnchanged(
      ['', 'Delete Everything', 'delete everything ', ' delete everything', BIG].map((confirm) => () => gql('mutation ($c: String!) { resetGraph(confirm: $c) { nodesDeleted } }', { c: confirm }, 'admin')),
      ['BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE'],
    );
  });

  it('zanjir reset without --yes refuses, exit code 1, graph unchanged', async () => {
    const before = await dumpGraph(h.db.executor);
    const run = await zanjir(['reset']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--yes/);
    expect(await dumpGraph(h.db.executor)).toEqual(before);
  });
});

describe('researcher Cypher parameters and report numbers', () => {
  it('refuses parameters that are not an object, and huge or deep ones', async () => {
    const q = 'query ($p: JSON) { cypher(query: "RETURN $x AS x", params: $p) { rows } }';
    for (const p of [[1, 2], 'x', 3, { x: BIG }, { x: JSON.parse('['.repeat(2000) + ']'.repeat(2000)) }]) {
      const r = await gql(q, { p }, 'researcher');
      expect(r.errors?.length, JSON.stringify(p).slice(0, 40)).toBeGreaterThan(0);
      expect(['BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE', 'QUERY_TOO_COMPLEX']).toContain(r.errors![0]!.extensions.code);
    }
  });

  it('zanjir report balance refuses a stage that is none, exit code 1', async () => {
    const run = await zanjir(['report', 'balance', '--stage', 'BOGUS']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/stage must be one of ORE, CONCENTRATE/);
  });

  it('answers /report with a clear 400 for numbers that are not numbers or out of range', async () => {
    for (const path of ['/report/localization-plan.csv?budget=abc', '/report/import-bills.csv?first=1e9', '/report/holdings.csv?id=org:x&maxDepth=99', '/report/chokepoints.csv?id=product:steel&minImpact=-1', '/report/stale-figures.csv?olderThan=-5', '/report/balance.csv?stage=BOGUS', '/report/import-bills.csv?stage=bogus']) {
      const res = await fetch(`${h.server.url}${path}`, { headers: { authorization: `Bearer ${keys.reader}` } });
      const body = (await res.json()) as { code: string; error: string };
      expect(res.status, `${path}: ${body.error}`).toBe(400);
      expect(body.code).toBe('BAD_USER_INPUT');
    }
  });
});

// Who may do what (issue 10, finding 2): every role against every operation, over HTTP as a
// client would call them; keys that are wrong, revoked or malformed; JWTs that are forged,
// expired or from the wrong issuer; Host names a DNS-rebinding page would send; and a server
// that refuses to open writes to a network.

import { generateKeyPairSync, createSign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateApiKey } from '../../src/access/api-key.js';
import { AccessStore } from '../../src/db/access-store.js';
import { ensureBoltPassword, readBoltAuth } from '../../src/db/embedded.js';
import { startServer } from '../../src/server.js';
import { importSources } from '../../src/io/importer.js';
import { documentSource } from '../../src/io/sources.js';
import { dumpGraph } from '../helpers/dump.js';
import { fixture } from '../helpers/fixtures.js';
import { startHarness, testConfig, type Harness } from '../helpers/harness.js';

type Role = 'reader' | 'researcher' | 'editor' | 'admin';
const ROLES: Role[] = ['reader', 'researcher', 'editor', 'admin'];

let h: Harness;
const keys: Partial<Record<Role, string>> = {};

async function makeKey(role: Role, name = `${role} test key`): Promise<{ key: string; keyId: string }> {
  const made = generateApiKey();
  await new AccessStore(h.db.executor).create({ keyId: made.keyId, hash: made.hash, role, name, createdBy: 'test' });
  return { key: made.key, keyId: made.keyId };
}

async function call(path: string, init: { key?: string | null; body?: unknown; headers?: Record<string, string>; method?: string } = {}) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${h.server.url}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text, headers: res.headers };
  // (CSV and Prometheus text are not JSON: json stays null and only the status counts.)
}

const gql = (query: string, key?: string | null, variables: Record<string, unknown> = {}) => call('/graphql', { key, body: { query, variables } });

/** The outcome of one operation for one caller: allowed, or the error code it met. */
async function outcome(op: Operation, key: string | null): Promise<string> {
  const r = await op.run(key);
  if (r.status === 401 || r.json?.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' || r.json?.code === 'UNAUTHENTICATED') return 'UNAUTHENTICATED';
  if (r.status === 403 || r.json?.errors?.[0]?.extensions?.code === 'FORBIDDEN' || r.json?.code === 'FORBIDDEN') return 'FORBIDDEN';
  if (r.status !== 200 || r.json?.errors) return `FAILED ${r.status} ${JSON.stringify(r.json?.errors ?? r.json).slice(0, 300)}`;
  return 'ALLOWED';
}

interface Operation {
  name: string;
  needs: Role;
  run(key: string | null): Promise<Awaited<ReturnType<typeof call>>>;
}

const SMALL_DOC = { format: 'zanjir/1', nodes: [{ id: 'mine:roles-test', kind: 'Mine', name: 'Roles test mine', nameFa: 'معدن آزمون' }], edges: [] };

const OPERATIONS: Operation[] = [
  { name: 'a node query', needs: 'reader', run: (k) => gql('{ node(id: "product:steel") { id name } }', k) },
  { name: 'importContent', needs: 'reader', run: (k) => gql('{ importContent(id: "product:steel") { totalImportContent } }', k) },
  { name: 'the change log', needs: 'reader', run: (k) => gql('{ changes(first: 5) { changeId } }', k) },
  { name: '/metrics', needs: 'reader', run: (k) => call('/metrics', { key: k }) },
  { name: '/report/balance.csv', needs: 'reader', run: (k) => call('/report/balance.csv?stage=ORE', { key: k }) },
  { name: 'localizationPlan', needs: 'reader', run: (k) => gql('{ localizationPlan(budgetUsd: 1e6) { totalSavingUsd } }', k) },
  { name: 'exportGraph', needs: 'researcher', run: (k) => gql('{ exportGraph(format: JSON) { records } }', k) },
  { name: '/export/json', needs: 'researcher', run: (k) => call('/export/json', { key: k }) },
  { name: 'cypher', needs: 'researcher', run: (k) => gql('{ cypher(query: "MATCH (n:Entity) RETURN count(n) AS n") { rows } }', k) },
  { name: 'importGraph', needs: 'editor', run: (k) => gql('mutation ($d: JSON!) { importGraph(document: $d) { nodes { created } } }', k, { d: SMALL_DOC }) },
  {
    name: 'upsertNode',
    needs: 'editor',
    run: (k) => gql('mutation { upsertNode(node: {id: "mine:roles-test", kind: "Mine", name: "Roles test mine", nameFa: "معدن آزمون", province: "Kerman"}) { change { changeId } } }', k),
  },
  { name: 'datasets', needs: 'reader', run: (k) => gql('{ datasets { name } }', k) },
  { name: 'staleFigures', needs: 'reader', run: (k) => gql('{ staleFigures(olderThan: 1) { cutoff } }', k) },
  {
    // A data set of its own for every call, so an allowed removal takes nothing else with it.
    name: 'removeDataset',
    needs: 'admin',
    run: async (k) => {
      const name = `roles-${Math.random().toString(36).slice(2, 10)}`;
      await importSources(h.db.executor, [documentSource({ format: 'zanjir/1', nodes: [{ id: `mine:${name}`, kind: 'Mine', name, nameFa: 'معدن آزمون' }], edges: [] })], { dataset: { name } });
      return gql(`mutation { removeDataset(name: "${name}") { nodesDeleted } }`, k);
    },
  },
  { name: 'apiKeys', needs: 'admin', run: (k) => gql('{ apiKeys { keyId role } }', k) },
  { name: 'createApiKey', needs: 'admin', run: (k) => gql('mutation { createApiKey(name: "made in a test", role: READER) { key apiKey { keyId } } }', k) },
];

beforeAll(async () => {
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'none', ZANJIR_KEY_CACHE_SECONDS: '0' });
  await h.load(fixture('worked-example.json'));
  for (const role of ROLES) keys[role] = (await makeKey(role)).key;
});
afterAll(async () => {
  await h.close();
});

describe('every role against every operation', () => {
  for (const op of OPERATIONS) {
    for (const role of ROLES) {
      const allowed = ROLES.indexOf(role) >= ROLES.indexOf(op.needs);
      it(`${role} ${allowed ? 'may' : 'may not'} use ${op.name}`, async () => {
        expect(await outcome(op, keys[role]!)).toBe(allowed ? 'ALLOWED' : 'FORBIDDEN');
      });
    }
    it(`a caller without a key may not use ${op.name} when the server gives them no role`, async () => {
      expect(await outcome(op, null)).toBe('UNAUTHENTICATED');
    });
  }

  it('lets only admins empty the graph, and the graph is untouched by the refusals', async () => {
    const before = await dumpGraph(h.db.executor);
    for (const role of ['reader', 'researcher', 'editor'] as const) {
      const r = await gql('mutation { resetGraph(confirm: "delete everything") { nodesDeleted } }', keys[role]);
      expect(r.json.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(await dumpGraph(h.db.executor)).toEqual(before);
    const r = await gql('mutation { resetGraph(confirm: "delete everything") { nodesDeleted changeId } }', keys.admin);
    expect(r.json.data.resetGraph.nodesDeleted).toBeGreaterThan(0);
    // Keys survive a reset: the admin is not locked out.
    expect((await gql('{ whoami { role } }', keys.admin)).json.data.whoami.role).toBe('ADMIN');
    await h.load(fixture('worked-example.json'));
  });

  it('says who a caller is and what they may do', async () => {
    const r = await gql('{ whoami { role via subject operations } }', keys.researcher);
    expect(r.json.data.whoami).toMatchObject({ role: 'RESEARCHER', via: 'api-key', operations: ['read', 'export', 'cypher'] });
    expect(r.json.data.whoami.subject).toMatch(/^key:[0-9a-f]{12} \(researcher test key\)$/);
  });

  it('still serves the static pages and liveness without a key', async () => {
    expect((await call('/health')).status).toBe(200);
    expect((await call('/')).status).toBe(200);
    expect((await call('/view/dependencies')).status).toBe(200);
  });
});

describe('API keys', () => {
  it('refuses a wrong, a malformed and a revoked key with 401, and never falls back to anonymous', async () => {
    const wrong = keys.admin!.slice(0, -4) + 'AAAA';
    expect((await gql('{ whoami { role } }', wrong)).status).toBe(401);
    expect((await gql('{ whoami { role } }', 'zk_nothex_short')).status).toBe(401);
    expect((await call('/graphql', { body: { query: '{ whoami { role } }' }, headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } })).status).toBe(401);
    const { key, keyId } = await makeKey('editor', 'to be revoked');
    expect((await gql('{ whoami { role } }', key)).json.data.whoami.role).toBe('EDITOR');
    const revoked = await gql(`mutation { revokeApiKey(keyId: "${keyId}") { revokedAt } }`, keys.admin);
    expect(revoked.json.data.revokeApiKey.revokedAt).toBeTruthy();
    const after = await gql('{ whoami { role } }', key);
    expect(after.status).toBe(401);
    expect(after.json.errors[0].message).toMatch(/revoked/);
  });

  it('accepts X-API-Key as well as a bearer token', async () => {
    const r = await call('/graphql', { body: { query: '{ whoami { role } }' }, headers: { 'x-api-key': keys.reader! } });
    expect(r.json.data.whoami.role).toBe('READER');
  });

  it('stores only a digest: the key does not appear in the database', async () => {
    const { key, keyId } = await makeKey('reader', 'digest check');
    const rows = await h.db.executor.runReadOnlyCypher('MATCH (k:ZanjirApiKey {keyId: $id}) RETURN properties(k) AS p', { id: keyId }, { rowCap: 1, timeoutMs: 5000, bookkeeping: true });
    const stored = JSON.stringify(rows.rows);
    // zk_<12 hex>_<43 base64url>: the secret may itself hold '_', so it is cut by position, not split.
    const secret = key.slice('zk_'.length + 12 + 1);
    expect(secret).toHaveLength(43);
    expect(stored).not.toContain(secret);
    expect(stored).toMatch(/"hash":"[0-9a-f]{64}"/);
  });

  it('shows a created key once; the list never holds it', async () => {
    const made = await gql('mutation { createApiKey(name: "dashboard", role: READER) { key apiKey { keyId role name createdBy } } }', keys.admin);
    const { key, apiKey } = made.json.data.createApiKey;
    expect(key).toMatch(/^zk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ role: 'READER', name: 'dashboard' });
    const list = await gql('{ apiKeys { keyId name } }', keys.admin);
    expect(JSON.stringify(list.json)).not.toContain(key);
    expect((await gql('{ whoami { role } }', key)).json.data.whoami.role).toBe('READER');
  });
});

describe('JWT sign-in', () => {
  let jwks: http.Server;
  let issuerKey: KeyObject;
  let otherKey: KeyObject;
  let server: Awaited<ReturnType<typeof startServer>>;
  const ISSUER = 'https://id.example.org/realms/ministry';

  const sign = (payload: Record<string, unknown>, key: KeyObject = issuerKey, header: Record<string, unknown> = { alg: 'RS256', kid: 'k1' }) => {
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${part({ typ: 'JWT', ...header })}.${part(payload)}`;
    const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
    return `${input}.${signature}`;
  };
  const now = () => Math.floor(Date.now() / 1000);
  const ask = async (token: string) => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ whoami { role subject } }' }) });
    return { status: res.status, json: (await res.json()) as any };
  };

  beforeAll(async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    issuerKey = pair.privateKey;
    otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };
    // An X25519 key is kty OKP like Ed25519, but it agrees keys and cannot verify (issue 22: a 500).
    const x25519 = { ...generateKeyPairSync('x25519').publicKey.export({ format: 'jwk' }), kid: 'x1' };
    jwks = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk, x25519] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const config = testConfig({
      ZANJIR_ANONYMOUS_ROLE: 'none',
      ZANJIR_JWT_ISSUER: ISSUER,
      ZANJIR_JWT_AUDIENCE: 'zanjir',
      ZANJIR_JWT_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      ZANJIR_JWT_ROLE_CLAIM: 'roles',
    });
    server = await startServer({ config, executor: h.db.executor, store: h.db.store }, () => {});
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('accepts a token signed by the issuer, taking the strongest known role', async () => {
    const r = await ask(sign({ iss: ISSUER, aud: 'zanjir', sub: 'alice@ministry.example', exp: now() + 300, roles: ['offline_access', 'researcher', 'reader'] }));
    expect(r.json.data.whoami).toEqual({ role: 'RESEARCHER', subject: 'jwt:alice@ministry.example' });
  });

  it.each([
    ['expired', () => sign({ iss: ISSUER, aud: 'zanjir', sub: 'a', exp: now() - 3600, roles: 'admin' }), /expired/],
    ['from another issuer', () => sign({ iss: 'https://evil.example', aud: 'zanjir', sub: 'a', exp: now() + 300, roles: 'admin' }), /issued by/],
    ['for another audience', () => sign({ iss: ISSUER, aud: 'other-app', sub: 'a', exp: now() + 300, roles: 'admin' }), /aud/],
    ['signed by someone else’s key', () => sign({ iss: ISSUER, aud: 'zanjir', sub: 'a', exp: now() + 300, roles: 'admin' }, otherKey), /signature/],
    ['without an expiry', () => sign({ iss: ISSUER, aud: 'zanjir', sub: 'a', roles: 'admin' }), /exp/],
    ['with alg none', () => `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'k1' })).toString('base64url')}.${Buffer.from(JSON.stringify({ iss: ISSUER, aud: 'zanjir', exp: now() + 300, roles: 'admin' })).toString('base64url')}.`, /algorithm/],
    ['with HS256 (the public key used as a shared secret)', () => sign({ iss: ISSUER, aud: 'zanjir', sub: 'a', exp: now() + 300, roles: 'admin' }, issuerKey, { alg: 'HS256', kid: 'k1' }), /algorithm/],
    ['with alg EdDSA and an X25519 key', () => sign({ iss: ISSUER, aud: 'zanjir', sub: 'a', exp: now() + 300, roles: 'admin' }, issuerKey, { alg: 'EdDSA', kid: 'x1' }), /kid "x1"|key/],
    ['with an unknown kid', () => sign({ iss: ISSUER, aud: 'zanjir', sub: 'a', exp: now() + 300, roles: 'admin' }, issuerKey, { alg: 'RS256', kid: 'nope' }), /kid/],
  ])('refuses a token %s with 401', async (_what, token, message) => {
    const r = await ask(token());
    expect(r.status).toBe(401);
    expect(r.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(r.json.errors[0].message).toMatch(message);
  });

  it('refuses a valid token that grants no Zanjir role with 403', async () => {
    const r = await ask(sign({ iss: ISSUER, aud: 'zanjir', sub: 'bob', exp: now() + 300, roles: ['offline_access'] }));
    expect(r.status).toBe(403);
  });
});

describe('the Host header (DNS rebinding)', () => {
  const request = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const { port } = new URL(h.server.url);
      const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { host, 'content-type': 'application/json', authorization: `Bearer ${keys.admin}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ query: '{ whoami { role } }' }));
    });

  it('refuses a name a rebinding page would send, on a server bound to loopback', async () => {
    expect(await request('evil.example')).toBe(421);
    expect(await request('evil.example:4000')).toBe(421);
    expect(await request('127.0.0.1.nip.io')).toBe(421);
  });

  it('answers to the loopback names', async () => {
    const { port } = new URL(h.server.url);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) expect(await request(host)).toBe(200);
  });
});

describe('serving a network', () => {
  it('refuses to start on 0.0.0.0 with writes open to callers without a key, and says what to do', async () => {
    const config = testConfig({ HOST: '0.0.0.0', ZANJIR_ANONYMOUS_ROLE: 'editor' });
    await expect(startServer({ config, executor: h.db.executor, store: h.db.store }, () => {})).rejects.toThrow(/Refusing to start.*ZANJIR_ANONYMOUS_ROLE=reader.*ZANJIR_ALLOW_OPEN_WRITES=yes/s);
    const prod = testConfig({ NODE_ENV: 'production', ZANJIR_ANONYMOUS_ROLE: 'admin' });
    await expect(startServer({ config: prod, executor: h.db.executor, store: h.db.store }, () => {})).rejects.toThrow(/in production/);
  });

  it('gives callers without a key only the reader role on 0.0.0.0 by default: an anonymous import is refused', async () => {
    const config = testConfig({ HOST: '0.0.0.0' });
    const defaults = { ...config, access: { ...config.access } };
    const { loadConfig } = await import('../../src/config.js');
    defaults.access = loadConfig({ HOST: '0.0.0.0' }).access;
    expect(defaults.access.anonymousRole).toBe('reader');
    const lines: string[] = [];
    const server = await startServer({ config: defaults, executor: h.db.executor, store: h.db.store }, (l) => lines.push(l));
    try {
      const before = await dumpGraph(h.db.executor);
      const res = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation ($d: JSON!) { importGraph(document: $d) { nodes { created } } }', variables: { d: SMALL_DOC } }),
      });
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(body.errors[0].message).toMatch(/import needs the editor role; callers without a key are reader/);
      expect(await dumpGraph(h.db.executor)).toEqual(before);
      expect(lines.join('\n')).toMatch(/callers without a key act as reader/);
      expect(lines.join('\n')).toMatch(/ZANJIR_ALLOWED_HOSTS/);
    } finally {
      await server.close();
    }
  });

  it('starts with open writes on a network only when told explicitly, and warns', async () => {
    const config = testConfig({ HOST: '0.0.0.0', ZANJIR_ANONYMOUS_ROLE: 'editor', ZANJIR_ALLOW_OPEN_WRITES: 'yes' });
    const lines: string[] = [];
    const server = await startServer({ config, executor: h.db.executor, store: h.db.store }, (l) => lines.push(l));
    await server.close();
    expect(lines.join('\n')).toMatch(/WARNING: writes are open to anyone/);
  });

  it('makes a newcomer an editor on the plain loopback run, so an import works at once', async () => {
    const { loadConfig } = await import('../../src/config.js');
    expect(loadConfig({}).access.anonymousRole).toBe('editor');
    expect(loadConfig({ NODE_ENV: 'production' }).access.anonymousRole).toBe('reader');
    expect(loadConfig({ HOST: '192.168.1.20' }).access.anonymousRole).toBe('reader');
  });
});

describe('the embedded Neo4j', () => {
  it('keeps a generated Bolt password readable by its owner only, and the same across starts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-auth-'));
    try {
      const first = ensureBoltPassword(dir);
      expect(first.password.length).toBeGreaterThanOrEqual(32);
      expect(fs.statSync(path.join(dir, 'bolt-password')).mode & 0o777).toBe(0o600);
      expect(ensureBoltPassword(dir)).toEqual(first);
      expect(readBoltAuth(dir)).toEqual(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the test database with such a password', () => {
    const dataDir = inject('dataDir');
    // With NEO4J_TEST_URI the test server is someone else's; its password came from NEO4J_TEST_PASSWORD.
    const file = dataDir ? path.join(dataDir, 'bolt-password') : null;
    if (file) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(inject('boltPassword').length).toBeGreaterThan(0);
  });
});

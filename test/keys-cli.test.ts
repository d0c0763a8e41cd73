// `zanjir keys` as an administrator runs it: a key created on the command line works over HTTP
// with its role, is listed without its secret, and stops working once revoked.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zanjir } from './helpers/cli.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'none', ZANJIR_KEY_CACHE_SECONDS: '0' });
});
afterAll(async () => {
  await h.close();
});

const whoami = async (key: string) => {
  const res = await fetch(`${h.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query: '{ whoami { role subject } }' }) });
  return { status: res.status, body: (await res.json()) as any };
};

describe('zanjir keys', () => {
  it('creates a key that works with its role, lists it without the secret, and revokes it', async () => {
    const made = await zanjir(['keys', 'create', '--name', 'ministry dashboard', '--role', 'researcher']);
    expect(made.code).toBe(0);
    const key = made.stdout.trim();
    expect(key).toMatch(/^zk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).toMatch(/Created a researcher key "ministry dashboard".*shown once/s);
    expect((await whoami(key)).body.data.whoami.role).toBe('RESEARCHER');

    const listed = await zanjir(['keys', 'list']);
    const keyId = key.split('_')[1]!;
    expect(listed.stdout).toMatch(new RegExp(`${keyId}\\s+researcher\\s+ministry dashboard`));
    expect(listed.stdout).not.toContain(key.slice(16)); // the secret: after zk_<12 hex>_ (it may hold '_' itself)
    const json = JSON.parse((await zanjir(['keys', 'list', '--json'])).stdout);
    expect(json.find((k: any) => k.keyId === keyId)).toMatchObject({ role: 'researcher', revokedAt: null, createdBy: expect.stringMatching(/^cli:/) });

    const revoked = await zanjir(['keys', 'revoke', keyId]);
    expect(revoked.code).toBe(0);
    expect((await whoami(key)).status).toBe(401);
  });

  it('explains its usage for a missing role, an unknown role or an unknown id', async () => {
    const noRole = await zanjir(['keys', 'create', '--name', 'x']);
    expect(noRole.code).toBe(1);
    expect(noRole.stderr).toMatch(/--role must be one of reader, researcher, editor, admin/);
    expect((await zanjir(['keys', 'create', '--name', 'x', '--role', 'root'])).stderr).toMatch(/--role must be one of/);
    const unknown = await zanjir(['keys', 'revoke', 'abcdefabcdef']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No API key with id abcdefabcdef/);
    expect((await zanjir(['keys'])).stderr).toMatch(/zanjir keys create --name NAME --role/);
  });
});

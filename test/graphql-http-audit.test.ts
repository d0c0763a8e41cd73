// The GraphQL-over-HTTP conformance audit of graphql-http against Zanjir's /graphql, every MUST
// and SHOULD, with CSRF prevention still on: a plain form post or a GET without a header that
// proves a preflight stays refused.

import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const audits = serverAudits({ url: () => `${h.server.url}/graphql`, fetchFn: fetch });

describe('graphql-http server audit', () => {
  // Every MUST and SHOULD passes. The only notices are MAYs about GET requests, which CSRF
  // prevention refuses unless they carry a header a cross-site form cannot send.
  it.each(audits.map((a) => [a.name, a]))('%s', async (name, audit) => {
    const result = await audit.fn();
    const reason = 'reason' in result ? String(result.reason) : '';
    if (result.status === 'notice') expect(name, reason).toMatch(/^MAY .*GET/);
    else expect(result.status, reason).toBe('ok');
  });
});

describe('CSRF prevention stays on', () => {
  it('refuses a simple cross-site request: a form post and a bare GET', async () => {
    const form = await fetch(`${h.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query={__typename}',
    });
    expect(form.status).toBe(400);
    const text = await fetch(`${h.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{__typename}"}' });
    expect(text.status).toBe(400);
    expect(await text.text()).toMatch(/Cross-Site Request Forgery/);
    const get = await fetch(`${h.server.url}/graphql?query=${encodeURIComponent('{__typename}')}`);
    expect(get.status).toBe(400);
  });

  it('keeps 4xx for request errors when the client asks for application/graphql-response+json', async () => {
    const res = await fetch(`${h.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ nope' }),
    });
    expect(res.status).toBe(400);
    const legacy = await fetch(`${h.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ nope' }),
    });
    expect(legacy.status).toBe(200);
    expect(((await legacy.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

// What an operator sees: one JSON log line per request with its id, errors logged with the id of
// the request that met them, Prometheus metrics, and liveness apart from readiness.

import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/http/log.js';
import { Edits } from '../src/io/edits.js';
import { startServer, type ZanjirServer } from '../src/server.js';
import { fixture } from './helpers/fixtures.js';
import { startHarness, testConfig, type Harness } from './helpers/harness.js';

let h: Harness;
let server: ZanjirServer;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  h = await startHarness();
  await h.load(fixture('worked-example.json'));
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
  });
  const config = testConfig({ ZANJIR_LOG_LEVEL: 'info' });
  server = await startServer({ config, executor: h.db.executor, store: h.db.store }, () => {}, { logger: createLogger(config, stream) });
});
afterAll(async () => {
  await server.close();
  await h.close();
});

const settle = () => new Promise((r) => setTimeout(r, 200));

describe('logs', () => {
  it('writes one JSON line per request with its id, echoed to the client, and never the key', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'dashboard-42', authorization: 'Bearer zk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      body: JSON.stringify({ query: '{ node(id: "product:steel") { id } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('dashboard-42');
    expect(res.status).toBe(401);
    await settle();
    const line = logLines.find((l) => l.reqId === 'dashboard-42');
    expect(line).toMatchObject({ msg: 'request', method: 'POST', path: '/graphql', status: 401, app: 'zanjir' });
    expect(typeof line!.ms).toBe('number');
    expect(JSON.stringify(logLines)).not.toContain('AAAAAAAAAAAAAAAAAAAA');
  });

  it('makes an id when the client sends none, or one that is not a plain token', async () => {
    const res = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('metrics and health', () => {
  it('counts requests by route and status, GraphQL errors by code, and database calls', async () => {
    await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ node(id: "nope:1") { id } }' }) });
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/zanjir_http_requests_total\{route="\/graphql",status="200"\} \d+/);
    expect(text).toMatch(/zanjir_graphql_errors_total\{code="NOT_FOUND"\} 1/);
    expect(text).toMatch(/zanjir_http_request_duration_seconds_bucket\{le="0.1",route="\/graphql"\}/);
    expect(text).toMatch(/zanjir_db_calls_in_use 0/);
    expect(text).toMatch(/zanjir_process_resident_memory_bytes \d+/);
  });

  it('counts the analytics engine’s full builds and delta refreshes, and how far it trails the database', async () => {
    const metric = async (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(await (await fetch(`${server.url}/metrics`)).text())?.[1]);
    const ask = () => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ importContent(id: "product:steel") { totalImportContent } }' }) });
    await ask();
    const builds = await metric('zanjir_snapshot_full_builds_total');
    const refreshes = await metric('zanjir_snapshot_refreshes_total');
    expect(builds).toBeGreaterThanOrEqual(1);
    // An edit made elsewhere on the same database: the next answer catches up by a delta, not a build.
    await new Edits(h.db.executor).upsertNode('test', { id: 'product:steel', kind: 'Product', name: 'Steel', stage: 'SEMI_FINISHED', unitValueUsd: 650 }, []);
    await ask();
    expect(await metric('zanjir_snapshot_full_builds_total')).toBe(builds);
    expect(await metric('zanjir_snapshot_refreshes_total')).toBe(refreshes + 1);
    expect(await metric('zanjir_snapshot_version_lag')).toBe(0);
  });

  it('keeps liveness apart from readiness', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/ready`)).json()).toEqual({ status: 'ready' });
  });
});

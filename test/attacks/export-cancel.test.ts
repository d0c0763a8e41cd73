// A download cancelled half-way (issue 10, finding 4) used to keep its database connection and
// transaction forever: the export waited for a 'drain' that never came. Cancel 60 of them, in the
// two ways a client can (stop reading, then hang up; hang up while the server is still writing),
// and the server must hold no connection and no transaction afterwards and still answer at once.

import http from 'node:http';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedIfEmpty } from '../../src/io/seed.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'researcher' });
  await seedIfEmpty(h.db, 'default');
});
afterAll(async () => {
  await h.close();
});

/** Opens a download, reads its first bytes, then goes away without reading the rest. */
function cancelAfterFirstBytes(path: string, mode: 'stall-then-close' | 'close-at-once'): Promise<number> {
  const { port } = new URL(h.server.url);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { 'x-request-id': 'cancel-test' } }, (res) => {
      res.once('data', (chunk: Buffer) => {
        if (mode === 'close-at-once') {
          req.destroy();
          resolve(chunk.length);
          return;
        }
        // Stop reading: the server's socket buffer fills and its writes start to wait.
        res.pause();
        setTimeout(() => {
          req.destroy();
          resolve(chunk.length);
        }, 150);
      });
    });
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
  });
}

async function zanjirTransactions(): Promise<number> {
  const driver = neo4j.driver(inject('boltUri'), neo4j.auth.basic('neo4j', inject('boltPassword')));
  const session = driver.session();
  try {
    const result = await session.run("SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE metaData.app = 'zanjir' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n");
    return result.records[0]!.get('n').toNumber();
  } finally {
    await session.close();
    await driver.close();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 50 && h.db.executor.load.inUse > 0; i += 1) await new Promise((r) => setTimeout(r, 100));
}

describe('cancelled exports', () => {
  it('free their connection and transaction, 60 times over, and the server still answers', async () => {
    for (let i = 0; i < 30; i += 1) expect(await cancelAfterFirstBytes('/export/jsonl', 'stall-then-close')).toBeGreaterThan(0);
    for (let i = 0; i < 30; i += 1) expect(await cancelAfterFirstBytes('/export/graphml', 'close-at-once')).toBeGreaterThan(0);
    await settle();
    expect(h.db.executor.load).toMatchObject({ inUse: 0, queued: 0 });
    expect(await zanjirTransactions()).toBe(0);
    const started = Date.now();
    const health = await fetch(`${h.server.url}/ready`);
    expect(health.status).toBe(200);
    expect((await h.query('{ node(id: "mine:sungun") { id } }')).node.id).toBe('mine:sungun');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('still deliver a whole export to a client that reads it all', async () => {
    const res = await fetch(`${h.server.url}/export/jsonl`);
    const lines = (await res.text()).trim().split('\n');
    expect(lines.length).toBeGreaterThan(600);
    expect(JSON.parse(lines.at(-1)!)).toBeTruthy();
    await settle();
    expect(h.db.executor.load.inUse).toBe(0);
  });
});

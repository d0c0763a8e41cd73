// The database dies in the middle of an import (issue 10, "Faults"): nothing of the import may be
// in the graph, callers must hear a clear "unavailable" meanwhile, and once Neo4j is back (the
// embedded one is started again by Zanjir itself) the same import must succeed without
// restarting Zanjir. Runs its own embedded Neo4j, so killing it harms no other test.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { startServer, type ZanjirServer } from '../../src/server.js';

let dataDir: string;
let db: Database;
let server: ZanjirServer;
const lines: string[] = [];

const COUNT = 40_000;
const document = {
  format: 'zanjir/1',
  homeCountry: 'IR',
  nodes: Array.from({ length: COUNT }, (_, i) => ({ id: `mine:fault-${i}`, kind: 'Mine', name: `Fault test mine ${i}`, nameFa: `معدن آزمون ${i}`, capacityTpy: i })),
  edges: [],
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-faults-'));
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: '',
    ZANJIR_DATA_DIR: dataDir,
    ZANJIR_BOLT_PORT: '0',
    PORT: '0',
    ZANJIR_JAVA_HEAP: '1g',
    ZANJIR_PAGECACHE: '128m',
    ZANJIR_ANONYMOUS_ROLE: 'editor',
    ZANJIR_LOG_LEVEL: 'silent',
    ZANJIR_DB_RETRY_MS: '1000',
    ZANJIR_REQUEST_TIMEOUT_MS: '120000',
  });
  db = await openDatabase(config, { log: (l) => lines.push(l) });
  server = await startServer({ config, executor: db.executor, store: db.store }, () => {});
});
afterAll(async () => {
  await server?.close();
  await db?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, json: (await res.json()) as any };
};

const IMPORT = 'mutation ($d: JSON!) { importGraph(document: $d) { nodes { created } } }';
const COUNT_FAULT_MINES = '{ nodes(kind: MINE, first: 1) { totalCount } }';

/** Waits until Neo4j shows Zanjir's import transaction running. */
async function importRunning(): Promise<void> {
  const driver = neo4j.driver(db.boltUri, neo4j.auth.basic(db.boltAuth.user, db.boltAuth.password));
  try {
    for (let i = 0; i < 600; i += 1) {
      const session = driver.session();
      try {
        const r = await session.run("SHOW TRANSACTIONS YIELD metaData WHERE metaData.query = 'import' RETURN count(*) AS n");
        if (r.records[0]!.get('n').toNumber() > 0) return;
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the import never started');
  } finally {
    await driver.close();
  }
}

describe('Neo4j dies in the middle of an import', () => {
  it('leaves nothing of the import, answers "unavailable" meanwhile, and takes the same import once Neo4j is back', async () => {
    const pid = db.embeddedPid()!;
    const importing = gql(IMPORT, { d: document });
    await importRunning();
    process.kill(pid, 'SIGKILL');

    const failed = await importing;
    expect(failed.json.errors[0].extensions.code).toMatch(/^(DATABASE_UNAVAILABLE|IMPORT_FAILED)$/);
    expect(failed.json.errors[0].message).not.toMatch(/Internal server error/);

    // While it is down: a clear 503 from /ready, DATABASE_UNAVAILABLE from GraphQL.
    // (Starting a JVM and Neo4j takes seconds, so it is still down here.)
    expect((await fetch(`${server.url}/ready`)).status).toBe(503);
    const during = await gql('{ node(id: "mine:fault-1") { id } }');
    expect(during.json.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');

    // Zanjir starts its Neo4j again by itself.
    for (let i = 0; i < 360 && (await fetch(`${server.url}/ready`)).status !== 200; i += 1) await new Promise((r) => setTimeout(r, 500));
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    expect(db.embeddedPid()).not.toBe(pid);
    expect(lines.join('\n')).toMatch(/stopped unexpectedly.*starting it again/s);

    // Nothing of the interrupted import is there.
    const after = await gql(COUNT_FAULT_MINES);
    expect(after.json.errors, JSON.stringify(after.json.errors)).toBeUndefined();
    expect(after.json.data.nodes.totalCount).toBe(0);

    // The same import, through the same Zanjir, now succeeds whole.
    const again = await gql(IMPORT, { d: document });
    expect(again.json.errors).toBeUndefined();
    expect(again.json.data.importGraph.nodes.created).toBe(COUNT);
    expect((await gql(COUNT_FAULT_MINES)).json.data.nodes.totalCount).toBe(COUNT);
  }, 300_000);
});

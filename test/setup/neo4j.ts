// Global setup of the integration tests: one real Neo4j for the whole run. By default the
// embedded one, in a fresh temporary data directory; NEO4J_TEST_URI (and NEO4J_TEST_PASSWORD)
// point the tests at another server instead (it must be a throwaway database: every test file
// empties it, and configured as docs/security.md says: the attack tests check that too).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    boltUri: string;
    /** The password of the run's Neo4j (the embedded one generates its own). */
    boltPassword: string;
    /** The embedded test database's data directory; empty when NEO4J_TEST_URI is used. */
    dataDir: string;
  }
}

let embedded: EmbeddedNeo4j | null = null;
let dataDir: string | null = null;

export async function setup(project: TestProject): Promise<void> {
  const external = process.env.NEO4J_TEST_URI;
  if (external) {
    project.provide('boltUri', external);
    project.provide('boltPassword', process.env.NEO4J_TEST_PASSWORD ?? '');
    project.provide('dataDir', '');
    return;
  }
  const config = loadConfig({ ...process.env, NEO4J_URI: '' });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-test-'));
  const started = Date.now();
  embedded = await startEmbeddedNeo4j({
    home: config.home,
    dataDir,
    boltPort: 0,
    javaPath: config.javaPath,
    javaHeap: '2g',
    pageCache: '256m',
    log: (line) => process.stderr.write(`[neo4j] ${line}\n`),
  });
  process.stderr.write(`[neo4j] test database ready at ${embedded.boltUri} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  project.provide('boltUri', embedded.boltUri);
  project.provide('boltPassword', embedded.auth.password);
  project.provide('dataDir', dataDir);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

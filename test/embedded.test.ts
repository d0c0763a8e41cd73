// The embedded Neo4j as a newcomer meets it: a second start on the same data directory is
// refused at once with a message that says what to do, and neo4j:// routing URIs work.

import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { EmbeddedStartError, startEmbeddedNeo4j } from '../src/db/embedded.js';

describe('the embedded Neo4j', () => {
  it.runIf(inject('dataDir') !== '')('refuses a second start on a data directory in use, naming the holder and the way out', async () => {
    const config = loadConfig({ ...process.env, NEO4J_URI: '' });
    const started = Date.now();
    const error = await startEmbeddedNeo4j({ ...config, dataDir: inject('dataDir'), boltPort: 0, log: () => {} }).catch((e) => e);
    expect(error).toBeInstanceOf(EmbeddedStartError);
    expect(error.message).toMatch(/Another Zanjir \(process \d+\) is already using the data directory/);
    expect(error.message).toContain(`NEO4J_URI=${inject('boltUri')}`);
    // Refused before any JVM starts: Neo4j's own store lock would take many seconds to say so.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.runIf(inject('dataDir') !== '')('attaches to the running Neo4j when a command asks to', async () => {
    const config = { ...loadConfig({ ...process.env, NEO4J_URI: '' }), dataDir: inject('dataDir') };
    const db = await openDatabase(config, { attach: true });
    try {
      expect(db.boltUri).toBe(inject('boltUri'));
      expect(db.embedded).toBe(false);
      expect(await db.store.homeCountry()).toMatch(/^[A-Z]{2}$/);
    } finally {
      await db.close();
    }
  });

  it('answers a neo4j:// routing URI, as a cluster or Aura would be addressed', async () => {
    const routing = inject('boltUri').replace(/^bolt:/, 'neo4j:');
    const db = await openDatabase(loadConfig({ ...process.env, NEO4J_URI: routing, NEO4J_PASSWORD: inject('boltPassword') }));
    try {
      expect(db.boltUri).toBe(routing);
      expect(await db.store.counts()).toHaveProperty('nodes');
    } finally {
      await db.close();
    }
  });
});

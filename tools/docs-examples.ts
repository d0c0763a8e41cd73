// npm run docs:examples: runs every query of docs/examples on the seed graph (a fresh embedded
// Neo4j in a temporary directory) and rewrites the example blocks of the README and the docs
// from the live answers. `-- --check` only says which blocks differ (what the test does).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { seedIfEmpty } from '../src/io/seed.js';
import { startServer } from '../src/server.js';
import { blocksIn, docFiles, renderBlock, rewrite, ROOT } from '../docs/examples/blocks.js';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-docs-'));
  const config = loadConfig({ ...process.env, NEO4J_URI: '', ZANJIR_DATA_DIR: dataDir, ZANJIR_BOLT_PORT: '0', PORT: '0', ZANJIR_LOG_LEVEL: 'silent', ZANJIR_ANONYMOUS_ROLE: 'admin' });
  console.error('Starting an embedded Neo4j with the seed graph…');
  const db = await openDatabase(config);
  try {
    await seedIfEmpty(db, 'default');
    const server = await startServer({ config, executor: db.executor, store: db.store }, () => {});
    try {
      const ask = async (query: string, variables: Record<string, unknown> = {}) => {
        const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
        const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
        if (body.errors?.length) throw new Error(`${body.errors.map((e) => e.message).join('; ')}\nin\n${query}`);
        return body.data;
      };
      let changed = 0;
      for (const file of docFiles()) {
        const blocks = blocksIn(file);
        if (blocks.length === 0) continue;
        const rendered = new Map<string, string>();
        for (const b of blocks) rendered.set(b.name, await renderBlock(b.name, ask));
        const stale = blocks.filter((b) => rendered.get(b.name) !== b.content).map((b) => b.name);
        changed += stale.length;
        if (stale.length === 0) continue;
        if (check) console.log(`${file}: ${stale.join(', ')} differ from the live answers`);
        else {
          fs.writeFileSync(path.join(ROOT, file), rewrite(file, rendered));
          console.log(`${file}: rewrote ${stale.join(', ')}`);
        }
      }
      console.log(changed === 0 ? 'Every example block matches the live answers.' : check ? `${changed} blocks differ: run npm run docs:examples.` : `${changed} blocks rewritten.`);
      if (check && changed > 0) process.exitCode = 1;
    } finally {
      await server.close();
    }
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

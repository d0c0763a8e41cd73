// npx tsx bench/walk-ab.ts [--nodes N]: the experiment behind the README's note on walks. On a
// generated chain in a fresh embedded Neo4j it runs, interleaved in one process, the hop-by-hop
// walk Zanjir uses and a three-query alternative (reach with depth by ANY SHORTEST, then the kept
// nodes, then the walked edges), upstream of a finished good, and prints both medians.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { importSources } from '../src/io/importer.js';
import { jsonLinesSource } from '../src/io/sources.js';
import { generateChain } from './generate.js';

const at = process.argv.indexOf('--nodes');
const targetNodes = at > 0 ? Number(process.argv[at + 1]) : 100_000;
const TYPES = 'EXTRACTS|PRODUCES|SUPPLIES|FEEDS|COMPONENT_OF';
const RUNS = 12;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-walk-ab-'));
const file = path.join(work, 'chain.jsonl');
const chain = generateChain(file, targetNodes);
const config = { ...loadConfig({ ...process.env, NEO4J_URI: '' }), dataDir: path.join(work, 'data'), boltPort: 0, port: 0, seed: 'none', javaHeap: '4g' };
const db = await openDatabase(config, { log: (l) => console.log(l) });
const driver = neo4j.driver(db.boltUri, neo4j.auth.basic(db.boltAuth.user, db.boltAuth.password));
const root = chain.finishedGoods[0]!;

async function hopByHop(): Promise<number> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const seen = new Set([root]);
      let frontier = [root];
      for (let depth = 1; depth <= 12 && frontier.length > 0; depth += 1) {
        const result = await tx.run(`UNWIND $frontier AS id MATCH (a:Entity {id: id})<-[r:${TYPES}]-(b:Entity) RETURN id AS at, type(r) AS type, properties(r) AS props, b AS node`, { frontier });
        const next: string[] = [];
        for (const record of result.records) {
          const id = record.get('node').properties.id as string;
          if (!seen.has(id)) {
            seen.add(id);
            next.push(id);
          }
        }
        frontier = next;
      }
      return seen.size;
    });
  } finally {
    await session.close();
  }
}

async function threeQueries(): Promise<number> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const reach = await tx.run(`MATCH (root:Entity {id: $id}) MATCH p = ANY SHORTEST (root)<-[:${TYPES}]-{1,12}(n:Entity) WHERE n <> root RETURN n.id AS id, n.name AS name, length(p) AS depth`, { id: root });
      const ids = reach.records.map((r) => r.get('id') as string);
      await tx.run('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, n AS node', { ids });
      const all = [root, ...ids];
      await tx.run(`UNWIND $frontier AS id MATCH (a:Entity {id: id})<-[r:${TYPES}]-(b:Entity) WHERE b.id IN $kept RETURN b.id AS from, type(r) AS type, a.id AS to, properties(r) AS props`, { frontier: all, kept: all });
      return all.length;
    });
  } finally {
    await session.close();
  }
}

try {
  await importSources(db.executor, [jsonLinesSource(file)]);
  const a: number[] = [];
  const b: number[] = [];
  let sizes = '';
  for (let i = 0; i < RUNS; i += 1) {
    let t0 = performance.now();
    const x = await hopByHop();
    a.push(performance.now() - t0);
    t0 = performance.now();
    const y = await threeQueries();
    b.push(performance.now() - t0);
    sizes = `${x} / ${y} nodes`;
  }
  const median = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)]!.toFixed(1);
  console.log(`Upstream of ${root} (${sizes}), ${RUNS} interleaved runs: hop by hop ${median(a)} ms, three queries ${median(b)} ms (medians).`);
} finally {
  await driver.close();
  await db.close();
  fs.rmSync(work, { recursive: true, force: true });
}

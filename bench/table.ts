// npx tsx bench/table.ts bench/results/FILE.json: the README's "Measured" tables from a bench run.

import fs from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx bench/table.ts bench/results/FILE.json');
const run = JSON.parse(fs.readFileSync(file, 'utf8'));
const ms = (x: number | undefined) => (x === undefined ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x} ms`);
const VIA: Record<string, string> = { 'zanjir-graphql': 'Zanjir (GraphQL/HTTP)', 'raw-cypher': 'raw Cypher (driver)', 'neo4j-graphql': '@neo4j/graphql 7.6.3 (HTTP)' };

console.log(`${run.command}, ${run.date.slice(0, 10)}; ${run.machine.cpus} cores (${run.machine.cpuModel}), ${run.machine.memoryGb} GB, Node ${run.machine.node}.\n`);
for (const size of run.sizes) {
  console.log(`**${size.nodes.toLocaleString('en')} nodes, ${size.edges.toLocaleString('en')} edges** (load average ${size.loadAverageBefore?.[0] ?? '?'} before, ${size.loadAverageAfter?.[0] ?? '?'} after; Neo4j heap ${size.neo4j.heap}, page cache ${size.neo4j.pageCache})\n`);
  const imp = size.import;
  console.log(`- import: ${imp.records.toLocaleString('en')} records in ${imp.seconds} s, **${imp.perSecond.toLocaleString('en')} records/s** (${imp.mode}); importer peak ${imp.importerPeakRssMb} MB, Neo4j peak ${imp.neo4jPeakRssMb} MB`);
  const snap = size.snapshot;
  console.log(`- snapshot: built in ${ms(Math.round(snap.buildMs))} on the first request; arrays and strings ≈ ${snap.approximateMb} MB; server RSS after ${snap.serverRssAfterMb} MB (JS heap ${snap.heapUsedMb} MB)`);
  console.log(`- answer sizes: ${Object.entries(size.answers ?? {}).map(([k, v]) => `${k}: ${v}`).join('; ')}`);
  console.log(`- peak memory: server ${size.memory?.serverPeakRssMb} MB, Neo4j ${size.memory?.neo4jPeakRssMb} MB\n`);
  console.log('| operation | via | p50 | p95 | p99 | 8 clients: req/s | 8 clients: p99 | round trips |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const op of size.operations) {
    if (op.error) {
      console.log(`| ${op.name} | ${VIA[op.via]} | failed: ${op.error.slice(0, 80).replace(/\|/g, '/')} | | | | | |`);
      continue;
    }
    const c = op.concurrent;
    console.log(`| ${op.name} | ${VIA[op.via]} | ${ms(op.single.p50)} | ${ms(op.single.p95)} | ${ms(op.single.p99)} | ${c ? c.perSecond : ''} | ${c ? ms(c.p99) : ''} | ${op.roundTrips ?? ''} |`);
  }
  console.log('');
}

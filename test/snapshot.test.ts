// The analytics engine on a real Neo4j, kept current by the change feed: after imports, edits,
// deletes and a staged import's rollback, the engine refreshed by deltas answers exactly what a
// fresh full build of the same graph answers, without a full build; writes that touch no chain
// record leave the version alone; and a second server on the same Neo4j sees an edit made through
// the first on its very next request, by a delta.

import { serviceDeps } from '../src/services/deps.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotCacheFor } from '../src/context.js';
import { SnapshotCache } from '../src/engine/snapshot-cache.js';
import { organizationChokepointsReport } from '../src/services/organization.js';
import { deleteEverything } from '../src/db/chain-store.js';
import { ImportFailedError } from '../src/errors/index.js';
import {
  chainBalanceReport,
  chokepointsReport,
  disruptionReport,
  importContentReport,
  importReliantLinksReport,
  valueFlowsReport,
} from '../src/services/analytics.js';
import { importSources } from '../src/io/importer.js';
import { linkSources } from '../src/io/link-sources.js';
import { Edits } from '../src/io/edits.js';
import { AccessStore } from '../src/db/access-store.js';
import { seedIfEmpty } from '../src/io/seed.js';
import { documentSource } from '../src/io/sources.js';
import { doc, edge, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let a: Harness;
let b: Harness;
beforeAll(async () => {
  a = await startHarness();
  b = await startHarness();
  await seedIfEmpty(a.db, 'default');
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const version = async () => Number((await a.db.executor.read('meta/graph-version'))[0]?.version ?? 0);
/**
 * Drops what differs by design: which version a snapshot answer used (null from the database),
 * the last bits of sums taken in another edge order, and the order of lists that follow edge order.
 */
const plain = (x: unknown) =>
  JSON.parse(
    JSON.stringify(x, (k, v) => {
      if (k === 'graphVersion') return undefined;
      if (typeof v === 'number') return Math.round(v * 1e9) / 1e9;
      if (k === 'foreignSuppliers') return [...v].sort((p: any, q: any) => p.supplier.id.localeCompare(q.supplier.id));
      return v;
    }),
  );

const ITEMS = ['product:peugeot-pars', 'product:hot-rolled-coil', 'part:wire-harness', 'product:tara'];
const SCENARIOS = [{ countries: ['CN'] }, { allImports: true }, { nodeIds: ['supplier:cn-aluminium-fluoride'] }, { nodeIds: ['mine:sungun', 'plant:mobarakeh-meltshop'], countries: ['DE'] }];

/** Every metric, from the live engine (refreshed by deltas) and from a fresh full build; they must agree, and the live one must not have rebuilt. */
async function expectSnapshotEqualsDatabase(label: string, by: 'build' | 'delta' = 'delta'): Promise<void> {
  const live = snapshotCacheFor(a.db.executor);
  const { builds, refreshes } = live.counters;
  const fromSnapshot = serviceDeps({ store: a.db.store, executor: a.db.executor, limits: a.config.limits, snapshots: live });
  const fromDb = serviceDeps({ store: a.db.store, executor: a.db.executor, limits: a.config.limits, snapshots: new SnapshotCache(a.db.executor) });
  for (const id of ITEMS) {
    const [x, y] = await Promise.all([importContentReport(fromDb, id), importContentReport(fromSnapshot, id)]);
    expect(y.graphVersion, label).toBe(await version());
    expect(x.graphVersion).toBe(y.graphVersion);
    expect(y.totalImportContent, `${label} ${id}`).toBeCloseTo(x.totalImportContent, 12);
    // Assumptions come in the order the edges were read, which neither side fixes: compare them as sets.
    const canon = (r: typeof x) => plain({ ...r, totalImportContent: 0, domesticContent: 0, contributions: r.contributions.map((c) => c.item.id), assumptions: r.assumptions.map((s) => JSON.stringify(s)).sort() });
    expect(canon(y), `${label} ${id}`).toEqual(canon(x));
    expect(plain(await importReliantLinksReport(fromSnapshot, id, 0.3)), `${label} ${id}`).toEqual(plain(await importReliantLinksReport(fromDb, id, 0.3)));
    // The same Sankey, node for node and link for link (loops are cut in the same place whatever order the edges come in).
    const sankey = (r: Awaited<ReturnType<typeof valueFlowsReport>>) => plain({ nodes: r.nodes.map((x) => [x.key, x.value]), links: r.links, cutLoops: r.cutLoops });
    expect(sankey(await valueFlowsReport(fromSnapshot, id, 0)), `${label} ${id}`).toEqual(sankey(await valueFlowsReport(fromDb, id, 0)));
  }
  expect(plain(await chokepointsReport(fromSnapshot, 'product:hot-rolled-coil', 1)), label).toEqual(plain(await chokepointsReport(fromDb, 'product:hot-rolled-coil', 1)));
  // Which companies would stop the Pars: the same organisations, impacts and records either way.
  expect(plain(await organizationChokepointsReport(fromSnapshot, 'product:peugeot-pars', 0.5)), label).toEqual(plain(await organizationChokepointsReport(fromDb, 'product:peugeot-pars', 0.5)));
  for (const scenario of SCENARIOS) {
    const x = await disruptionReport(fromDb, scenario);
    const y = await disruptionReport(fromSnapshot, scenario);
    const losses = (r: typeof x) => new Map(r.losses.map((l) => [l.itemId, Math.round(l.loss * 1e9)]));
    expect(losses(y), `${label} ${JSON.stringify(scenario)}`).toEqual(losses(x));
    expect(y.finishedGoodsHit.map((l) => l.itemId).sort()).toEqual(x.finishedGoodsHit.map((l) => l.itemId).sort());
    expect(y.figures, `${label} ${JSON.stringify(scenario)} figures`).toEqual(x.figures);
    expect(y.removedSourceIds).toEqual(x.removedSourceIds);
  }
  expect(plain(await chainBalanceReport(fromSnapshot)), label).toEqual(plain(await chainBalanceReport(fromDb)));
  // A change the feed can describe is caught up by a delta, never a full build.
  if (by === 'delta') {
    expect(live.counters.builds, `${label}: no full build`).toBe(builds);
    expect(live.counters.refreshes, `${label}: refreshed`).toBeGreaterThan(refreshes);
  }
}

describe('the engine refreshed by deltas agrees with a fresh full build', () => {
  it('on the seed graph', async () => {
    await expectSnapshotEqualsDatabase('seed', 'build');
  });

  it('after an import that updates shares and adds a Chinese second source', async () => {
    const summary = await importSources(a.db.executor, [
      documentSource(
        doc(
          [
            node('supplier:cn-coil-2', 'Supplier', { name: 'Second Chinese coil trader', nameFa: 'بازرگان دوم ورق چینی', country: 'CN' }),
            node('supplier:ir-fluoride', 'Supplier', { name: 'Home aluminium fluoride maker', nameFa: 'سازنده داخلی فلوراید آلومینیوم' }),
          ],
          [
            edge('SUPPLIES', 'supplier:cn-coil-2', 'product:hot-rolled-coil', { volumePerYear: 900000 }),
            edge('SUPPLIES', 'supplier:ir-fluoride', 'product:aluminium-fluoride', { volumePerYear: 5000 }),
          ],
        ),
      ),
    ]);
    expect(summary.edges.created).toBe(2);
    await expectSnapshotEqualsDatabase('after an update');
  });

  it('after edits, an edge removal and a node deletion', async () => {
    const edits = new Edits(a.db.executor);
    await edits.upsertNode('test', { id: 'product:hot-rolled-coil', kind: 'Product', name: 'Hot-rolled coil', nameFa: 'ورق گرم', stage: 'INTERMEDIATE', unitValueUsd: 777 }, []);
    await edits.upsertEdge('test', { type: 'SUPPLIES', from: 'supplier:cn-coil-2', to: 'product:hot-rolled-coil', volumePerYear: 2_500_000 });
    await edits.deleteEdge('test', { type: 'SUPPLIES', from: 'supplier:ir-fluoride', to: 'product:aluminium-fluoride' });
    await edits.deleteNode('test', 'supplier:ir-fluoride');
    await expectSnapshotEqualsDatabase('after edits');
  });

  it('after a staged import that failed half-way and was rolled back', async () => {
    const before = await version();
    const nodes = Array.from({ length: 30 }, (_, i) => node(`supplier:tmp-${i}`, 'Supplier', { name: `Temporary ${i}`, nameFa: `موقت ${i}`, country: 'CN' }));
    const edges = nodes.map((n: any) => edge('SUPPLIES', n.id, 'product:peugeot-pars', { volumePerYear: 1 }));
    const failed = importSources(a.db.executor, [documentSource(doc(nodes, edges))], { mode: 'staged', batchSize: 10, fault: { after: 4, kind: 'fail' } });
    await expect(failed).rejects.toBeInstanceOf(ImportFailedError);
    // The batches were held back from the change feed; their undoing is recorded once, for everything.
    expect(await version()).toBe(before + 1);
    const walk = await a.query(`{ upstream(id: "product:peugeot-pars", maxDepth: 1) { graphVersion nodes { id } } }`);
    expect(walk.upstream.graphVersion).toBe(await version());
    expect(walk.upstream.nodes.map((n: any) => n.id)).not.toContain('supplier:tmp-0');
    // An undo is recorded as "everything": the live engine rebuilds once.
    await expectSnapshotEqualsDatabase('after a rollback', 'build');
  });
});

describe('the graph version', () => {
  it('rises with writes that touch chain records, not with those that touch none (link-sources, API keys)', async () => {
    const v0 = await version();
    await importSources(a.db.executor, [documentSource(doc([node('mine:v', 'Mine', { name: 'Version mine', nameFa: 'معدن نسخه' })]))]);
    const v1 = await version();
    expect(v1).toBe(v0 + 1);
    await linkSources(a.db.executor);
    await new AccessStore(a.db.executor).issue({ name: 'version-probe', role: 'reader', createdBy: 'test' });
    const v2 = await version();
    expect(v2).toBe(v1);
    const up = await a.query(`{ upstream(id: "mine:v", maxDepth: 1) { graphVersion } disruption(scenario: { countries: ["CN"] }) { graphVersion } importContent(id: "product:peugeot-pars") { graphVersion } }`);
    expect(up.upstream.graphVersion).toBe(v2);
    expect(up.disruption.graphVersion).toBe(v2);
    expect(up.importContent.graphVersion).toBe(v2);
  });

  it('reads the version once per request and rebuilds only when it moved', async () => {
    const cache = snapshotCacheFor(a.db.executor);
    await a.query(`{ upstream(id: "product:peugeot-pars", maxDepth: 2) { nodes { id } } }`);
    const { versionReads, builds } = cache.counters;
    await a.query(`{ upstream(id: "product:peugeot-pars", maxDepth: 2) { nodes { id } } }`);
    await a.query(`{ importContent(id: "product:peugeot-pars") { totalImportContent } }`);
    expect(cache.counters.versionReads - versionReads).toBe(2);
    expect(cache.counters.builds).toBe(builds);
  });
});

describe('two servers on one Neo4j', () => {
  it('the second sees an edit made through the first on its next request, by a delta', async () => {
    const walk = `{ upstream(id: "product:peugeot-pars", maxDepth: 1) { graphVersion nodes { id name } } }`;
    await b.query(walk);
    const other = snapshotCacheFor(b.db.executor);
    const { builds, refreshes } = other.counters;
    const res = await a.gql(`mutation { upsertEdge(edge: { type: "SUPPLIES", from: "supplier:cn-coil-2", to: "product:peugeot-pars", volumePerYear: 3 }) { edge } }`);
    expect(res.errors).toBeUndefined();
    const next = (await b.query(walk)).upstream;
    expect(next.nodes.map((n: any) => n.id)).toContain('supplier:cn-coil-2');
    expect(other.counters.builds).toBe(builds);
    expect(other.counters.refreshes).toBeGreaterThan(refreshes);
  });

  it('the second sees an import made through the first on its next request', async () => {
    const walk = `{ upstream(id: "product:peugeot-pars", maxDepth: 1) { graphVersion nodes { id name } } }`;
    const first = (await b.query(walk)).upstream;
    expect(first.nodes.map((n: any) => n.id)).not.toContain('supplier:new-seat-maker');
    const res = await a.gql(`mutation ($d: JSON!) { importGraph(document: $d) { nodes { created } } }`, {
      d: doc([node('supplier:new-seat-maker', 'Supplier', { name: 'New seat maker', nameFa: 'سازنده تازه صندلی' })], [edge('SUPPLIES', 'supplier:new-seat-maker', 'product:peugeot-pars', { volumePerYear: 10 })]),
    });
    expect(res.errors).toBeUndefined();
    const next = (await b.query(walk)).upstream;
    expect(next.graphVersion).toBeGreaterThan(first.graphVersion);
    expect(next.nodes.map((n: any) => n.id)).toContain('supplier:new-seat-maker');
    expect(next.nodes.find((n: any) => n.id === 'supplier:new-seat-maker').name).toBe('New seat maker');
    // And a reset through the first empties the second's answers.
    await deleteEverything(a.db.executor);
    const gone = await b.gql(walk);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

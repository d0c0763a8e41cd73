// The solve pool with real worker threads (loaded through tsx, as in a server): answers against
// DOMAIN.md's worked example and the record-based references on random chains; a delta waits for
// the solves in flight; a spent budget fails the request and frees its worker, cooperatively or
// by terminating it; a crashed worker is replaced.

import { afterAll, describe, expect, it } from 'vitest';
import { applyChange, engineOf } from '../analytics/engine.js';
import { disruptionReport, removalOf, chokepointsFrom } from '../analytics/disruption.js';
import { importContent, importContentFrom, itemSlot } from '../analytics/import-content.js';
import { rowOf, selectItems } from '../analytics/chain-balance.js';
import type { GraphSnapshot } from '../analytics/graph-snapshot.js';
import { workedExample } from '../analytics/test-graphs.js';
import { RequestTimeoutError } from '../errors/index.js';
import { randomChain } from '../../test/reference/random-chains.js';
import { chokepoints as referenceChokepoints, disruption as referenceDisruption } from '../../test/reference/disruption.js';
import { chainBalance as referenceBalance } from '../../test/reference/chain-balance.js';
import { SolvePool } from './pool.js';
import type { SolveJob } from './solve-jobs.js';

const close = (x: number) => expect.closeTo(x, 12);
const pools: SolvePool[] = [];
const poolOf = (size: number, graceMs = 100) => {
  const p = new SolvePool(size, { graceMs, watchMs: 5 });
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const lossesIn = (pool: SolvePool, snap: GraphSnapshot, scenario: Parameters<typeof removalOf>[1], budget?: { check(): void }) => {
  const removal = removalOf(snap, scenario);
  return pool.solve(snap, { kind: 'losses', removal }, (r) => ({ ...disruptionReport(snap, removal, r), version: snap.version }), budget);
};

const chokepointsIn = (pool: SolvePool, snap: GraphSnapshot, rootId: string, minImpact: number) =>
  pool.solve(snap, { kind: 'impacts', root: itemSlot(snap, rootId), sets: null }, ({ sets, impacts }) => chokepointsFrom(sets.map(([v]) => snap.ids[v!]!), impacts, minImpact));

const balanceIn = (pool: SolvePool, snap: GraphSnapshot) =>
  pool.solve(snap, { kind: 'balance', items: Int32Array.from(selectItems(snap, {})) }, (b) =>
    Array.from(b.items, (v, k) => rowOf(snap, v, { homeCapacity: b.homeCapacity[k]!, imports: b.imports[k]!, demand: b.demand[k]!, missing: Array.from(b.missing.subarray(b.missingStart[k]!, b.missingStart[k + 1]!)) })),
  );

const importIn = (pool: SolvePool, snap: GraphSnapshot, rootId: string) =>
  pool.solve(snap, { kind: 'importContent', root: itemSlot(snap, rootId) }, (s) => importContentFrom(snap, rootId, s));

/** A job that holds its worker until released (cooperative: it stops at a cancel; else it spins, deaf to it). */
function hold(cooperative = true): { job: SolveJob; release: () => void } {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  return {
    job: { kind: 'hold', release: flag, cooperative },
    release: () => {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    },
  };
}

/** A budget that runs out when told to. */
function budget() {
  let spent = false;
  return {
    check: () => {
      if (spent) throw new RequestTimeoutError(50);
    },
    spend: () => {
      spent = true;
    },
  };
}

describe("DOMAIN.md's worked example, solved in worker threads", () => {
  const pool = poolOf(2);
  const snap = engineOf(workedExample(), 7);

  it('"CN": electrode 1, steel 0.8 × max(pellet 0, electrode 1) = 0.8', async () => {
    const r = await lossesIn(pool, snap, { countries: ['CN'] });
    expect(r.losses).toEqual([
      { itemId: 'electrode', loss: 1 },
      { itemId: 'steel', loss: close(0.8) },
    ]);
    expect(r.removedSources).toEqual(['supplier:cn']);
    expect(r.version).toBe(7);
  });

  it('chokepoints of steel at 0.8: every upstream node but the Turkish importer', async () => {
    const found = await chokepointsIn(pool, snap, 'steel', 0.8);
    expect(found.map((c) => c.nodeId).sort()).toEqual(['electrode', 'mine:a', 'ore', 'pellet', 'plant:pellet', 'plant:steel', 'supplier:cn']);
    for (const c of found) expect(c.impact).toEqual(close(0.8));
  });

  it('import content of steel: t = 0.2 + 0.8 × 0.1 × 1 = 0.28', async () => {
    const r = await importIn(pool, snap, 'steel');
    expect(r.totalImportContent).toEqual(close(0.28));
    expect(r.contributions).toEqual([
      { itemId: 'steel', share: close(0.2) },
      { itemId: 'electrode', share: close(0.08) },
    ]);
  });

  it('chain balance: ore 1,000 − 1.5 × 600 = 100; electrode 0 − 0.01 × 400 = −4 with 2 imported', async () => {
    const rows = Object.fromEntries((await balanceIn(pool, snap)).map((r) => [r.itemId, r]));
    expect(rows.ore).toMatchObject({ homeCapacity: 1000, imports: 0, demand: 900, balance: 100, missing: [] });
    expect(rows.electrode).toMatchObject({ homeCapacity: 0, imports: 2, demand: 4, balance: -4 });
    expect(rows.steel).toMatchObject({ homeCapacity: 400, imports: 100, demand: 0 });
  });

  it('more jobs than workers queue and all answer', async () => {
    const answers = await Promise.all(['CN', 'TR', 'CN', 'TR', 'CN'].map((c) => lossesIn(pool, snap, { countries: [c] })));
    // "TR": steel loses its importer's 0.2 share.
    expect(answers.map((a) => a.losses.find((l) => l.itemId === 'steel')!.loss)).toEqual([close(0.8), close(0.2), close(0.8), close(0.2), close(0.8)]);
    expect(pool.stats.workers).toBe(2);
  });
});

describe('random chains: the pool agrees with the record-based references', () => {
  const pool = poolOf(2);

  it('disruption, chokepoints, chain balance and import content', async () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const graph = randomChain(seed);
      const snap = engineOf(graph);
      for (const scenario of [{ countries: ['CN'] }, { allImports: true }, { nodeIds: [...graph.nodes.keys()].slice(0, 3) }]) {
        const got = await lossesIn(pool, snap, scenario);
        const expected = referenceDisruption(graph, scenario);
        expect(got.losses.map((l) => l.itemId).sort(), `seed ${seed}`).toEqual(expected.losses.map((l) => l.itemId).sort());
        const want = new Map(expected.losses.map((l) => [l.itemId, l.loss]));
        for (const l of got.losses) expect(l.loss).toBeCloseTo(want.get(l.itemId)!, 10);
        expect(got.removedSources).toEqual(expected.removedSources);
      }
      const ids = [...graph.nodes.values()].filter((x) => x.kind === 'Product' || x.kind === 'Part').map((x) => x.id).slice(0, 3);
      for (const id of ids) {
        const got = await chokepointsIn(pool, snap, id, 0.3);
        const expected = new Map(referenceChokepoints(graph, id, 0.3).map((c) => [c.nodeId, c.impact]));
        expect(new Set(got.map((c) => c.nodeId)), `seed ${seed} ${id}`).toEqual(new Set(expected.keys()));
        for (const c of got) expect(c.impact).toBeCloseTo(expected.get(c.nodeId)!, 10);
        // Import content has no record-based reference here (test/reference/engine.test.ts holds the engine against one): the pool must give the engine's answer exactly.
        expect(await importIn(pool, snap, id)).toEqual(importContent(snap, id));
      }
      const reference = new Map(referenceBalance(graph).map((r) => [r.itemId, r]));
      const rows = await balanceIn(pool, snap);
      expect(rows.length).toBe(reference.size);
      for (const r of rows) {
        const x = reference.get(r.itemId)!;
        expect(r.demand, `seed ${seed} ${r.itemId}`).toBeCloseTo(x.demand, 9);
        expect(r.homeCapacity).toBeCloseTo(x.homeCapacity, 9);
        expect([...r.missing].sort()).toEqual([...x.missing].sort());
      }
    }
  });
});

describe('a delta and the solves in flight', () => {
  it('waits for the solve that started before it, which answers the version it read', async () => {
    const pool = poolOf(1);
    const snap = engineOf(workedExample(), 1);
    const events: string[] = [];
    const before = lossesIn(pool, snap, { countries: ['CN'] }).then((r) => {
      events.push('solve answered');
      return r;
    });
    // The Turkish importer leaves: steel's plant becomes its only source (weight 1).
    const delta = pool.lock.exclusive(() => {
      events.push('delta applied');
      return applyChange(snap, { version: 2, nodes: [], removedNodes: ['supplier:tr'], pairs: [] });
    });
    const after = lossesIn(pool, snap, { countries: ['CN'] });
    const [r1, , r2] = await Promise.all([before, delta, after]);
    expect(events).toEqual(['solve answered', 'delta applied']);
    expect(r1.version).toBe(1);
    expect(r1.losses.find((l) => l.itemId === 'steel')!.loss).toEqual(close(0.8));
    // The solve queued behind the delta reads version 2: steel loses 1 × electrode's 1.
    expect(r2.version).toBe(2);
    expect(r2.losses.find((l) => l.itemId === 'steel')!.loss).toEqual(close(1));
    expect(pool.lock.counters.waited).toBe(1);
  });

  it('a worker that holds a grown engine is sent the new arrays', async () => {
    const pool = poolOf(1);
    const snap = engineOf(workedExample(), 1);
    await lossesIn(pool, snap, { countries: ['CN'] });
    // Enough new suppliers of the electrode to outgrow the first 1,024 slots: fresh shared buffers.
    const nodes = Array.from({ length: 1500 }, (_, k) => ({ id: `supplier:ir${k}`, kind: 'Supplier' as const, name: `s${k}`, country: 'IR' }));
    const pairs = nodes.map((s) => ({ from: s.id, to: 'electrode', edges: [{ type: 'SUPPLIES' as const, from: s.id, to: 'electrode', volumePerYear: 2 }] }));
    const arrays = snap.layout().arrays.kind;
    await pool.lock.exclusive(() => applyChange(snap, { version: 2, nodes, removedNodes: [], pairs }));
    expect(snap.layout().arrays.kind).not.toBe(arrays);
    // The electrode now has 1,501 suppliers of 2 each: CN's is 1/1501 of it.
    const r = await lossesIn(pool, snap, { countries: ['CN'] });
    expect(r.losses.find((l) => l.itemId === 'electrode')!.loss).toEqual(close(1 / 1501));
  });
});

describe('a spent budget', () => {
  it('fails the request with the timeout error and frees the worker at its next checkpoint', async () => {
    const pool = poolOf(1);
    const snap = engineOf(workedExample());
    const held = hold(true);
    const b = budget();
    const stuck = pool.solve(snap, held.job, () => 'finished', b);
    b.spend();
    await expect(stuck).rejects.toBeInstanceOf(RequestTimeoutError);
    // The same (only) worker answers the next question.
    const r = await lossesIn(pool, snap, { countries: ['CN'] });
    expect(r.losses[0]).toEqual({ itemId: 'electrode', loss: 1 });
    expect(pool.stats).toMatchObject({ workers: 1, cancelled: 1, terminated: 0, crashed: 0 });
  });

  it('terminates and replaces a worker that does not stop, and lets the waiting delta through', async () => {
    const pool = poolOf(1, 50);
    const snap = engineOf(workedExample(), 1);
    const held = hold(false);
    const b = budget();
    const stuck = pool.solve(snap, held.job, () => 'finished', b);
    const delta = pool.lock.exclusive(() => applyChange(snap, { version: 2, nodes: [], removedNodes: ['supplier:tr'], pairs: [] }));
    b.spend();
    await expect(stuck).rejects.toBeInstanceOf(RequestTimeoutError);
    await delta;
    const r = await lossesIn(pool, snap, { countries: ['CN'] });
    expect(r.version).toBe(2);
    expect(r.losses.find((l) => l.itemId === 'steel')!.loss).toEqual(close(1));
    expect(pool.stats).toMatchObject({ workers: 1, cancelled: 1, terminated: 1 });
  });

  it('a request whose budget runs out while it waits for a worker leaves the queue', async () => {
    const pool = poolOf(1);
    const snap = engineOf(workedExample());
    const held = hold(true);
    const running = pool.solve(snap, held.job, () => 'held');
    const b = budget();
    const waiting = lossesIn(pool, snap, { countries: ['CN'] }, b);
    expect(pool.stats.queued).toBe(1);
    b.spend();
    await expect(waiting).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(pool.stats.queued).toBe(0);
    held.release();
    expect(await running).toBe('held');
  });
});

describe('a crashed worker', () => {
  it('fails its request and is replaced', async () => {
    const pool = poolOf(1);
    const snap = engineOf(workedExample());
    await expect(pool.solve(snap, { kind: 'crash' }, () => 'survived')).rejects.toThrow(/worker running this solve stopped \(crash drill\)/);
    const r = await lossesIn(pool, snap, { countries: ['CN'] });
    expect(r.losses[0]).toEqual({ itemId: 'electrode', loss: 1 });
    expect(pool.stats).toMatchObject({ workers: 1, crashed: 1 });
  });
});

describe('inline (ZANJIR_SOLVE_WORKERS=0)', () => {
  it('runs in this thread under the same lock', async () => {
    const pool = poolOf(0);
    const snap = engineOf(workedExample(), 3);
    const r = await lossesIn(pool, snap, { countries: ['CN'] });
    expect(r.losses).toEqual([
      { itemId: 'electrode', loss: 1 },
      { itemId: 'steel', loss: close(0.8) },
    ]);
    expect(pool.stats.workers).toBe(0);
  });
});

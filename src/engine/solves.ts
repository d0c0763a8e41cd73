// The heavy whole-graph solves as the services call them: each sends the typed part of the work
// to the process's solve pool (src/engine/pool.ts) when the cache has one, and turns the answer
// back into ids in the main thread, under the pool's read share of the engine. Without a pool
// (the CLI, tests of pure code) they run inline, as before. Each answer is the one function of
// src/analytics that computes it: the pool changes where it runs, not what it computes.

import { chokepointsFrom, disruptionReport, removalOf, type Chokepoint, type DisruptionReport, type DisruptionScenario, type RemovalSet, type SolveOptions } from '../analytics/disruption.js';
import { rowOf, selectItems, type BalanceQuery, type BalanceRow } from '../analytics/chain-balance.js';
import type { GraphSnapshot } from '../analytics/graph-snapshot.js';
import { importContentFrom, itemSlot, type ImportContentReport } from '../analytics/import-content.js';
import { poolOf, type SolveBudget } from './pool.js';
import type { SnapshotCache } from './snapshot-cache.js';
import { runJob, type SolveJob, type SolveResult } from './solve-jobs.js';

/** What the solves need from a service's dependencies: the engine's cache and the request's budget. */
export interface SolveDeps {
  snapshots: SnapshotCache;
  budget?: SolveBudget;
}

function run<J extends SolveJob, T>(deps: SolveDeps, snap: GraphSnapshot, job: J, map: (result: SolveResult<J>) => T): Promise<T> {
  const pool = poolOf(deps.snapshots);
  if (pool) return pool.solve(snap, job, map, deps.budget);
  const budget = deps.budget;
  const options: SolveOptions = budget ? { checkpoint: () => budget.check() } : {};
  try {
    return Promise.resolve(map(runJob(snap, job, options)));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Losses of every item under the scenario, with the version the solve read. */
export function solveDisruption(deps: SolveDeps, snap: GraphSnapshot, scenario: DisruptionScenario): Promise<DisruptionReport & { graphVersion: number }> {
  const removal = removalOf(snap, scenario);
  return run(deps, snap, { kind: 'losses', removal }, (ranked) => ({ ...disruptionReport(snap, removal, ranked), graphVersion: snap.version }));
}

/** The upstream nodes of `rootId` whose removal alone costs it at least `minImpact`, largest first. */
export function solveChokepoints(deps: SolveDeps, snap: GraphSnapshot, rootId: string, minImpact = 1): Promise<Chokepoint[]> {
  const root = itemSlot(snap, rootId, 'chokepoints are found');
  return run(deps, snap, { kind: 'impacts', root, sets: null }, ({ sets, impacts }) => chokepointsFrom(sets.map(([v]) => snap.ids[v!]!), impacts, minImpact));
}

/** For each set, the loss at `rootId` when all of it is removed; the sets reaching `minImpact`, largest first. */
export function solveSetChokepoints(deps: SolveDeps, snap: GraphSnapshot, rootId: string, sets: readonly RemovalSet[], minImpact = 1): Promise<Chokepoint[]> {
  const root = itemSlot(snap, rootId, 'chokepoints are found');
  const slots = sets.map((s) => s.nodeIds.flatMap((id) => (snap.index.has(id) ? [snap.index.get(id)!] : [])));
  return run(deps, snap, { kind: 'impacts', root, sets: slots }, ({ impacts }) => chokepointsFrom(sets.map((s) => s.key), impacts, minImpact));
}

export function solveImportContent(deps: SolveDeps, snap: GraphSnapshot, rootId: string): Promise<ImportContentReport> {
  const root = itemSlot(snap, rootId);
  return run(deps, snap, { kind: 'importContent', root }, (solved) => importContentFrom(snap, rootId, solved));
}

export function solveChainBalance(deps: SolveDeps, snap: GraphSnapshot, query: BalanceQuery = {}): Promise<BalanceRow[]> {
  const items = Int32Array.from(selectItems(snap, query));
  return run(deps, snap, { kind: 'balance', items }, (b) =>
    Array.from(b.items, (v, k) =>
      rowOf(snap, v, {
        homeCapacity: b.homeCapacity[k]!,
        imports: b.imports[k]!,
        demand: b.demand[k]!,
        missing: Array.from(b.missing.subarray(b.missingStart[k]!, b.missingStart[k + 1]!)),
      }),
    ),
  );
}

// The solves a worker thread runs (src/engine/solve-worker.ts), and the one function that runs
// them, in a worker or inline: typed in (slots and codes), typed out (slots and numbers). What
// needs ids or names (the scenario's ids, the rows' order by name, the answer's records) stays in
// the main thread, which holds the snapshot's strings.

import { chokepointCandidates, impactsAt, rankedLosses, type RankedLosses, type Removal, type SolveOptions } from '../analytics/disruption.js';
import { balanceFigures } from '../analytics/chain-balance.js';
import type { GraphCore } from '../analytics/graph-snapshot.js';
import { solveImportSystem, type ImportSolve } from '../analytics/import-content.js';

export type SolveJob =
  /** Every item's loss under a removal, ranked (disruption). */
  | { kind: 'losses'; removal: Removal }
  /** The loss at `root` for each set removed (organisation chokepoints); without sets, each upstream node alone (chokepoints). */
  | { kind: 'impacts'; root: number; sets: number[][] | null }
  /** Import content of one item: t and the root's row of L over its upstream. */
  | { kind: 'importContent'; root: number }
  /** Chain balance of the given items. */
  | { kind: 'balance'; items: Int32Array }
  /**
   * Drills (tests, the bench): holds the worker until `release[0]` is set; `cooperative: false`
   * ignores cancellation, like a solve stuck between checkpoints.
   */
  | { kind: 'hold'; release: Int32Array; cooperative: boolean }
  /** Drill: a worker dies of an uncaught error, as a crash would. */
  | { kind: 'crash' };

export interface BalanceSolve {
  items: Int32Array;
  homeCapacity: Float64Array;
  imports: Float64Array;
  demand: Float64Array;
  /** Item k's missing figures are missing[missingStart[k] .. missingStart[k + 1]] (edge slots). */
  missingStart: Int32Array;
  missing: Int32Array;
}

export interface ImpactsSolve {
  /** The sets solved: the given ones, or each upstream node alone. */
  sets: number[][];
  impacts: Float64Array;
}

export interface SolveResults {
  losses: RankedLosses;
  impacts: ImpactsSolve;
  importContent: ImportSolve;
  balance: BalanceSolve;
  hold: null;
  crash: null;
}

export type SolveResult<J extends SolveJob> = SolveResults[J['kind']];

/** Thrown by a checkpoint when the caller gave up (the request's time ran out). */
export class SolveCancelled extends Error {
  constructor() {
    super('solve cancelled');
    this.name = 'SolveCancelled';
  }
}

export function runJob<J extends SolveJob>(core: GraphCore, job: J, options: SolveOptions = {}): SolveResult<J> {
  return run(core, job, options) as SolveResult<J>;
}

function run(core: GraphCore, job: SolveJob, options: SolveOptions): SolveResults[keyof SolveResults] {
  switch (job.kind) {
    case 'losses':
      return rankedLosses(core, job.removal, options);
    case 'impacts': {
      const sets = job.sets ?? chokepointCandidates(core, job.root);
      return { sets, impacts: impactsAt(core, job.root, sets, options) };
    }
    case 'importContent':
      return solveImportSystem(core, job.root, options);
    case 'balance':
      return balanceOf(core, job.items, options);
    case 'hold':
      while (Atomics.load(job.release, 0) === 0) {
        if (!job.cooperative) continue; // spins like a solve between checkpoints
        Atomics.wait(job.release, 0, 0, 5);
        options.checkpoint?.();
      }
      return null;
    case 'crash':
      // A worker dies of it (solve-worker.ts lets it escape); inline, the request just fails.
      throw new Error('crash drill');
    default:
      throw new UnreachableJob(job);
  }
}

class UnreachableJob extends Error {
  constructor(job: never) {
    super(`unknown solve job ${JSON.stringify(job)}`);
  }
}

/** Items checked between two checkpoints. */
const BALANCE_CHECK_EVERY = 20_000;

function balanceOf(core: GraphCore, items: Int32Array, options: SolveOptions): BalanceSolve {
  const n = items.length;
  const homeCapacity = new Float64Array(n);
  const imports = new Float64Array(n);
  const demand = new Float64Array(n);
  const missingStart = new Int32Array(n + 1);
  const missing: number[] = [];
  for (let k = 0; k < n; k += 1) {
    if (k % BALANCE_CHECK_EVERY === BALANCE_CHECK_EVERY - 1) options.checkpoint?.();
    const f = balanceFigures(core, items[k]!);
    homeCapacity[k] = f.homeCapacity;
    imports[k] = f.imports;
    demand[k] = f.demand;
    missingStart[k] = missing.length;
    for (const e of f.missing) missing.push(e);
  }
  missingStart[n] = missing.length;
  return { items, homeCapacity, imports, demand, missingStart, missing: Int32Array.from(missing) };
}

/** The ArrayBuffers of a result, to hand back without a copy (shared ones are never transferred). */
export function transferables(result: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (x: unknown) => {
    if (ArrayBuffer.isView(x)) {
      if (x.buffer instanceof ArrayBuffer && x.byteOffset === 0 && x.byteLength === x.buffer.byteLength) out.add(x.buffer);
    } else if (x && typeof x === 'object' && !Array.isArray(x)) for (const v of Object.values(x)) visit(v);
  };
  visit(result);
  return [...out];
}

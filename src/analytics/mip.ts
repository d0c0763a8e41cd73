// A mixed-integer program, solved exactly by HiGHS (the University of Edinburgh's solver, compiled
// to WebAssembly by the `highs` package). The wasm is loaded once per process. A status says what
// the solver proved: OPTIMAL only when it closed the gap, TIME_LIMIT with the best solution found
// (if any) and its gap, INFEASIBLE when no solution exists. Anything else is a programmer error.

import * as highsModule from 'highs';
import type { Highs, InitOptions } from 'highs';

// The package's types describe a CommonJS module whose default is the loader; under Node's ESM
// resolution the loader is `default` of highs.mjs. Take whichever this runtime gives.
type Loader = (options?: InitOptions) => Promise<Highs>;
const loadHighs: Loader = ((highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader));

export interface MipRow {
  indices: number[];
  values: number[];
  lower: number;
  upper: number;
}

export interface MipProblem {
  /** Objective coefficients, maximised. */
  cost: number[];
  lower: number[];
  upper: number[];
  /** True for integer columns (binaries are integers with bounds 0..1). */
  integer: boolean[];
  rows: MipRow[];
}

export type MipStatus = 'OPTIMAL' | 'TIME_LIMIT' | 'INFEASIBLE';

export interface MipResult {
  status: MipStatus;
  /** The best solution found; null when infeasible, or out of time before any was found. */
  values: Float64Array | null;
  objective: number | null;
  /** Relative gap (bound − best) / best as HiGHS reports it; 0 when optimal; null without a solution. */
  gap: number | null;
  seconds: number;
}

export interface MipOptions {
  timeLimitSeconds?: number;
  /** The relative gap HiGHS may stop at (default 0: prove the optimum up to its tolerances). */
  relativeGap?: number;
}

let loaded: Promise<Highs> | null = null;

/** The HiGHS runtime, compiled once. */
export function highsRuntime(): Promise<Highs> {
  if (!loaded) loaded = loadHighs();
  return loaded;
}

export const INFINITY = 1e30;

export async function solveMip(problem: MipProblem, options: MipOptions = {}): Promise<MipResult> {
  const highs = await highsRuntime();
  const n = problem.cost.length;
  const starts = new Int32Array(problem.rows.length + 1);
  let nz = 0;
  for (let r = 0; r < problem.rows.length; r += 1) {
    nz += problem.rows[r]!.indices.length;
    starts[r + 1] = nz;
  }
  const indices = new Int32Array(nz);
  const values = new Float64Array(nz);
  let at = 0;
  for (const row of problem.rows) {
    for (let k = 0; k < row.indices.length; k += 1) {
      indices[at] = row.indices[k]!;
      values[at] = row.values[k]!;
      at += 1;
    }
  }
  const clamp = (x: number) => (x >= INFINITY ? highs.infinity : x <= -INFINITY ? -highs.infinity : x);
  const started = performance.now();
  const model = highs.createModel({
    numCols: n,
    numRows: problem.rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(problem.cost),
    colLower: Float64Array.from(problem.lower, clamp),
    colUpper: Float64Array.from(problem.upper, clamp),
    rowLower: Float64Array.from(problem.rows, (r) => clamp(r.lower)),
    rowUpper: Float64Array.from(problem.rows, (r) => clamp(r.upper)),
    matrix: { format: 'csr', numRows: problem.rows.length, numCols: n, starts, indices, values },
    integrality: Int32Array.from(problem.integer, (i) => (i ? highs.constants.variableType.integer : highs.constants.variableType.continuous)),
  });
  try {
    model.options.set({ output_flag: false, mip_rel_gap: options.relativeGap ?? 0, ...(options.timeLimitSeconds ? { time_limit: options.timeLimitSeconds } : {}) });
    model.run();
    const code = model.getModelStatus();
    const s = highs.constants.modelStatus;
    const seconds = (performance.now() - started) / 1000;
    // primal_solution_status 2: a feasible solution is held.
    const feasible = Number(model.info.get('primal_solution_status')) === 2;
    const solution = feasible ? Float64Array.from(model.getSolution().colValue) : null;
    const objective = feasible ? model.getObjectiveValue() : null;
    if (code === s.optimal) return { status: 'OPTIMAL', values: solution, objective, gap: 0, seconds };
    if (code === s.empty) return { status: 'OPTIMAL', values: new Float64Array(n), objective: 0, gap: 0, seconds };
    if (code === s.infeasible) return { status: 'INFEASIBLE', values: null, objective: null, gap: null, seconds };
    if (code === s.timeLimit || code === s.interrupted || code === s.iterationLimit) {
      const gap = feasible ? Number(model.info.get('mip_gap')) : null;
      return { status: 'TIME_LIMIT', values: solution, objective, gap: gap !== null && Number.isFinite(gap) ? gap : null, seconds };
    }
    throw new Error(`HiGHS ended with model status ${code}`);
  } finally {
    model.dispose();
  }
}

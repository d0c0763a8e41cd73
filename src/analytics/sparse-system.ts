// The linear system of import reliance, t = m + B t, kept sparse: B[i][j] = Σ over the home
// sources e of i of w_e · a_j (the value coefficient of j in e's recipe). Built only over the
// items reachable from the root through home recipes, so cost follows the root's upstream.

import type { GraphCore } from './graph-snapshot.js';
import { forEachSource, recipeCoefficients, recipeLines } from './supply-model.js';

export interface SparseSystem {
  /** Items of the system, as snapshot slots; index 0 is the (first) root. */
  items: number[];
  indexOf: Map<number, number>;
  /** m, by index. */
  direct: Float64Array;
  /** Row i of B as parallel arrays of column indices and values. */
  rows: { cols: number[]; vals: number[] }[];
}

/** `roots`: one item, or several (the first is index 0): the system then covers all their upstreams. */
export function buildSystem(core: GraphCore, roots: number | readonly number[]): SparseSystem {
  const items: number[] = [];
  const indexOf = new Map<number, number>();
  const add = (v: number): number => {
    let i = indexOf.get(v);
    if (i === undefined) {
      i = items.length;
      items.push(v);
      indexOf.set(v, i);
    }
    return i;
  };
  for (const root of typeof roots === 'number' ? [roots] : roots) add(root);
  const rows: { cols: number[]; vals: number[] }[] = [];
  const direct: number[] = [];
  const lines: number[] = [];
  const coefficients: number[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const v = items[i]!;
    direct[i] = core.m[v]!;
    const row = new Map<number, number>();
    forEachSource(core, v, (e, weight, foreign) => {
      if (foreign) return; // foreign sources are not expanded
      recipeLines(core, e, v, lines);
      if (lines.length === 0) return;
      recipeCoefficients(core, v, lines, coefficients);
      lines.forEach((l, k) => {
        const j = add(core.eFrom[l]!);
        row.set(j, (row.get(j) ?? 0) + weight * coefficients[k]!);
      });
    });
    rows[i] = { cols: [...row.keys()], vals: [...row.values()] };
  }
  return { items, indexOf, direct: Float64Array.from(direct), rows };
}

export interface Solution {
  values: Float64Array;
  converged: boolean;
  iterations: number;
}

/** DOMAIN.md asks for 1e-9; sweeping on to 1e-13 keeps the remaining error well below that. */
const TOLERANCE = 1e-9;
const TARGET = 1e-13;
const MAX_ITERATIONS = 20_000;
/** Sweeps between two checkpoints (a request's time budget can stop a long solve). */
const CHECK_EVERY = 16;

/** t = m + B t by Gauss–Seidel sweeps from t = m; monotone and bounded by 1, so it settles. */
export function solveImportContent(system: SparseSystem, options: { checkpoint?: () => void } = {}): Solution {
  const t = Float64Array.from(system.direct);
  let lastChange = Infinity;
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration += 1) {
    if (iteration % CHECK_EVERY === 0) options.checkpoint?.();
    let change = 0;
    for (let i = 0; i < t.length; i += 1) {
      const { cols, vals } = system.rows[i]!;
      let value = system.direct[i]!;
      for (let k = 0; k < cols.length; k += 1) value += vals[k]! * t[cols[k]!]!;
      change = Math.max(change, Math.abs(value - t[i]!));
      t[i] = value;
    }
    if (change < TARGET) return { values: t, converged: true, iterations: iteration };
    lastChange = change;
  }
  return { values: t, converged: lastChange < TOLERANCE, iterations: MAX_ITERATIONS };
}

/**
 * Row `root` of L = (I − B)⁻¹, from y = e_root + Bᵀ y: y_k is how much a unit of imports entering
 * at k shows up in the root. Contributions are y_k · m_k and sum to t_root.
 */
export function solveRootRow(system: SparseSystem, root = 0, options: { checkpoint?: () => void } = {}): Solution {
  const n = system.items.length;
  const y = new Float64Array(n);
  y[root] = 1;
  let lastChange = Infinity;
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration += 1) {
    if (iteration % CHECK_EVERY === 0) options.checkpoint?.();
    const next = new Float64Array(n);
    next[root] = 1;
    for (let i = 0; i < n; i += 1) {
      const yi = y[i]!;
      if (yi === 0) continue;
      const { cols, vals } = system.rows[i]!;
      for (let k = 0; k < cols.length; k += 1) {
        const c = cols[k]!;
        next[c] = next[c]! + yi * vals[k]!;
      }
    }
    let change = 0;
    for (let i = 0; i < n; i += 1) change = Math.max(change, Math.abs(next[i]! - y[i]!));
    y.set(next);
    if (change < TARGET) return { values: y, converged: true, iterations: iteration };
    lastChange = change;
  }
  return { values: y, converged: lastChange < TOLERANCE, iterations: MAX_ITERATIONS };
}

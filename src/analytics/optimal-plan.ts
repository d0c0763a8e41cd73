// The best plan for a budget, and the schedule over yearly budgets (DOMAIN.md, "The best plan, and
// a schedule over yearly budgets"): a mixed-integer program built from the same CurrencyModel and
// planCandidates as the greedy plan (one supply model: g_pk = v_k (1 − h_pk), C_pk, V_k all come
// from CurrencyModel.impact), solved exactly by HiGHS. The plan is the schedule with one year whose
// saving weighs 1.

import { CurrencyModel, localizationPlan, planCandidates, type CurrencyAssumption, type PlanOptions } from './currency.js';
import { compareIds, type GraphSnapshot } from './graph-snapshot.js';
import { INFINITY, solveMip, type MipRow, type MipStatus } from './mip.js';

export interface OptimalPlanOptions extends Pick<PlanOptions, 'statuses' | 'minProgress'> {
  budgetUsd: number;
  minJobs?: number | null;
  /** HiGHS's time limit; default 10 s. */
  timeLimitSeconds?: number;
}

export interface PlannedItem {
  itemId: string;
  displacedVolume: number;
  netSavingUsd: number;
}

export interface PlannedProject {
  projectId: string;
  netSavingUsd: number;
  remainingCostUsd: number;
  displacedVolume: number;
  jobs: number | null;
  items: PlannedItem[];
}

export type OptimalSkipReason = 'NOT_CHOSEN' | 'NO_BUDGET' | 'NO_UNIT_VALUE' | 'NO_SAVING';

export interface OptimalSkip {
  projectId: string;
  reason: OptimalSkipReason;
}

export interface PlanDifference {
  projectId: string;
  /** In the best plan and not the greedy one, or the reverse. */
  inOptimal: boolean;
  explanation: string;
}

export interface OptimalPlan {
  status: MipStatus;
  budgetUsd: number;
  netSavingUsd: number;
  spentUsd: number;
  jobs: number;
  greedyNetSavingUsd: number;
  gainOverGreedyUsd: number;
  mipGap: number | null;
  solveSeconds: number;
  projects: PlannedProject[];
  skipped: OptimalSkip[];
  differences: PlanDifference[];
  assumptions: CurrencyAssumption[];
}

/** One LOCALIZES line of a candidate: d ≤ C·x, Σ d over the item ≤ V, saving g per unit. */
interface Line {
  itemId: string;
  capacity: number;
  perUnitUsd: number;
}

export interface PlanModelCandidate {
  projectId: string;
  cost: number;
  jobs: number;
  lines: Line[];
}

export interface PlanModel {
  candidates: PlanModelCandidate[];
  importVolume: Map<string, number>;
  skipped: OptimalSkip[];
  assumptions: CurrencyAssumption[];
}

/** The candidates and their lines, from the greedy plan's own model. */
export function planModel(snap: GraphSnapshot, options: Pick<PlanOptions, 'statuses' | 'minProgress'>): PlanModel {
  const ids = planCandidates(snap, options);
  const model = new CurrencyModel(snap, ids);
  const candidates: PlanModelCandidate[] = [];
  const skipped: OptimalSkip[] = [];
  const importVolume = new Map<string, number>();
  const assumptions: CurrencyAssumption[] = [];
  for (const id of ids) {
    const alone = model.impact(id);
    assumptions.push(...alone.assumptions);
    if (alone.remainingCostUsd === null) {
      skipped.push({ projectId: id, reason: 'NO_BUDGET' });
      continue;
    }
    if (!alone.valued) {
      skipped.push({ projectId: id, reason: 'NO_UNIT_VALUE' });
      continue;
    }
    const lines: Line[] = [];
    for (const item of alone.items) {
      if (item.unitValueUsd === null || item.importVolume <= 0) continue;
      const perUnit = item.unitValueUsd * (1 - item.homeImportContent);
      if (!(perUnit > 0)) continue;
      importVolume.set(item.itemId, item.importVolume);
      lines.push({ itemId: item.itemId, capacity: item.capacity ?? item.importVolume, perUnitUsd: perUnit });
    }
    const jobs = snap.projects.get(snap.index.get(id)!)?.jobs ?? 0;
    candidates.push({ projectId: id, cost: alone.remainingCostUsd, jobs, lines });
  }
  return { candidates, importVolume, skipped, assumptions: dedupe(assumptions) };
}

export interface ScheduleSolve {
  status: MipStatus;
  objective: number;
  gap: number | null;
  seconds: number;
  /** Per candidate: the year index funded (or −1), and the displaced volume per line. */
  year: number[];
  displaced: number[][];
}

/**
 * The MILP over Y years: x_py binary, d_pky ≥ 0; d_pky ≤ C_pk x_py; Σ_y x_py ≤ 1;
 * Σ_{p,y} d_pky ≤ V_k; Σ_{y' ≤ y} Σ_p c_p x_py' ≤ Σ_{y' ≤ y} B_y'; Σ jobs_p x_py ≥ J.
 * Maximise Σ g_pk d_pky w_y.
 */
export async function solveSchedule(pm: PlanModel, budgets: readonly number[], weights: readonly number[], minJobs: number | null, timeLimitSeconds: number): Promise<ScheduleSolve> {
  const Y = budgets.length;
  const cost: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const integer: boolean[] = [];
  const rows: MipRow[] = [];
  const xCol: number[][] = [];
  const dCol: number[][][] = [];
  const add = (c: number, up: number, int: boolean) => {
    cost.push(c);
    lower.push(0);
    upper.push(up);
    integer.push(int);
    return cost.length - 1;
  };
  const byItem = new Map<string, number[]>();
  const budgetRows: MipRow[] = budgets.map(() => ({ indices: [], values: [], lower: -INFINITY, upper: 0 }));
  const jobsRow: MipRow = { indices: [], values: [], lower: minJobs ?? 0, upper: INFINITY };
  for (const c of pm.candidates) {
    const xs: number[] = [];
    const ds: number[][] = [];
    for (let y = 0; y < Y; y += 1) {
      // A tiny cost keeps a project that displaces nothing out of the plan: it would only spend money.
      const x = add(-1e-9 * (1 + c.cost / 1e6), 1, true);
      xs.push(x);
      for (let z = y; z < Y; z += 1) {
        budgetRows[z]!.indices.push(x);
        budgetRows[z]!.values.push(c.cost);
      }
      jobsRow.indices.push(x);
      jobsRow.values.push(c.jobs);
      const dl: number[] = [];
      c.lines.forEach((line) => {
        const d = add(line.perUnitUsd * weights[y]!, INFINITY, false);
        dl.push(d);
        rows.push({ indices: [d, x], values: [1, -line.capacity], lower: -INFINITY, upper: 0 });
        const list = byItem.get(line.itemId) ?? [];
        list.push(d);
        byItem.set(line.itemId, list);
      });
      ds.push(dl);
    }
    rows.push({ indices: xs, values: xs.map(() => 1), lower: -INFINITY, upper: 1 });
    xCol.push(xs);
    dCol.push(ds);
  }
  for (const [itemId, ds] of byItem) rows.push({ indices: ds, values: ds.map(() => 1), lower: -INFINITY, upper: pm.importVolume.get(itemId)! });
  let available = 0;
  budgets.forEach((b, y) => {
    available += b;
    budgetRows[y]!.upper = available;
  });
  rows.push(...budgetRows);
  if (minJobs !== null && minJobs > 0) rows.push(jobsRow);
  const r = await solveMip({ cost, lower, upper, integer, rows }, { timeLimitSeconds });
  const year = pm.candidates.map(() => -1);
  const displaced = pm.candidates.map((c) => c.lines.map(() => 0));
  if (r.values) {
    pm.candidates.forEach((c, p) => {
      for (let y = 0; y < Y; y += 1) {
        if (r.values![xCol[p]![y]!]! > 0.5) {
          year[p] = y;
          c.lines.forEach((_l, k) => (displaced[p]![k] = Math.max(0, r.values![dCol[p]![y]![k]!]!)));
        }
      }
    });
  }
  return { status: r.status, objective: r.objective ?? 0, gap: r.gap, seconds: r.seconds, year, displaced };
}

export async function optimalPlan(snap: GraphSnapshot, options: OptimalPlanOptions): Promise<OptimalPlan> {
  const budget = options.budgetUsd;
  if (!(Number.isFinite(budget) && budget >= 0)) throw new RangeError(`budgetUsd must be a finite number ≥ 0; got ${budget}`);
  const pm = planModel(snap, options);
  const minJobs = options.minJobs ?? null;
  const solved = await solveSchedule(pm, [budget], [1], minJobs, options.timeLimitSeconds ?? 10);
  dropIdle(pm, solved, minJobs);
  const projects: PlannedProject[] = [];
  const skipped: OptimalSkip[] = [...pm.skipped];
  pm.candidates.forEach((c, p) => {
    const items = c.lines.map((l, k) => ({ itemId: l.itemId, displacedVolume: solved.displaced[p]![k]!, netSavingUsd: solved.displaced[p]![k]! * l.perUnitUsd }));
    const volume = items.reduce((a, i) => a + i.displacedVolume, 0);
    const keep = solved.year[p] === 0 && (volume > 1e-9 || (minJobs !== null && minJobs > 0 && c.jobs > 0));
    if (keep) {
      projects.push({
        projectId: c.projectId,
        netSavingUsd: items.reduce((a, i) => a + i.netSavingUsd, 0),
        remainingCostUsd: c.cost,
        displacedVolume: volume,
        jobs: snap.projects.get(snap.index.get(c.projectId)!)?.jobs ?? null,
        items: items.filter((i) => i.displacedVolume > 0),
      });
    } else skipped.push({ projectId: c.projectId, reason: c.lines.length === 0 ? 'NO_SAVING' : 'NOT_CHOSEN' });
  });
  skipped.sort((a, b) => compareIds(a.projectId, b.projectId));
  const greedy = localizationPlan(snap, { budgetUsd: budget, statuses: options.statuses, minProgress: options.minProgress });
  const net = projects.reduce((a, p) => a + p.netSavingUsd, 0);
  const status = solved.status;
  const feasible = status !== 'INFEASIBLE';
  const chosen = new Set(projects.map((p) => p.projectId));
  const greedyIds = new Set(greedy.steps.map((s) => s.projectId));
  const onlyBest = [...chosen].filter((id) => !greedyIds.has(id)).sort(compareIds);
  const onlyGreedy = [...greedyIds].filter((id) => !chosen.has(id)).sort(compareIds);
  const gain = net - greedy.totalSavingUsd;
  const list = (ids: string[]) => namesList(ids.map((id) => snap.names[snap.index.get(id)!] || id));
  const differences: PlanDifference[] = feasible
    ? [
        ...onlyGreedy.map((id) => ({ projectId: id, inOptimal: false, explanation: `skipped so that ${list(onlyBest)} fit: ${signedUsd(gain)} a year` })),
        ...onlyBest.map((id) => ({ projectId: id, inOptimal: true, explanation: onlyGreedy.length ? `picked in place of ${list(onlyGreedy)}: ${signedUsd(gain)} a year` : `fits the budget the greedy order left: ${signedUsd(gain)} a year` })),
      ]
    : [];
  return {
    status,
    budgetUsd: budget,
    netSavingUsd: net,
    spentUsd: projects.reduce((a, p) => a + p.remainingCostUsd, 0),
    jobs: projects.reduce((a, p) => a + (p.jobs ?? 0), 0),
    greedyNetSavingUsd: greedy.totalSavingUsd,
    gainOverGreedyUsd: feasible ? gain : 0,
    mipGap: solved.gap,
    solveSeconds: solved.seconds,
    projects: projects.sort((a, b) => compareIds(a.projectId, b.projectId)),
    skipped,
    differences,
    assumptions: pm.assumptions,
  };
}

/**
 * For a fixed set of projects the best sharing of each item's imports is filling V_k from the
 * highest g first. Where the solver's set holds a project the others can do without (a tie on an
 * item: it would only spend money), drop it, costliest first, and share the volumes again.
 */
function dropIdle(pm: PlanModel, solved: ScheduleSolve, minJobs: number | null): void {
  const fill = (chosen: boolean[]) => {
    const lines: { p: number; k: number; g: number; C: number; item: string }[] = [];
    pm.candidates.forEach((c, p) => chosen[p] && c.lines.forEach((l, k) => lines.push({ p, k, g: l.perUnitUsd, C: l.capacity, item: l.itemId })));
    lines.sort((a, b) => b.g - a.g || a.p - b.p);
    const left = new Map<string, number>();
    const d = pm.candidates.map((c) => c.lines.map(() => 0));
    let total = 0;
    for (const l of lines) {
      const room = left.get(l.item) ?? pm.importVolume.get(l.item)!;
      const x = Math.max(0, Math.min(room, l.C));
      d[l.p]![l.k] = x;
      total += x * l.g;
      left.set(l.item, room - x);
    }
    return { d, total };
  };
  const chosen = solved.year.map((y) => y >= 0);
  const full = fill(chosen).total;
  const jobs = () => pm.candidates.reduce((a, c, p) => a + (chosen[p] ? c.jobs : 0), 0);
  const order = pm.candidates.map((_, p) => p).filter((p) => chosen[p]).sort((a, b) => pm.candidates[b]!.cost - pm.candidates[a]!.cost);
  for (const p of order) {
    chosen[p] = false;
    const enough = fill(chosen).total >= full - 1e-9 * (1 + Math.abs(full)) && (minJobs === null || jobs() >= minJobs);
    if (!enough) chosen[p] = true;
  }
  const { d } = fill(chosen);
  pm.candidates.forEach((_, p) => {
    if (!chosen[p]) solved.year[p] = -1;
    solved.displaced[p] = d[p]!;
  });
}

/** Names as a reader says them: "A", "A and B", "A, B and C", or the first three and how many more. */
export function namesList(names: string[]): string {
  if (names.length === 0) return 'the rest';
  if (names.length > 4) return `${names.slice(0, 3).join(', ')} and ${names.length - 3} others`;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function signedUsd(x: number): string {
  const a = Math.abs(x);
  const text = a >= 1e9 ? `$${round(a / 1e9)} B` : a >= 1e6 ? `$${round(a / 1e6)} M` : a >= 1e3 ? `$${round(a / 1e3)} k` : `$${round(a)}`;
  return `${x < 0 ? '−' : '+'}${text}`;
}

function round(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function dedupe(list: CurrencyAssumption[]): CurrencyAssumption[] {
  const seen = new Map<string, CurrencyAssumption>();
  for (const a of list) seen.set(`${a.code}\u0000${a.nodeId}\u0000${a.message}`, a);
  return [...seen.values()];
}

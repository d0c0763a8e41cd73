// The schedule over yearly budgets (DOMAIN.md, "A schedule over yearly budgets"): which project to
// fund in which year, money carried over and never spent before it is given; a project funded in
// year y saves from y + 1 to the end of the horizon, discounted to startYear. The same MILP as the
// best plan (solveSchedule), with one x per project and year.

import type { CurrencyAssumption, PlanOptions } from './currency.js';
import { compareIds, type GraphSnapshot } from './graph-snapshot.js';
import type { MipStatus } from './mip.js';
import { planModel, solveSchedule, type OptimalSkip } from './optimal-plan.js';

export interface ScheduleOptions extends Pick<PlanOptions, 'statuses' | 'minProgress'> {
  budgetsUsd: readonly number[];
  startYear: number;
  horizonYears?: number;
  discountRate?: number;
  minJobs?: number | null;
  timeLimitSeconds?: number;
}

export interface ScheduleYear {
  year: number;
  /** Given this year plus what earlier years left unspent. */
  availableUsd: number;
  spentUsd: number;
  /** The saving a year from the projects funded before this year. */
  savingUsd: number;
  /** Jobs of the projects funded this year. */
  jobs: number;
}

export interface ScheduledProject {
  projectId: string;
  year: number;
  netSavingUsd: number;
  remainingCostUsd: number;
}

export interface LocalizationSchedule {
  status: MipStatus;
  /** The discounted saving over the horizon. */
  objectiveUsd: number;
  mipGap: number | null;
  solveSeconds: number;
  years: ScheduleYear[];
  projects: ScheduledProject[];
  skipped: OptimalSkip[];
  assumptions: CurrencyAssumption[];
}

/** w_y = Σ_{t = y+1}^{H−1} (1 + r)^−t: what a saving a year from funding in year y is worth. */
export function yearWeights(years: number, horizon: number, rate: number): number[] {
  return Array.from({ length: years }, (_, y) => {
    let w = 0;
    for (let t = y + 1; t <= horizon - 1; t += 1) w += (1 + rate) ** -t;
    return w;
  });
}

export async function localizationSchedule(snap: GraphSnapshot, options: ScheduleOptions): Promise<LocalizationSchedule> {
  const budgets = options.budgetsUsd;
  const horizon = options.horizonYears ?? 10;
  const rate = options.discountRate ?? 0;
  if (budgets.length === 0 || budgets.some((b) => !(Number.isFinite(b) && b >= 0))) throw new RangeError(`budgetsUsd must be one or more finite numbers ≥ 0; got [${budgets.join(', ')}]`);
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new RangeError(`horizonYears must be a whole number ≥ 1; got ${horizon}`);
  if (budgets.length > horizon) throw new RangeError(`${budgets.length} yearly budgets do not fit in a horizon of ${horizon} years`);
  if (!(Number.isFinite(rate) && rate > -1)) throw new RangeError(`discountRate must be a finite number > −1; got ${rate}`);
  const pm = planModel(snap, options);
  const weights = yearWeights(budgets.length, horizon, rate);
  const minJobs = options.minJobs ?? null;
  const solved = await solveSchedule(pm, budgets, weights, minJobs, options.timeLimitSeconds ?? 10);
  const projects: ScheduledProject[] = [];
  const skipped: OptimalSkip[] = [...pm.skipped];
  const spent = new Array<number>(horizon).fill(0);
  const jobs = new Array<number>(horizon).fill(0);
  const savingFrom = new Array<number>(horizon).fill(0);
  pm.candidates.forEach((c, p) => {
    const y = solved.year[p]!;
    const saving = c.lines.reduce((a, l, k) => a + solved.displaced[p]![k]! * l.perUnitUsd, 0);
    const keep = y >= 0 && (saving > 1e-9 || (minJobs !== null && minJobs > 0 && c.jobs > 0));
    if (!keep) {
      skipped.push({ projectId: c.projectId, reason: c.lines.length === 0 ? 'NO_SAVING' : 'NOT_CHOSEN' });
      return;
    }
    projects.push({ projectId: c.projectId, year: options.startYear + y, netSavingUsd: saving, remainingCostUsd: c.cost });
    spent[y] += c.cost;
    jobs[y] += c.jobs;
    if (y + 1 < horizon) savingFrom[y + 1] += saving;
  });
  let carried = 0;
  let saving = 0;
  const years: ScheduleYear[] = [];
  for (let y = 0; y < horizon; y += 1) {
    const available = carried + (budgets[y] ?? 0);
    saving += savingFrom[y]!;
    years.push({ year: options.startYear + y, availableUsd: available, spentUsd: spent[y]!, savingUsd: saving, jobs: jobs[y]! });
    carried = available - spent[y]!;
  }
  const objective = projects.reduce((a, p) => a + p.netSavingUsd * weights[p.year - options.startYear]!, 0);
  return {
    status: solved.status,
    objectiveUsd: objective,
    mipGap: solved.gap,
    solveSeconds: solved.seconds,
    years,
    projects: projects.sort((a, b) => a.year - b.year || compareIds(a.projectId, b.projectId)),
    skipped: skipped.sort((a, b) => compareIds(a.projectId, b.projectId)),
    assumptions: pm.assumptions,
  };
}

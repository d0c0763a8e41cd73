// The best plan for a budget and the schedule over yearly budgets, for every door (GraphQL, the
// CLI's `zanjir report optimal-plan|schedule`, /report/optimal-plan.csv and /report/schedule.csv):
// check the input, give HiGHS what is left of the request's time (keeping a margin to answer),
// solve on the one analytics engine, hand back node records. DOMAIN.md, "The best plan, and a
// schedule over yearly budgets"; the solvers are src/analytics/optimal-plan.ts and schedule.ts.

import { optimalPlan, type OptimalPlan } from '../analytics/optimal-plan.js';
import { localizationSchedule, type LocalizationSchedule } from '../analytics/schedule.js';
import { BadUserInputError } from '../errors/index.js';
import { recordsOf, type ServiceDeps } from './analytics.js';
import { checkBudget, checkMinProgress, checkStatuses, MAX_BUDGET_USD } from './currency.js';

/** Without a request budget (the CLI), HiGHS gets this long. */
export const DEFAULT_SOLVE_SECONDS = 30;
/** Never more than this, whatever the request may still spend. */
export const MAX_SOLVE_SECONDS = 60;
/** Kept back from the request's remaining time to read the records and write the answer. */
export const ANSWER_MARGIN_MS = 1_000;
/** The share of the remaining time (after the margin) the solver may use. */
export const SOLVE_SHARE = 0.8;
/** A model of one x per project and year: the years a schedule may span. */
export const MAX_SCHEDULE_YEARS = 50;
export const MAX_HORIZON_YEARS = 100;
/** Far above any count of jobs a plan could create: a typo guard. */
export const MAX_JOBS = 1e9;

/** What the plan services take: ServiceDeps, and a request budget that may say how much time is left. */
export type PlanDeps = ServiceDeps & { budget?: { check(): void; remainingMs?(): number } };

/**
 * The solver's time limit from the request's remaining time: a share of what is left after a
 * margin to answer. With no budget (the CLI) the default; never below a tenth of a second (HiGHS
 * then answers TIME_LIMIT with what it found, or nothing).
 */
export function solveSeconds(deps: PlanDeps): number {
  deps.budget?.check();
  const remaining = deps.budget?.remainingMs?.();
  if (remaining === undefined) return DEFAULT_SOLVE_SECONDS;
  const usable = ((remaining - ANSWER_MARGIN_MS) * SOLVE_SHARE) / 1000;
  return Math.min(MAX_SOLVE_SECONDS, Math.max(0.1, usable));
}

export function checkMinJobs(minJobs: unknown): number | null {
  if (minJobs === null || minJobs === undefined) return null;
  if (typeof minJobs !== 'number' || !Number.isFinite(minJobs)) throw new BadUserInputError(`minJobs must be a finite number of jobs; got ${String(minJobs)}.`, 'minJobs');
  if (minJobs < 0) throw new BadUserInputError(`minJobs must not be negative; got ${minJobs}.`, 'minJobs');
  if (minJobs > MAX_JOBS) throw new BadUserInputError(`minJobs may be at most ${MAX_JOBS.toExponential()}; got ${minJobs.toExponential()}.`, 'minJobs');
  return minJobs;
}

export function checkBudgets(budgetsUsd: unknown): number[] {
  if (!Array.isArray(budgetsUsd) || budgetsUsd.length === 0) throw new BadUserInputError('budgetsUsd must give at least one yearly budget (USD), the first for startYear.', 'budgetsUsd');
  if (budgetsUsd.length > MAX_SCHEDULE_YEARS) throw new BadUserInputError(`budgetsUsd may give at most ${MAX_SCHEDULE_YEARS} years; got ${budgetsUsd.length}.`, 'budgetsUsd');
  budgetsUsd.forEach((b, i) => {
    if (typeof b !== 'number' || !Number.isFinite(b)) throw new BadUserInputError(`budgetsUsd[${i}] must be a finite number of US dollars; got ${String(b)}.`, 'budgetsUsd');
    if (b < 0) throw new BadUserInputError(`budgetsUsd[${i}] must not be negative; got ${b}.`, 'budgetsUsd');
    if (b > MAX_BUDGET_USD) throw new BadUserInputError(`budgetsUsd[${i}] may be at most ${MAX_BUDGET_USD.toExponential()} (USD); got ${b.toExponential()}.`, 'budgetsUsd');
  });
  return budgetsUsd as number[];
}

export interface OptimalPlanRequest {
  budgetUsd: number;
  minJobs?: number | null;
  statuses?: readonly string[] | null;
  minProgress?: number | null;
}

export async function optimalPlanReport(deps: PlanDeps, request: OptimalPlanRequest) {
  const budgetUsd = checkBudget(request.budgetUsd);
  const minJobs = checkMinJobs(request.minJobs);
  const minProgress = checkMinProgress(request.minProgress);
  const statuses = checkStatuses(request.statuses);
  const snap = await deps.snapshots.current();
  const plan: OptimalPlan = await optimalPlan(snap, { budgetUsd, minJobs, statuses, minProgress, timeLimitSeconds: solveSeconds(deps) });
  const node = await recordsOf(deps, [
    ...plan.projects.flatMap((p) => [p.projectId, ...p.items.map((i) => i.itemId)]),
    ...plan.skipped.map((s) => s.projectId),
    ...plan.differences.map((d) => d.projectId),
  ]);
  return {
    ...plan,
    projects: plan.projects.map((p) => ({ ...p, project: node(p.projectId), items: p.items.map((i) => ({ ...i, item: node(i.itemId) })) })),
    skipped: plan.skipped.map((s) => ({ ...s, project: node(s.projectId) })),
    differences: plan.differences.map((d) => ({ ...d, project: node(d.projectId) })),
  };
}

export interface ScheduleRequest {
  budgetsUsd: readonly number[];
  startYear: number;
  horizonYears?: number | null;
  discountRate?: number | null;
  minJobs?: number | null;
  statuses?: readonly string[] | null;
  minProgress?: number | null;
}

export async function localizationScheduleReport(deps: PlanDeps, request: ScheduleRequest) {
  const budgetsUsd = checkBudgets(request.budgetsUsd);
  const startYear = request.startYear;
  if (typeof startYear !== 'number' || !Number.isInteger(startYear) || startYear < 1900 || startYear > 2200) {
    throw new BadUserInputError(`startYear must be a whole year from 1900 to 2200; got ${String(startYear)}.`, 'startYear');
  }
  const horizonYears = request.horizonYears ?? 10;
  if (typeof horizonYears !== 'number' || !Number.isInteger(horizonYears) || horizonYears < 1 || horizonYears > MAX_HORIZON_YEARS) {
    throw new BadUserInputError(`horizonYears must be a whole number of years from 1 to ${MAX_HORIZON_YEARS}; got ${String(horizonYears)}.`, 'horizonYears');
  }
  if (budgetsUsd.length > horizonYears) {
    throw new BadUserInputError(`horizonYears (${horizonYears}) must be at least the number of yearly budgets (${budgetsUsd.length}): money given after the horizon saves nothing within it.`, 'horizonYears');
  }
  const discountRate = request.discountRate ?? 0;
  if (typeof discountRate !== 'number' || !(discountRate >= 0 && discountRate < 1)) {
    throw new BadUserInputError(`discountRate must be at least 0 and below 1 (0.05 = 5 % a year); got ${String(discountRate)}.`, 'discountRate');
  }
  const minJobs = checkMinJobs(request.minJobs);
  const minProgress = checkMinProgress(request.minProgress);
  const statuses = checkStatuses(request.statuses);
  const snap = await deps.snapshots.current();
  const schedule: LocalizationSchedule = await localizationSchedule(snap, {
    budgetsUsd,
    startYear,
    horizonYears,
    discountRate,
    minJobs,
    statuses,
    minProgress,
    timeLimitSeconds: solveSeconds(deps),
  });
  const node = await recordsOf(deps, [...schedule.projects.map((p) => p.projectId), ...schedule.skipped.map((s) => s.projectId)]);
  return {
    ...schedule,
    projects: schedule.projects.map((p) => ({ ...p, project: node(p.projectId) })),
    skipped: schedule.skipped.map((s) => ({ ...s, project: node(s.projectId) })),
  };
}

// The foreign-currency answers for every door (GraphQL, the CLI's `zanjir report bills|plan`, the
// /view/plan page through GraphQL): check the input, solve on the one analytics engine
// (src/analytics/currency.ts over src/engine/snapshot-cache.ts), hand back node records.

import { planTimeline } from '../analytics/plan-timeline.js';
import {
  DEFAULT_PLAN_STATUSES,
  importBills,
  importedItems,
  importContentAfter,
  localizationImpact,
  localizationPlan,
  type ItemImpact,
  type PlanItemEffect,
} from '../analytics/currency.js';
import { BadUserInputError, NotFoundError } from '../errors/index.js';
import { checkSector, recordsOf, type ServiceDeps } from './analytics.js';
import { sectorTest } from '../analytics/chain-balance.js';
import { PROJECT_STATUSES, STAGES } from '../model/kinds.js';
import type { NodeRecord } from '../model/records.js';

/** Far above any budget a ministry decides on (a thousand trillion dollars): a typo guard. */
export const MAX_BUDGET_USD = 1e15;
export const DEFAULT_BILLS = 50;
export const MAX_BILLS = 1_000;
/** Items one importContentAfter may ask for: each brings its upstream into the solve. */
export const MAX_CONTENT_IDS = 100;


function withItems(node: (id: string) => NodeRecord, items: ItemImpact[]) {
  return items.map((i) => ({ ...i, item: node(i.itemId), capacityTpy: i.capacity }));
}

export function checkBudget(budgetUsd: unknown): number {
  if (typeof budgetUsd !== 'number' || !Number.isFinite(budgetUsd)) {
    throw new BadUserInputError(`budgetUsd must be a finite number of US dollars; got ${String(budgetUsd)}.`, 'budgetUsd');
  }
  if (budgetUsd < 0) throw new BadUserInputError(`budgetUsd must not be negative; got ${budgetUsd}.`, 'budgetUsd');
  if (budgetUsd > MAX_BUDGET_USD) {
    throw new BadUserInputError(`budgetUsd may be at most ${MAX_BUDGET_USD.toExponential()} (USD); got ${budgetUsd.toExponential()}.`, 'budgetUsd');
  }
  return budgetUsd;
}

export function checkMinProgress(minProgress: unknown): number {
  if (minProgress === null || minProgress === undefined) return 0;
  if (typeof minProgress !== 'number' || !(minProgress >= 0 && minProgress <= 1)) {
    throw new BadUserInputError(`minProgress must be between 0 and 1 (0.75 = past 75 %); got ${String(minProgress)}.`, 'minProgress');
  }
  return minProgress;
}

export function checkStatuses(statuses: readonly string[] | null | undefined): string[] {
  if (!statuses || statuses.length === 0) return [...DEFAULT_PLAN_STATUSES];
  const bad = statuses.filter((s) => !(PROJECT_STATUSES as readonly string[]).includes(s));
  if (bad.length > 0) throw new BadUserInputError(`statuses must be among ${PROJECT_STATUSES.join(', ')}; got ${bad.join(', ')}.`, 'statuses');
  return [...new Set(statuses)];
}

export async function importBillsReport(deps: ServiceDeps, options: { stage?: string | null; sector?: string | null; first?: number | null } = {}) {
  const first = options.first ?? DEFAULT_BILLS;
  if (!Number.isInteger(first) || first < 1 || first > MAX_BILLS) {
    throw new BadUserInputError(`first must be a whole number from 1 to ${MAX_BILLS}; got ${first}.`, 'first');
  }
  const stage = options.stage ?? null;
  if (stage !== null && !(STAGES as readonly string[]).includes(stage)) {
    throw new BadUserInputError(`stage must be one of ${STAGES.join(', ')}; got ${JSON.stringify(stage)}.`, 'stage');
  }
  const inSector = sectorTest(checkSector(options.sector));
  const snap = await deps.snapshots.current();
  const items = importedItems(snap, stage === null ? null : STAGES.indexOf(stage as never)).filter((id) => inSector(snap, snap.index.get(id)!));
  const bills = importBills(snap, items).slice(0, first);
  const node = await recordsOf(deps, bills.map((b) => b.itemId));
  return bills.map((b) => ({ ...b, item: node(b.itemId) }));
}

/** NOT_FOUND for an unknown id; BAD_USER_INPUT for a node of another kind. */
async function requireKind(deps: ServiceDeps, ids: readonly string[], kinds: readonly string[], what: string, argument: string) {
  const snap = await deps.snapshots.current();
  const unknown = ids.filter((id) => !snap.has(id));
  if (unknown.length > 0) throw new NotFoundError('node', unknown.join(', '));
  const wrong = ids.filter((id) => !kinds.includes(snap.kindOf(snap.index.get(id)!)));
  if (wrong.length > 0) {
    throw new BadUserInputError(`${wrong.map((id) => `${id} is a ${snap.kindOf(snap.index.get(id)!)}`).join('; ')}: ${argument} must name ${what}.`, argument);
  }
  return snap;
}

export async function localizationImpactReport(deps: ServiceDeps, projectId: string) {
  if (typeof projectId !== 'string' || projectId.trim() === '') throw new BadUserInputError('projectId must not be empty.', 'projectId');
  const snap = await requireKind(deps, [projectId], ['Project'], 'a localization project', 'projectId');
  const r = localizationImpact(snap, projectId);
  const node = await recordsOf(deps, [projectId, ...r.items.map((i) => i.itemId)]);
  return { ...r, project: node(projectId), items: withItems(node, r.items) };
}

export interface PlanRequest {
  budgetUsd: number;
  statuses?: readonly string[] | null;
  minProgress?: number | null;
}

export async function localizationPlanReport(deps: ServiceDeps, request: PlanRequest) {
  const budgetUsd = checkBudget(request.budgetUsd);
  const minProgress = checkMinProgress(request.minProgress);
  const statuses = checkStatuses(request.statuses);
  const snap = await deps.snapshots.current();
  const plan = localizationPlan(snap, { budgetUsd, statuses, minProgress });
  const completion = (id: string) => snap.projects.get(snap.index.get(id)!)?.expectedCompletion ?? null;
  const timeline = planTimeline(plan.steps, completion);
  const projectIds = [...plan.steps.map((s) => s.projectId), ...plan.skipped.map((s) => s.projectId)];
  const node = await recordsOf(deps, [...projectIds, ...plan.steps.flatMap((s) => s.items.map((i) => i.itemId))]);
  // Each project's own caveats: those about it or the items it localizes (what a table row needs beside its figures).
  const caveatsOf = (projectId: string) => {
    const about = new Set([projectId]);
    const v = snap.index.get(projectId);
    if (v !== undefined) snap.forOut(v, (e) => void about.add(snap.ids[snap.eTo[e]!]!));
    return plan.assumptions.filter((a) => about.has(a.nodeId));
  };
  return {
    ...plan,
    steps: plan.steps.map((s) => ({ ...s, project: node(s.projectId), items: withItems(node, s.items), assumptions: caveatsOf(s.projectId) })),
    skipped: plan.skipped.map((s) => ({ ...s, project: node(s.projectId), assumptions: caveatsOf(s.projectId) })),
    timeline: { ...timeline, entries: timeline.entries.map((e) => ({ ...e, project: node(e.projectId) })) },
    figures: planFigures(snap, projectIds),
  };
}

/** t and t′ of the given items once a plan's projects are finished. */
export async function importContentAfterReport(deps: ServiceDeps, effects: readonly PlanItemEffect[], ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length > MAX_CONTENT_IDS) {
    throw new BadUserInputError(`importContentAfter takes at most ${MAX_CONTENT_IDS} ids; got ${unique.length}.`, 'ids');
  }
  if (unique.length === 0) return [];
  const snap = await requireKind(deps, unique, ['Product', 'Part'], 'products or parts', 'ids');
  const rows = importContentAfter(snap, effects, unique);
  const node = await recordsOf(deps, unique);
  return rows.map((c) => ({
    ...c,
    item: node(c.itemId),
    domesticContentBefore: 1 - c.before,
    domesticContentAfter: 1 - c.after,
  }));
}

/** How old the figures a plan rests on are: its projects' and their items' upstreams. */
function planFigures(snap: import('../analytics/graph-snapshot.js').GraphSnapshot, projectIds: readonly string[]) {
  const ids = new Set<string>(projectIds);
  for (const id of projectIds) {
    const v = snap.index.get(id);
    if (v === undefined) continue;
    snap.forOut(v, (e) => {
      for (const u of snap.upstreamOf(snap.eTo[e]!)) ids.add(snap.ids[u]!);
    });
  }
  return snap.figureDates(ids);
}

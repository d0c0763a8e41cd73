// The foreign-currency answers for every door (GraphQL, the CLI's `zanjir report bills|plan`, the
// /view/plan page through GraphQL): check the input, fetch the subgraph in one read transaction
// (src/db/currency-store.ts), solve in src/analytics/currency.ts, hand back node records.
// Nothing is cached, so a write is never hidden by a stale answer.

import { planTimeline } from '../../analytics/plan-timeline.js';
import { figureDates } from '../../analytics/dates.js';
import {
  DEFAULT_PLAN_STATUSES,
  importBills,
  importContentAfter,
  localizationImpact,
  localizationPlan,
  type ItemImpact,
  type PlanItemEffect,
} from '../../analytics/currency.js';
import { BadUserInputError, NotFoundError } from '../../errors/index.js';
import { CurrencyStore } from '../../db/currency-store.js';
import type { ChainStore } from '../../db/chain-store.js';
import type { Executor } from '../../db/executor.js';
import type { ChainGraph } from '../../model/graph.js';
import { PROJECT_STATUSES, STAGES } from '../../model/kinds.js';
import type { NodeRecord } from '../../model/records.js';

/** Far above any budget a ministry decides on (a thousand trillion dollars): a typo guard. */
export const MAX_BUDGET_USD = 1e15;
export const DEFAULT_BILLS = 50;
export const MAX_BILLS = 1_000;
/** Items one importContentAfter may ask for: each brings its upstream into the solve. */
export const MAX_CONTENT_IDS = 100;

export interface CurrencyDeps {
  store: ChainStore;
  executor: Executor;
}

const nodeOf = (graph: ChainGraph) => (id: string): NodeRecord => graph.nodes.get(id)!;

function withItems(graph: ChainGraph, items: ItemImpact[]) {
  const node = nodeOf(graph);
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

export async function importBillsReport(deps: CurrencyDeps, options: { stage?: string | null; first?: number | null } = {}) {
  const first = options.first ?? DEFAULT_BILLS;
  if (!Number.isInteger(first) || first < 1 || first > MAX_BILLS) {
    throw new BadUserInputError(`first must be a whole number from 1 to ${MAX_BILLS}; got ${first}.`, 'first');
  }
  const stage = options.stage ?? null;
  if (stage !== null && !(STAGES as readonly string[]).includes(stage)) {
    throw new BadUserInputError(`stage must be one of ${STAGES.join(', ')}; got ${JSON.stringify(stage)}.`, 'stage');
  }
  const { graph, itemIds } = await new CurrencyStore(deps.executor).importBillGraph(stage);
  const node = nodeOf(graph);
  return importBills(graph, itemIds)
    .slice(0, first)
    .map((b) => ({ ...b, item: node(b.itemId) }));
}

/** NOT_FOUND for an unknown id; BAD_USER_INPUT for a node of another kind. */
async function requireKind(deps: CurrencyDeps, ids: readonly string[], kinds: readonly string[], what: string, argument: string): Promise<void> {
  const nodes = await deps.store.nodesByIds(ids);
  const unknown = ids.filter((_, i) => !nodes[i]);
  if (unknown.length > 0) throw new NotFoundError('node', unknown.join(', '));
  const wrong = nodes.filter((n) => n && !kinds.includes(n.kind)) as NodeRecord[];
  if (wrong.length > 0) {
    throw new BadUserInputError(`${wrong.map((n) => `${n.id} is a ${n.kind}`).join('; ')}: ${argument} must name ${what}.`, argument);
  }
}

export async function localizationImpactReport(deps: CurrencyDeps, projectId: string) {
  if (typeof projectId !== 'string' || projectId.trim() === '') throw new BadUserInputError('projectId must not be empty.', 'projectId');
  await requireKind(deps, [projectId], ['Project'], 'a localization project', 'projectId');
  const { graph } = await new CurrencyStore(deps.executor).planGraph({ ids: [projectId] });
  const node = nodeOf(graph);
  const r = localizationImpact(graph, projectId);
  return { ...r, project: node(projectId), items: withItems(graph, r.items) };
}

export interface PlanRequest {
  budgetUsd: number;
  statuses?: readonly string[] | null;
  minProgress?: number | null;
}

export async function localizationPlanReport(deps: CurrencyDeps, request: PlanRequest) {
  const budgetUsd = checkBudget(request.budgetUsd);
  const minProgress = checkMinProgress(request.minProgress);
  const statuses = checkStatuses(request.statuses);
  const { graph } = await new CurrencyStore(deps.executor).planGraph({ statuses, minProgress });
  const node = nodeOf(graph);
  const plan = localizationPlan(graph, { budgetUsd, statuses, minProgress });
  const timeline = planTimeline(plan.steps, (id) => (typeof node(id).expectedCompletion === 'string' ? (node(id).expectedCompletion as string) : null));
  return {
    ...plan,
    steps: plan.steps.map((s) => ({ ...s, project: node(s.projectId), items: withItems(graph, s.items) })),
    skipped: plan.skipped.map((s) => ({ ...s, project: node(s.projectId) })),
    timeline: { ...timeline, entries: timeline.entries.map((e) => ({ ...e, project: node(e.projectId) })) },
    figures: figureDates(graph),
  };
}

/** t and t′ of the given items once a plan's projects are finished. */
export async function importContentAfterReport(deps: CurrencyDeps, effects: readonly PlanItemEffect[], ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length > MAX_CONTENT_IDS) {
    throw new BadUserInputError(`importContentAfter takes at most ${MAX_CONTENT_IDS} ids; got ${unique.length}.`, 'ids');
  }
  if (unique.length === 0) return [];
  await requireKind(deps, unique, ['Product', 'Part'], 'products or parts', 'ids');
  const graph = await new CurrencyStore(deps.executor).upstreamOf(unique);
  const node = nodeOf(graph);
  return importContentAfter(graph, effects, unique).map((c) => ({
    ...c,
    item: node(c.itemId),
    domesticContentBefore: 1 - c.before,
    domesticContentAfter: 1 - c.after,
  }));
}

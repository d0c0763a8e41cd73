// The plan as a marginal-cost curve, laid out without the DOM (so it can be checked on its own):
// each picked project a bar as wide as its remaining cost and as tall as its marginal net saving
// per remaining dollar, in the order picked (which never rises); then the projects that would
// still save but do not fit, beyond the budget; the parallel work (REDUNDANT) apart, at what it
// would save alone; and the projects that cannot be ranked, listed.

export interface PlanProject {
  id: string;
  name: string;
  nameFa: string;
  owner?: string | null;
  progress?: number | null;
}

export interface PlanStep {
  project: PlanProject;
  netSavingUsd: number;
  remainingCostUsd: number;
  savingPerUsd: number | null;
  cumulativeCostUsd: number;
  cumulativeSavingUsd: number;
}

export interface PlanSkip {
  project: PlanProject;
  reason: 'REDUNDANT' | 'OVER_BUDGET' | 'NO_BUDGET' | 'NO_UNIT_VALUE' | 'NO_SAVING' | 'NO_IMPORT_VOLUME';
  standaloneNetSavingUsd: number | null;
  marginalNetSavingUsd: number | null;
  remainingCostUsd: number | null;
}

export interface PlanAnswer {
  budgetUsd: number;
  spentUsd: number;
  totalSavingUsd: number;
  candidates: number;
  steps: PlanStep[];
  skipped: PlanSkip[];
}

export type BarKind = 'picked' | 'over' | 'redundant';

export interface Bar {
  kind: BarKind;
  project: PlanProject;
  /** Where the bar starts and ends on the cost axis (USD). */
  x0: number;
  x1: number;
  /** Net saving a year per remaining dollar; null when nothing is left to spend (drawn at the top). */
  ratio: number | null;
  /** USD a year: marginal for picked and over-budget bars, alone for redundant ones. */
  saving: number;
  cost: number;
}

export interface Curve {
  picked: Bar[];
  over: Bar[];
  redundant: Bar[];
  unranked: PlanSkip[];
  /** The cost axis runs 0..costMax; the budget line is drawn when budgetUsd ≤ costMax. */
  costMax: number;
  /** The largest finite ratio drawn. */
  ratioMax: number;
}

export function curve(plan: PlanAnswer): Curve {
  const picked: Bar[] = plan.steps.map((s) => ({
    kind: 'picked',
    project: s.project,
    x0: s.cumulativeCostUsd - s.remainingCostUsd,
    x1: s.cumulativeCostUsd,
    ratio: s.savingPerUsd,
    saving: s.netSavingUsd,
    cost: s.remainingCostUsd,
  }));
  const ratioOf = (saving: number | null, cost: number | null) => (cost && cost > 0 && saving !== null ? saving / cost : null);
  let x = plan.spentUsd;
  const over: Bar[] = plan.skipped
    .filter((s) => s.reason === 'OVER_BUDGET')
    .map((s) => ({ s, ratio: ratioOf(s.marginalNetSavingUsd, s.remainingCostUsd) }))
    .sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0) || a.s.project.id.localeCompare(b.s.project.id))
    .map(({ s, ratio }) => {
      const cost = s.remainingCostUsd ?? 0;
      const bar: Bar = { kind: 'over', project: s.project, x0: x, x1: x + cost, ratio, saving: s.marginalNetSavingUsd ?? 0, cost };
      x += cost;
      return bar;
    });
  let r = 0;
  const redundant: Bar[] = plan.skipped
    .filter((s) => s.reason === 'REDUNDANT')
    .map((s) => {
      const cost = s.remainingCostUsd ?? 0;
      const bar: Bar = { kind: 'redundant', project: s.project, x0: r, x1: r + cost, ratio: ratioOf(s.standaloneNetSavingUsd, cost), saving: s.standaloneNetSavingUsd ?? 0, cost };
      r += cost;
      return bar;
    });
  const unranked = plan.skipped.filter((s) => s.reason !== 'OVER_BUDGET' && s.reason !== 'REDUNDANT');
  const drawn = Math.max(x, r, plan.spentUsd);
  // Show the budget line unless it lies far beyond everything drawn (a budget larger than all the
  // projects need would squeeze the curve into a corner).
  const costMax = plan.budgetUsd > 0 && plan.budgetUsd <= 2 * Math.max(drawn, 1) ? Math.max(drawn, plan.budgetUsd) : Math.max(drawn, 1);
  const ratios = [...picked, ...over, ...redundant].map((b) => b.ratio).filter((v): v is number => v !== null && Number.isFinite(v));
  return { picked, over, redundant, unranked, costMax, ratioMax: Math.max(0, ...ratios) };
}

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

// ---------------------------------------------------------------------------------------------
// The best plan beside the greedy one: the server's optimalPlan answer for the same budget and
// filters, shaped for the page. The page names projects, never ids, so each difference's line is
// written here from the structured answer (which projects each plan has that the other lacks, and
// the gain) in the page's language; the server's own line (with ids) is kept as `explanation`.

export type SolverStatus = 'OPTIMAL' | 'TIME_LIMIT' | 'INFEASIBLE';

export interface OptimalProject {
  project: PlanProject;
  netSavingUsd: number;
  remainingCostUsd: number;
  jobs: number | null;
}

export interface OptimalDifference {
  project: PlanProject;
  inOptimal: boolean;
  explanation: string;
}

export interface OptimalAnswer {
  status: SolverStatus;
  budgetUsd: number;
  netSavingUsd: number;
  spentUsd: number;
  jobs: number;
  greedyNetSavingUsd: number;
  gainOverGreedyUsd: number;
  mipGap: number | null;
  projects: OptimalProject[];
  differences: OptimalDifference[];
}

/**
 * INFEASIBLE: no plan meets the constraints; SAME: the best plan saves what the greedy one does
 * (the greedy order was already best); BETTER / WORSE: it saves more (or, out of time, less).
 */
export type Verdict = 'INFEASIBLE' | 'SAME' | 'BETTER' | 'WORSE';

/** Why a project is in one plan and not the other, in words the page fills in. */
export type Reason =
  /** In the best plan only, in place of `others` (the greedy plan's projects it leaves out). */
  | { kind: 'IN_PLACE_OF'; others: PlanProject[] }
  /** In the best plan only, in money the greedy order left unspent. */
  | { kind: 'FITS_LEFTOVER' }
  /** In the greedy plan only, left out so that `others` fit. */
  | { kind: 'SO_THAT_FIT'; others: PlanProject[] }
  /** In the greedy plan only, and the best plan saves as much without it: it adds nothing. */
  | { kind: 'ADDS_NOTHING' };

export interface DifferenceRow {
  project: PlanProject;
  inOptimal: boolean;
  /** What it saves a year in the plan that has it; null when that plan's answer does not say. */
  savingUsd: number | null;
  costUsd: number | null;
  reason: Reason;
  /** The server's line, as it came. */
  explanation: string;
}

export interface Comparison {
  status: SolverStatus;
  verdict: Verdict;
  budgetUsd: number;
  netSavingUsd: number;
  greedyNetSavingUsd: number;
  gainUsd: number;
  mipGap: number | null;
  spentUsd: number;
  jobs: number;
  /** In the best plan and not the greedy one, then the reverse; each by name within its side. */
  onlyBest: DifferenceRow[];
  onlyGreedy: DifferenceRow[];
}

/** Savings within a dollar (or a billionth, for very large plans) are the same: solver rounding. */
export function sameMoney(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
}

export function compare(best: OptimalAnswer, greedy: PlanAnswer): Comparison {
  const gain = best.status === 'INFEASIBLE' ? 0 : best.gainOverGreedyUsd;
  const verdict: Verdict =
    best.status === 'INFEASIBLE' ? 'INFEASIBLE' : sameMoney(best.netSavingUsd, best.greedyNetSavingUsd) ? 'SAME' : gain > 0 ? 'BETTER' : 'WORSE';
  const byName = (a: DifferenceRow, b: DifferenceRow) => a.project.name.localeCompare(b.project.name) || a.project.id.localeCompare(b.project.id);
  const bestOnly = best.differences.filter((d) => d.inOptimal).map((d) => d.project);
  const greedyOnly = best.differences.filter((d) => !d.inOptimal).map((d) => d.project);
  const sortProjects = (list: PlanProject[]) => [...list].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const inBest = new Map(best.projects.map((p) => [p.project.id, p]));
  const inGreedy = new Map(greedy.steps.map((s) => [s.project.id, s]));
  const rows = best.differences.map((d): DifferenceRow => {
    if (d.inOptimal) {
      const p = inBest.get(d.project.id);
      return {
        project: d.project,
        inOptimal: true,
        savingUsd: p?.netSavingUsd ?? null,
        costUsd: p?.remainingCostUsd ?? null,
        reason: greedyOnly.length ? { kind: 'IN_PLACE_OF', others: sortProjects(greedyOnly) } : { kind: 'FITS_LEFTOVER' },
        explanation: d.explanation,
      };
    }
    const s = inGreedy.get(d.project.id);
    return {
      project: d.project,
      inOptimal: false,
      savingUsd: s?.netSavingUsd ?? null,
      costUsd: s?.remainingCostUsd ?? null,
      reason: bestOnly.length === 0 && verdict !== 'BETTER' ? { kind: 'ADDS_NOTHING' } : { kind: 'SO_THAT_FIT', others: sortProjects(bestOnly) },
      explanation: d.explanation,
    };
  });
  return {
    status: best.status,
    verdict,
    budgetUsd: best.budgetUsd,
    netSavingUsd: best.netSavingUsd,
    greedyNetSavingUsd: best.greedyNetSavingUsd,
    gainUsd: gain,
    mipGap: best.mipGap,
    spentUsd: best.spentUsd,
    jobs: best.jobs,
    onlyBest: rows.filter((r) => r.inOptimal).sort(byName),
    onlyGreedy: rows.filter((r) => !r.inOptimal).sort(byName),
  };
}

/** The words a reason line is made of, in the page's language (see strings.ts). */
export interface ReasonWords {
  inPlaceOf: string;
  fitsLeftover: string;
  soThatFit: string;
  addsNothing: string;
  theRest: string;
  /** Joins the last two names of a list ("and", "و"); the others are joined with `comma`. */
  and: string;
  comma: string;
}

/** "A, B and C" (Persian: «الف، ب و ج»); "the rest" for none. */
export function nameList(names: string[], w: Pick<ReasonWords, 'and' | 'comma' | 'theRest'>): string {
  if (names.length === 0) return w.theRest;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(w.comma)} ${w.and} ${names[names.length - 1]}`;
}

/** One line saying why a project is in one plan and not the other: "skipped so that B and C fit: +$70M a year". */
export function reasonLine(row: DifferenceRow, gainUsd: number, w: ReasonWords, name: (p: PlanProject) => string, signedMoney: (n: number) => string): string {
  const gain = signedMoney(gainUsd);
  const r = row.reason;
  switch (r.kind) {
    case 'IN_PLACE_OF':
      return fillIn(w.inPlaceOf, { others: nameList(r.others.map(name), w), gain });
    case 'FITS_LEFTOVER':
      return fillIn(w.fitsLeftover, { gain });
    case 'SO_THAT_FIT':
      return fillIn(w.soThatFit, { others: nameList(r.others.map(name), w), gain });
    case 'ADDS_NOTHING':
      return fillIn(w.addsNothing, { gain });
    default:
      return unreachable(r);
  }
}

function fillIn(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

function unreachable(x: never): never {
  throw new Error(`Unexpected reason ${JSON.stringify(x)}`);
}

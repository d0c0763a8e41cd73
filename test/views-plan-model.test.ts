// The plan view's layout without a browser: the bars of the marginal-cost curve from a
// localizationPlan answer written here as the server gives it (DOMAIN.md's worked example for
// 250,000, plus a made-up second over-budget project and a project with nothing left to spend).

import { describe, expect, it } from 'vitest';
import { compare, curve, nameList, reasonLine, sameMoney, type OptimalAnswer, type PlanAnswer, type PlanProject } from '../views/src/plan/plan-model.js';
import { compactUsd, signedCompactUsd } from '../views/src/shared/money.js';
import { planStrings } from '../views/src/plan/strings.js';

const P = (id: string): PlanProject => ({ id, name: id, nameFa: id });

const ANSWER: PlanAnswer = {
  budgetUsd: 250_000,
  spentUsd: 100_000,
  totalSavingUsd: 48_000,
  candidates: 6,
  steps: [
    { project: P('done-soon'), netSavingUsd: 3_000, remainingCostUsd: 0, savingPerUsd: null, cumulativeCostUsd: 0, cumulativeSavingUsd: 3_000 },
    { project: P('s'), netSavingUsd: 45_000, remainingCostUsd: 100_000, savingPerUsd: 0.45, cumulativeCostUsd: 100_000, cumulativeSavingUsd: 48_000 },
  ],
  skipped: [
    { project: P('e'), reason: 'OVER_BUDGET', standaloneNetSavingUsd: 7_000, marginalNetSavingUsd: 7_000, remainingCostUsd: 400_000 },
    { project: P('f'), reason: 'OVER_BUDGET', standaloneNetSavingUsd: 60_000, marginalNetSavingUsd: 40_000, remainingCostUsd: 200_000 },
    { project: P('nb'), reason: 'NO_BUDGET', standaloneNetSavingUsd: 10_000, marginalNetSavingUsd: null, remainingCostUsd: null },
    { project: P('s2'), reason: 'REDUNDANT', standaloneNetSavingUsd: 36_000, marginalNetSavingUsd: 0, remainingCostUsd: 120_000 },
  ],
};

describe('the plan view’s curve', () => {
  const c = curve(ANSWER);

  it('lays the picks side by side in the order picked, as wide as their remaining cost', () => {
    expect(c.picked.map((b) => [b.project.id, b.x0, b.x1, b.ratio])).toEqual([
      ['done-soon', 0, 0, null],
      ['s', 0, 100_000, 0.45],
    ]);
  });

  it('continues past the budget with what would still save, highest marginal saving per dollar first', () => {
    // f: 40,000 / 200,000 = 0.2 before e: 7,000 / 400,000 = 0.0175; both start where the picks end.
    expect(c.over.map((b) => [b.project.id, b.x0, b.x1, b.ratio])).toEqual([
      ['f', 100_000, 300_000, 0.2],
      ['e', 300_000, 700_000, 0.0175],
    ]);
  });

  it('keeps parallel work apart at what it would save alone, and lists what cannot be ranked', () => {
    expect(c.redundant.map((b) => [b.project.id, b.x0, b.x1, b.ratio, b.saving])).toEqual([['s2', 0, 120_000, 0.3, 36_000]]);
    expect(c.unranked.map((u) => [u.project.id, u.reason])).toEqual([['nb', 'NO_BUDGET']]);
  });

  it('spans the cost axis over everything drawn, and the ratio axis over every finite ratio', () => {
    expect(c.costMax).toBe(700_000);
    expect(c.ratioMax).toBe(0.45);
    // A budget far beyond everything drawn is not allowed to squeeze the curve into a corner.
    expect(curve({ ...ANSWER, budgetUsd: 1e12 }).costMax).toBe(700_000);
    expect(curve({ ...ANSWER, budgetUsd: 1_000_000 }).costMax).toBe(1_000_000);
  });
});

// DOMAIN.md's 60/50/50 example: a budget of $100M; A saves $120M a year for $60M, B and C save
// $95M each for $50M each. The greedy order takes A first (2 a year per dollar against 1.9), and
// then neither B nor C fits: $120M. The best plan is B and C: $190M, $70M a year more.
const A: PlanProject = { id: 'p:a', name: 'Alpha works', nameFa: 'کارخانه آلفا' };
const B: PlanProject = { id: 'p:b', name: 'Beta plant', nameFa: 'کارخانه بتا' };
const C: PlanProject = { id: 'p:c', name: 'Gamma line', nameFa: 'خط گاما' };

const GREEDY: PlanAnswer = {
  budgetUsd: 100e6,
  spentUsd: 60e6,
  totalSavingUsd: 120e6,
  candidates: 3,
  steps: [{ project: A, netSavingUsd: 120e6, remainingCostUsd: 60e6, savingPerUsd: 2, cumulativeCostUsd: 60e6, cumulativeSavingUsd: 120e6 }],
  skipped: [
    { project: B, reason: 'OVER_BUDGET', standaloneNetSavingUsd: 95e6, marginalNetSavingUsd: 95e6, remainingCostUsd: 50e6 },
    { project: C, reason: 'OVER_BUDGET', standaloneNetSavingUsd: 95e6, marginalNetSavingUsd: 95e6, remainingCostUsd: 50e6 },
  ],
};

const BEST: OptimalAnswer = {
  status: 'OPTIMAL',
  budgetUsd: 100e6,
  netSavingUsd: 190e6,
  spentUsd: 100e6,
  jobs: 0,
  greedyNetSavingUsd: 120e6,
  gainOverGreedyUsd: 70e6,
  mipGap: 0,
  projects: [
    { project: C, netSavingUsd: 95e6, remainingCostUsd: 50e6, jobs: null },
    { project: B, netSavingUsd: 95e6, remainingCostUsd: 50e6, jobs: null },
  ],
  differences: [
    { project: A, inOptimal: false, explanation: 'skipped so that p:b and p:c fit: +$70 M a year' },
    { project: C, inOptimal: true, explanation: 'picked in place of p:a: +$70 M a year' },
    { project: B, inOptimal: true, explanation: 'picked in place of p:a: +$70 M a year' },
  ],
};

const en = planStrings('en');
const fa = planStrings('fa');
const enLine = (c: ReturnType<typeof compare>, row: ReturnType<typeof compare>['onlyBest'][number]) =>
  reasonLine(row, c.gainUsd, en, (p) => p.name, (n) => signedCompactUsd('en', n));

describe('the best plan beside the greedy one', () => {
  it('says the best plan of the 60/50/50 example saves $70M a year more, by name, both ways', () => {
    const c = compare(BEST, GREEDY);
    expect(c.verdict).toBe('BETTER');
    expect([c.netSavingUsd, c.greedyNetSavingUsd, c.gainUsd]).toEqual([190e6, 120e6, 70e6]);
    // Sorted by name within each side, with what each saves and costs in the plan that has it.
    expect(c.onlyBest.map((r) => [r.project.id, r.savingUsd, r.costUsd])).toEqual([
      ['p:b', 95e6, 50e6],
      ['p:c', 95e6, 50e6],
    ]);
    expect(c.onlyGreedy.map((r) => [r.project.id, r.savingUsd, r.costUsd])).toEqual([['p:a', 120e6, 60e6]]);
    expect(c.onlyGreedy.map((r) => enLine(c, r))).toEqual(['skipped so that Beta plant and Gamma line fit: +$70M a year']);
    expect(c.onlyBest.map((r) => enLine(c, r))).toEqual(['picked in place of Alpha works: +$70M a year', 'picked in place of Alpha works: +$70M a year']);
    // The server's own line is kept as it came.
    expect(c.onlyGreedy[0]!.explanation).toBe('skipped so that p:b and p:c fit: +$70 M a year');
  });

  it('writes the same line in Persian with Persian names and digits', () => {
    const c = compare(BEST, GREEDY);
    const line = reasonLine(c.onlyGreedy[0]!, c.gainUsd, fa, (p) => p.nameFa, (n) => signedCompactUsd('fa', n));
    expect(line).toBe(`کنار گذاشته شد تا کارخانه بتا و خط گاما بگنجند: +${compactUsd('fa', 70e6)} در سال`);
    expect(line).toContain('۷۰');
  });

  it('says the greedy plan is the best when both save the same, and calls a greedy pick the best plan can do without one that adds nothing', () => {
    // The greedy order also funds D ($1M), which adds nothing once A is in; the best plan leaves it out.
    const D: PlanProject = { id: 'p:d', name: 'Delta study', nameFa: 'مطالعه دلتا' };
    const greedy: PlanAnswer = {
      ...GREEDY,
      spentUsd: 61e6,
      steps: [...GREEDY.steps, { project: D, netSavingUsd: 0, remainingCostUsd: 1e6, savingPerUsd: 0, cumulativeCostUsd: 61e6, cumulativeSavingUsd: 120e6 }],
    };
    const best: OptimalAnswer = {
      ...BEST,
      netSavingUsd: 120e6,
      spentUsd: 60e6,
      // Solver rounding: a few billionths of a dollar are no gain.
      greedyNetSavingUsd: 120e6 - 6e-8,
      gainOverGreedyUsd: 6e-8,
      projects: [{ project: A, netSavingUsd: 120e6, remainingCostUsd: 60e6, jobs: null }],
      differences: [{ project: D, inOptimal: false, explanation: 'skipped so that the rest fit: +$0 a year' }],
    };
    const c = compare(best, greedy);
    expect(c.verdict).toBe('SAME');
    expect(c.onlyBest).toEqual([]);
    expect(c.onlyGreedy.map((r) => [r.project.id, r.reason.kind, r.costUsd])).toEqual([['p:d', 'ADDS_NOTHING', 1e6]]);
    expect(compare({ ...best, differences: [] }, GREEDY).verdict).toBe('SAME');
  });

  it('reports no gain and no differences when no plan meets the jobs floor', () => {
    const c = compare({ ...BEST, status: 'INFEASIBLE', netSavingUsd: 0, spentUsd: 0, gainOverGreedyUsd: 0, mipGap: null, projects: [], differences: [] }, GREEDY);
    expect([c.verdict, c.gainUsd, c.onlyBest.length, c.onlyGreedy.length]).toEqual(['INFEASIBLE', 0, 0, 0]);
  });

  it('tells a loss apart from a gain when the solver ran out of time', () => {
    const c = compare({ ...BEST, status: 'TIME_LIMIT', netSavingUsd: 110e6, gainOverGreedyUsd: -10e6, mipGap: 0.42 }, GREEDY);
    expect(c.verdict).toBe('WORSE');
    expect(signedCompactUsd('en', c.gainUsd)).toBe('−$10M');
  });

  it('joins names as a sentence does, and counts a dollar apart as the same saving', () => {
    expect(nameList([], en)).toBe('the rest');
    expect(nameList(['A', 'B', 'C'], en)).toBe('A, B and C');
    expect(nameList(['الف', 'ب', 'ج'], fa)).toBe('الف، ب و ج');
    expect(sameMoney(454_927_221.26, 454_927_221.26 + 0.5)).toBe(true);
    expect(sameMoney(454_927_221.26, 456_743_884.12)).toBe(false);
  });
});

// The plan view's layout without a browser: the bars of the marginal-cost curve from a
// localizationPlan answer written here as the server gives it (DOMAIN.md's worked example for
// 250,000, plus a made-up second over-budget project and a project with nothing left to spend).

import { describe, expect, it } from 'vitest';
import { curve, type PlanAnswer, type PlanProject } from '../views/src/plan/plan-model.js';

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

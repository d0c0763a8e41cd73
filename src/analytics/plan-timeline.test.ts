import { describe, expect, it } from 'vitest';
import { planTimeline } from './plan-timeline.js';

describe('a plan as a timeline', () => {
  const steps = [
    { projectId: 'p:a', netSavingUsd: 45_000, remainingCostUsd: 100_000 },
    { projectId: 'p:b', netSavingUsd: 7_000, remainingCostUsd: 400_000 },
    { projectId: 'p:c', netSavingUsd: 3_000, remainingCostUsd: 10_000 },
    { projectId: 'p:d', netSavingUsd: 1_000, remainingCostUsd: 5_000 },
  ];
  const when: Record<string, string | null> = { 'p:a': '2027-06', 'p:b': '2026', 'p:c': null, 'p:d': '2027' };

  it('orders by expected completion (text order is time order), undated last, and accumulates', () => {
    // 2026 (b) < 2027 (d) < 2027-06 (a); c undated last.
    const t = planTimeline(steps, (id) => when[id] ?? null);
    expect(t.entries.map((e) => [e.projectId, e.expectedCompletion, e.cumulativeSavingUsd, e.cumulativeCostUsd])).toEqual([
      ['p:b', '2026', 7_000, 400_000],
      ['p:d', '2027', 8_000, 405_000],
      ['p:a', '2027-06', 53_000, 505_000],
      ['p:c', null, 56_000, 515_000],
    ]);
    expect(t.undated).toBe(1);
    expect(t.completeBy).toBeNull();
  });

  it('says when the whole saving is reached when every step is dated', () => {
    const t = planTimeline(steps.slice(0, 2), (id) => when[id] ?? null);
    expect(t.completeBy).toBe('2027-06');
    expect(t.entries.at(-1)!.cumulativeSavingUsd).toBe(52_000);
  });
});

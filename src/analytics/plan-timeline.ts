// A localization plan laid out in time (docs/domain.md, Dates): its steps in the order their
// projects are expected to finish, with the saving a year reached once each has finished.
// Savings are the plan's own (marginal, in the order it picked them), so the timeline ends at
// the plan's total; projects without an expectedCompletion come last, in plan order.

export interface TimelineStep {
  projectId: string;
  netSavingUsd: number;
  remainingCostUsd: number;
}

export interface TimelineEntry extends TimelineStep {
  /** When the project is expected to finish (2027, 2027-06, 2027-06-30); null when unknown. */
  expectedCompletion: string | null;
  /** Saving a year once it and every entry before it have finished. */
  cumulativeSavingUsd: number;
  cumulativeCostUsd: number;
}

export interface PlanTimeline {
  entries: TimelineEntry[];
  /** Steps without an expected completion (at the end of entries). */
  undated: number;
  /** The latest expected completion: when the whole plan's saving is reached, if every step is dated. */
  completeBy: string | null;
}

export function planTimeline(steps: readonly TimelineStep[], completionOf: (projectId: string) => string | null): PlanTimeline {
  const indexed = steps.map((s, i) => ({ s, i, when: completionOf(s.projectId) }));
  indexed.sort((a, b) => (a.when === null ? 1 : 0) - (b.when === null ? 1 : 0) || (a.when ?? '').localeCompare(b.when ?? '') || a.i - b.i);
  let saving = 0;
  let cost = 0;
  const entries = indexed.map(({ s, when }) => {
    saving += s.netSavingUsd;
    cost += s.remainingCostUsd;
    return { ...s, expectedCompletion: when, cumulativeSavingUsd: saving, cumulativeCostUsd: cost };
  });
  const undated = entries.filter((e) => e.expectedCompletion === null).length;
  const dated = entries.filter((e) => e.expectedCompletion !== null);
  return { entries, undated, completeBy: undated === 0 && dated.length > 0 ? dated.at(-1)!.expectedCompletion : null };
}

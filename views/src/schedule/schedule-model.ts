// The schedule laid out without the DOM (so it can be checked on its own): the yearly budgets read
// from the address, and the server's localizationSchedule answer as a strip of year columns, one
// row per funded project starting in the column of the year it is funded, with the year-by-year
// money (available, spent) and the saving a year that the funded projects add up to.

export type SolverStatus = 'OPTIMAL' | 'TIME_LIMIT' | 'INFEASIBLE';

export interface ScheduleProjectRef {
  id: string;
  name: string;
  nameFa: string;
}

export interface ScheduleYear {
  year: number;
  availableUsd: number;
  spentUsd: number;
  savingUsd: number;
  jobs: number;
}

export interface ScheduledProject {
  project: ScheduleProjectRef;
  year: number;
  netSavingUsd: number;
  remainingCostUsd: number;
}

export interface ScheduleAnswer {
  status: SolverStatus;
  objectiveUsd: number;
  mipGap: number | null;
  years: ScheduleYear[];
  projects: ScheduledProject[];
  skipped: { project: ScheduleProjectRef; reason: 'NOT_CHOSEN' | 'NO_BUDGET' | 'NO_UNIT_VALUE' | 'NO_SAVING' }[];
  assumptions: { code: string; nodeId: string; message: string }[];
}

/** budgets=1e8,1e8,5e7: the USD given each year. Spaces are allowed; an empty entry or a non-number is an error naming it. */
export function parseBudgets(raw: string | null): { budgets: number[] } | { error: 'missing' } | { error: 'bad'; value: string } {
  const text = raw?.trim() ?? '';
  if (!text) return { error: 'missing' };
  const parts = text.split(',').map((x) => x.trim());
  const budgets: number[] = [];
  for (const part of parts) {
    const n = part === '' ? Number.NaN : Number(part);
    if (!Number.isFinite(n)) return { error: 'bad', value: part };
    budgets.push(n);
  }
  return { budgets };
}

export interface ScheduleRow {
  project: ScheduleProjectRef;
  year: number;
  /** 0 for the first year of the horizon. */
  column: number;
  netSavingUsd: number;
  remainingCostUsd: number;
}

export interface ScheduleLayout {
  years: ScheduleYear[];
  /** One per funded project, in the server's order (by year, then id). */
  rows: ScheduleRow[];
  /** Saving a year in the last year: the whole schedule's saving once everything is finished. */
  finalSavingUsd: number;
  savingMax: number;
  /** The largest of the money available and spent in any year. */
  moneyMax: number;
  /** Projects funded each year, by column. */
  fundedPerColumn: number[];
}

export function layout(answer: ScheduleAnswer): ScheduleLayout {
  const years = [...answer.years].sort((a, b) => a.year - b.year);
  const first = years[0]?.year ?? 0;
  const rows = answer.projects.map((p) => ({ project: p.project, year: p.year, column: p.year - first, netSavingUsd: p.netSavingUsd, remainingCostUsd: p.remainingCostUsd }));
  const fundedPerColumn = years.map((y) => rows.filter((r) => r.year === y.year).length);
  return {
    years,
    rows,
    finalSavingUsd: years.length ? years[years.length - 1]!.savingUsd : 0,
    savingMax: Math.max(0, ...years.map((y) => y.savingUsd)),
    moneyMax: Math.max(0, ...years.flatMap((y) => [y.availableUsd, y.spentUsd])),
    fundedPerColumn,
  };
}

// The schedule view's layout without a browser: the budgets read from the address, and a
// localizationSchedule answer written here as the server gives it, laid out as year columns.
// Worked by hand: $100M in 2027 and 2028; A ($60M, saves $120M a year) and D ($30M, $20M a year)
// funded in 2027 leave $10M, carried over; B ($50M, $95M a year) funded in 2028 out of $110M.

import { describe, expect, it } from 'vitest';
import { layout, parseBudgets, type ScheduleAnswer } from '../views/src/schedule/schedule-model.js';

const P = (id: string) => ({ id, name: id.toUpperCase(), nameFa: id });

const ANSWER: ScheduleAnswer = {
  status: 'OPTIMAL',
  objectiveUsd: 140e6 * 1 + 235e6 * 2,
  mipGap: 0,
  years: [
    // Given out of order: the layout puts them in order.
    { year: 2028, availableUsd: 110e6, spentUsd: 50e6, savingUsd: 140e6, jobs: 0 },
    { year: 2027, availableUsd: 100e6, spentUsd: 90e6, savingUsd: 0, jobs: 12 },
    { year: 2029, availableUsd: 60e6, spentUsd: 0, savingUsd: 235e6, jobs: 0 },
  ],
  projects: [
    { project: P('a'), year: 2027, netSavingUsd: 120e6, remainingCostUsd: 60e6 },
    { project: P('d'), year: 2027, netSavingUsd: 20e6, remainingCostUsd: 30e6 },
    { project: P('b'), year: 2028, netSavingUsd: 95e6, remainingCostUsd: 50e6 },
  ],
  skipped: [{ project: P('c'), reason: 'NOT_CHOSEN' }],
  assumptions: [],
};

describe('the schedule view’s layout', () => {
  const l = layout(ANSWER);

  it('puts each funded project in the column of its funding year, counted from the first year', () => {
    expect(l.years.map((y) => y.year)).toEqual([2027, 2028, 2029]);
    expect(l.rows.map((r) => [r.project.id, r.year, r.column])).toEqual([
      ['a', 2027, 0],
      ['d', 2027, 0],
      ['b', 2028, 1],
    ]);
    expect(l.fundedPerColumn).toEqual([2, 1, 0]);
  });

  it('scales the saving row to the largest saving a year and the money row to the most available or spent', () => {
    expect(l.savingMax).toBe(235e6);
    expect(l.finalSavingUsd).toBe(235e6);
    expect(l.moneyMax).toBe(110e6);
    expect(layout({ ...ANSWER, years: [], projects: [] })).toMatchObject({ rows: [], savingMax: 0, moneyMax: 0, finalSavingUsd: 0 });
  });

  it('reads the budgets from the address, naming what it cannot read', () => {
    expect(parseBudgets('1e8,1e8, 5e7')).toEqual({ budgets: [1e8, 1e8, 5e7] });
    expect(parseBudgets('250000')).toEqual({ budgets: [250_000] });
    expect(parseBudgets(null)).toEqual({ error: 'missing' });
    expect(parseBudgets('  ')).toEqual({ error: 'missing' });
    expect(parseBudgets('1e8,,1e8')).toEqual({ error: 'bad', value: '' });
    expect(parseBudgets('1e8,lots')).toEqual({ error: 'bad', value: 'lots' });
  });
});

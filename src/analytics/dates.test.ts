import { describe, expect, it } from 'vitest';
import { chainGraph } from '../model/graph.js';
import { figureDates, hasFigures, staleCutoff } from './dates.js';
import { e, n } from './test-graphs.js';

describe('dates of figures', () => {
  const g = chainGraph(
    [
      n('mine:a', 'Mine', { capacityTpy: 10, asOf: '2018-03' }),
      n('ore', 'Product', { unitValueUsd: 40, asOf: '2021' }),
      n('plant:p', 'Plant'), // a plant carries no figure of its own
      n('steel', 'Product', { unitValueUsd: 500 }), // a figure without a date
    ],
    [
      e('EXTRACTS', 'mine:a', 'ore', { capacityTpy: 10, asOf: '2014' }),
      e('FEEDS', 'ore', 'plant:p', { quantityPerUnit: 1.5, asOf: '2019-03-20' }),
      e('PRODUCES', 'plant:p', 'steel'), // no figure: neither dated nor undated
    ],
  );

  it('reports the oldest and newest asOf among records with figures, and counts the undated', () => {
    // Dated: mine 2018-03, ore 2021, EXTRACTS 2014, FEEDS 2019-03-20; undated: steel.
    expect(figureDates(g)).toEqual({ oldestAsOf: '2014', newestAsOf: '2021', dated: 4, undated: 1 });
  });

  it('only within the ids given (edges between them)', () => {
    expect(figureDates(g, new Set(['ore', 'plant:p', 'steel']))).toEqual({ oldestAsOf: '2019-03-20', newestAsOf: '2021', dated: 2, undated: 1 });
  });

  it('knows which records hold figures', () => {
    expect(hasFigures(n('p', 'Plant'))).toBe(false);
    expect(hasFigures(e('OWNS', 'a', 'b', { share: 0.5 }))).toBe(true);
    expect(hasFigures(e('OWNS', 'a', 'b'))).toBe(false);
    // A project's jobs count is a figure that changes (issue 20): it needs a date like its budget.
    expect(hasFigures(n('project:x', 'Project', { jobs: 120 }))).toBe(true);
    expect(hasFigures(n('project:x', 'Project', { status: 'ACTIVE' }))).toBe(false);
  });

  it('stale means a year before this year minus olderThan', () => {
    expect(staleCutoff(3, new Date('2026-12-01T00:00:00Z'))).toBe('2023');
    // "2022-12-31" < "2023" and "2023" is not: text order is time order.
    expect('2022-12-31' < staleCutoff(3, new Date('2026-12-01T00:00:00Z'))).toBe(true);
    expect('2023' < staleCutoff(3, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });
});

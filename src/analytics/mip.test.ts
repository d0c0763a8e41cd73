import { describe, expect, it } from 'vitest';
import { solveMip } from './mip.js';

describe('solveMip', () => {
  it('proves the optimum of a knapsack: 60/50/50 for 100 takes the two 50s', async () => {
    const r = await solveMip({
      cost: [120, 95, 95],
      lower: [0, 0, 0],
      upper: [1, 1, 1],
      integer: [true, true, true],
      rows: [{ indices: [0, 1, 2], values: [60, 50, 50], lower: -1e30, upper: 100 }],
    });
    expect(r.status).toBe('OPTIMAL');
    expect(r.objective).toBeCloseTo(190, 9);
    expect([...r.values!].map(Math.round)).toEqual([0, 1, 1]);
  });

  it('says INFEASIBLE when no solution exists', async () => {
    const r = await solveMip({ cost: [1], lower: [0], upper: [1], integer: [true], rows: [{ indices: [0], values: [1], lower: 2, upper: 1e30 }] });
    expect(r.status).toBe('INFEASIBLE');
    expect(r.values).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { chainGraph } from '../model/graph.js';
import { optimalPlan } from './optimal-plan.js';
import { localizationSchedule, yearWeights } from './schedule.js';
import { e, n, on } from './test-graphs.js';
import { randomChain, prng } from '../../test/reference/random-chains.js';

function sixtyFiftyFifty() {
  return chainGraph(
    [
      n('x', 'Product', { unitValueUsd: 1 }),
      n('y', 'Product', { unitValueUsd: 1 }),
      n('s:x', 'Supplier', { country: 'CN' }),
      n('s:y', 'Supplier', { country: 'CN' }),
      n('p:a', 'Project', { status: 'ACTIVE', budget: 60e6, progress: 0, jobs: 100 }),
      n('p:b', 'Project', { status: 'ACTIVE', budget: 50e6, progress: 0, jobs: 10 }),
      n('p:c', 'Project', { status: 'ACTIVE', budget: 50e6, progress: 0, jobs: 10 }),
    ],
    [
      e('SUPPLIES', 's:x', 'x', { volumePerYear: 120e6 }),
      e('SUPPLIES', 's:y', 'y', { volumePerYear: 190e6 }),
      e('LOCALIZES', 'p:a', 'x', {}),
      e('LOCALIZES', 'p:b', 'y', { capacityTpy: 95e6 }),
      e('LOCALIZES', 'p:c', 'y', { capacityTpy: 95e6 }),
    ],
  );
}

describe('the schedule over yearly budgets', () => {
  it('weights: a saving from y + 1 to H − 1, discounted', () => {
    expect(yearWeights(3, 10, 0)).toEqual([9, 8, 7]);
    expect(yearWeights(1, 3, 0.1)[0]).toBeCloseTo(1 / 1.1 + 1 / 1.21, 12);
  });

  it('50, 50, 60 M over 10 years: one 50 M project a year, then A (by hand: 95×9 + 95×8 + 120×7 = 2,455 M)', async () => {
    const s = await localizationSchedule(on(sixtyFiftyFifty()), { budgetsUsd: [50e6, 50e6, 60e6], startYear: 2027 });
    expect(s.status).toBe('OPTIMAL');
    expect(s.objectiveUsd).toBeCloseTo(2455e6, 0);
    expect(s.projects.map((p) => p.year)).toEqual([2027, 2028, 2029]);
    expect(s.projects[2]).toMatchObject({ projectId: 'p:a', year: 2029 });
    expect(s.years.slice(0, 4).map((y) => [y.year, y.availableUsd, y.spentUsd, y.savingUsd])).toEqual([
      [2027, 50e6, 50e6, 0],
      [2028, 50e6, 50e6, expect.closeTo(95e6, 0)],
      [2029, 60e6, 60e6, expect.closeTo(190e6, 0)],
      [2030, 0, 0, expect.closeTo(310e6, 0)],
    ]);
    expect(s.years).toHaveLength(10);
  });

  it('a jobs floor nothing can meet is INFEASIBLE', async () => {
    const s = await localizationSchedule(on(sixtyFiftyFifty()), { budgetsUsd: [1e9], startYear: 2027, minJobs: 1000 });
    expect(s.status).toBe('INFEASIBLE');
    expect(s.projects).toEqual([]);
  });

  it('on random graphs: never spends before money is given; one year, no discount, equals optimalPlan', async () => {
    for (let seed = 1; seed <= 15; seed += 1) {
      const g = randomChain(seed);
      const rand = prng(seed * 31);
      const items = [...g.nodes.values()].filter((x) => x.kind === 'Product' || x.kind === 'Part').map((x) => x.id);
      const nodes = [...g.nodes.values()];
      const edges = [...g.edges];
      for (let p = 0; p < 8; p += 1) {
        nodes.push(n(`project:${p}`, 'Project', { status: 'ACTIVE', budget: Math.floor(rand() * 1000), progress: 0 }));
        edges.push(e('LOCALIZES', `project:${p}`, items[Math.floor(rand() * items.length)]!, rand() < 0.6 ? { capacityTpy: rand() * 50 } : {}));
      }
      const snap = on(chainGraph(nodes, edges, 'IR'));
      const budgets = [rand() * 800, rand() * 800, rand() * 800];
      const s = await localizationSchedule(snap, { budgetsUsd: budgets, startYear: 2027, discountRate: 0.05 });
      expect(s.status).toBe('OPTIMAL');
      let given = 0;
      let spent = 0;
      s.years.forEach((y, k) => {
        given += budgets[k] ?? 0;
        spent += y.spentUsd;
        expect(spent).toBeLessThanOrEqual(given + 1e-6);
      });
      const one = await localizationSchedule(snap, { budgetsUsd: [budgets[0]!], startYear: 2027, horizonYears: 2 });
      const plan = await optimalPlan(snap, { budgetUsd: budgets[0]! });
      expect(one.objectiveUsd).toBeCloseTo(plan.netSavingUsd, 4);
    }
  });
});

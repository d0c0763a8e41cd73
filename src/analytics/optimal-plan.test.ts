import { describe, expect, it } from 'vitest';
import { chainGraph } from '../model/graph.js';
import type { EdgeRecord, NodeRecord } from '../model/records.js';
import { CurrencyModel, localizationPlan, planCandidates } from './currency.js';
import { namesList, optimalPlan } from './optimal-plan.js';
import { e, n, on, workedExample } from './test-graphs.js';
import { randomChain, prng } from '../../test/reference/random-chains.js';

/** Budget $100 M; A saves $120 M for $60 M; B and C save $95 M each for $50 M each (item y has room for both). */
function sixtyFiftyFifty() {
  return chainGraph(
    [
      n('x', 'Product', { unitValueUsd: 1 }),
      n('y', 'Product', { unitValueUsd: 1 }),
      n('s:x', 'Supplier', { country: 'CN' }),
      n('s:y', 'Supplier', { country: 'CN' }),
      n('p:a', 'Project', { name: 'A', status: 'ACTIVE', budget: 60e6, progress: 0, jobs: 100 }),
      n('p:b', 'Project', { name: 'B', status: 'ACTIVE', budget: 50e6, progress: 0, jobs: 10 }),
      n('p:c', 'Project', { name: 'C', status: 'ACTIVE', budget: 50e6, progress: 0, jobs: 10 }),
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

describe('the best plan', () => {
  it('names the projects a difference is about as a reader says them, five or more cut to three', () => {
    expect(namesList([])).toBe('the rest');
    expect(namesList(['A'])).toBe('A');
    expect(namesList(['A', 'B'])).toBe('A and B');
    expect(namesList(['A', 'B', 'C', 'D'])).toBe('A, B, C and D');
    expect(namesList(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 others');
  });

  it('60/50/50 for $100 M: greedy takes A ($120 M), the best plan B + C ($190 M)', async () => {
    const plan = await optimalPlan(on(sixtyFiftyFifty()), { budgetUsd: 100e6 });
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.greedyNetSavingUsd).toBeCloseTo(120e6, 0);
    expect(plan.netSavingUsd).toBeCloseTo(190e6, 0);
    expect(plan.gainOverGreedyUsd).toBeCloseTo(70e6, 0);
    expect(plan.spentUsd).toBe(100e6);
    expect(plan.jobs).toBe(20);
    expect(plan.projects.map((p) => p.projectId)).toEqual(['p:b', 'p:c']);
    expect(plan.projects[0]!.items).toEqual([{ itemId: 'y', displacedVolume: expect.closeTo(95e6, 0), netSavingUsd: expect.closeTo(95e6, 0) }]);
    expect(plan.skipped).toEqual([{ projectId: 'p:a', reason: 'NOT_CHOSEN' }]);
    expect(plan.differences.find((d) => d.projectId === 'p:a')!.explanation).toBe('skipped so that B and C fit: +$70 M a year');
    expect(plan.differences.find((d) => d.projectId === 'p:b')!.explanation).toBe('picked in place of A: +$70 M a year');
  });

  it('a jobs floor the best set misses takes A; one nothing can meet is INFEASIBLE', async () => {
    const g = on(sixtyFiftyFifty());
    const floor = await optimalPlan(g, { budgetUsd: 100e6, minJobs: 50 });
    expect(floor.status).toBe('OPTIMAL');
    expect(floor.projects.map((p) => p.projectId)).toEqual(['p:a']);
    expect(floor.netSavingUsd).toBeCloseTo(120e6, 0);
    const none = await optimalPlan(g, { budgetUsd: 100e6, minJobs: 200 });
    expect(none.status).toBe('INFEASIBLE');
    expect(none.projects).toEqual([]);
  });

  it('DOMAIN.md worked example for 250,000: S alone (45,000); S2 adds nothing; E does not fit', async () => {
    const g = workedExample();
    const nodes = [...g.nodes.values(),
      n('project:s', 'Project', { status: 'ACTIVE', owner: 'a', budget: 200_000, progress: 0.5 }),
      n('project:s2', 'Project', { status: 'ACTIVE', owner: 'b', budget: 150_000, progress: 0.2 }),
      n('project:e', 'Project', { status: 'ACTIVE', owner: 'c', budget: 1_000_000, progress: 0.6 }),
    ];
    const edges = [...g.edges,
      e('LOCALIZES', 'project:s', 'steel', { capacityTpy: 150 }),
      e('LOCALIZES', 'project:s2', 'steel', { capacityTpy: 80 }),
      e('LOCALIZES', 'project:e', 'electrode', { inputImportShare: 0.3 }),
    ];
    const snap = on(chainGraph(nodes, edges, 'IR'));
    const plan = await optimalPlan(snap, { budgetUsd: 250_000 });
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.netSavingUsd).toBeCloseTo(45_000, 6);
    expect(plan.greedyNetSavingUsd).toBeCloseTo(45_000, 6);
    // S and S2 tie on steel (same g); S2 would only spend money once S displaces all 100 t.
    expect(plan.projects.map((p) => p.projectId)).toEqual(['project:s']);
    expect(plan.spentUsd).toBe(100_000);
    const all = await optimalPlan(snap, { budgetUsd: 1_000_000 });
    expect(all.netSavingUsd).toBeCloseTo(52_000, 6);
  });

  it('on random graphs: never below greedy, never over budget, projects add to the total, and equal to every subset tried', async () => {
    let seconds = 0;
    for (let seed = 1; seed <= 25; seed += 1) {
      const graph = withProjects(seed);
      const snap = on(graph);
      const rand = prng(seed * 7);
      const budget = Math.floor(rand() * 3000);
      const plan = await optimalPlan(snap, { budgetUsd: budget });
      seconds += plan.solveSeconds;
      expect(plan.status).toBe('OPTIMAL');
      expect(plan.spentUsd).toBeLessThanOrEqual(budget + 1e-6);
      expect(plan.netSavingUsd).toBeGreaterThanOrEqual(plan.greedyNetSavingUsd - 1e-6 * (1 + plan.greedyNetSavingUsd));
      expect(plan.projects.reduce((a, p) => a + p.netSavingUsd, 0)).toBeCloseTo(plan.netSavingUsd, 6);
      const best = exhaustive(graph, budget);
      expect(plan.netSavingUsd).toBeCloseTo(best, 4);
    }
    console.log(`random plans: ${seconds.toFixed(3)} s of HiGHS over 25 graphs`);
  });
});

/** A random chain with up to 10 projects on its imported items. */
function withProjects(seed: number) {
  const g = randomChain(seed);
  const rand = prng(seed * 13 + 1);
  const items = [...g.nodes.values()].filter((x) => x.kind === 'Product' || x.kind === 'Part').map((x) => x.id);
  const nodes: NodeRecord[] = [...g.nodes.values()];
  const edges: EdgeRecord[] = [...g.edges];
  const count = 1 + Math.floor(rand() * 10);
  for (let p = 0; p < count; p += 1) {
    const id = `project:${p}`;
    nodes.push(n(id, 'Project', { status: 'ACTIVE', budget: Math.floor(rand() * 1500), progress: Math.floor(rand() * 4) / 4 }));
    for (let k = 0; k < 1 + Math.floor(rand() * 2); k += 1) {
      const to = items[Math.floor(rand() * items.length)]!;
      if (edges.some((x) => x.type === 'LOCALIZES' && x.from === id && x.to === to)) continue;
      edges.push(e('LOCALIZES', id, to, { ...(rand() < 0.7 ? { capacityTpy: rand() * 60 } : {}), ...(rand() < 0.3 ? { inputImportShare: rand() / 2 } : {}) }));
    }
  }
  return chainGraph(nodes, edges, 'IR');
}

/**
 * The best subset by brute force, evaluated independently of the solver: a subset's saving is the
 * best way to share each item's imports among its chosen projects, which (each project's lines being
 * independent once chosen) is filling the item's volume V_k from the highest g first, with C from
 * CurrencyModel.impact (the greedy plan's own per-line figures).
 */
function exhaustive(graph: ReturnType<typeof chainGraph>, budget: number): number {
  const snap = on(graph);
  const ids = planCandidates(snap, {});
  const model = new CurrencyModel(snap, ids);
  const pool = ids.map((id) => model.impact(id)).filter((i) => i.remainingCostUsd !== null && i.valued);
  let best = 0;
  for (let mask = 0; mask < 1 << pool.length; mask += 1) {
    let cost = 0;
    const lines: { item: string; V: number; C: number; g: number }[] = [];
    pool.forEach((p, k) => {
      if (!(mask & (1 << k))) return;
      cost += p.remainingCostUsd!;
      for (const it of p.items) {
        if (it.unitValueUsd === null || it.importVolume <= 0) continue;
        lines.push({ item: it.itemId, V: it.importVolume, C: it.capacity ?? it.importVolume, g: it.unitValueUsd * (1 - it.homeImportContent) });
      }
    });
    if (cost > budget) continue;
    const left = new Map<string, number>();
    let saving = 0;
    for (const l of lines.sort((a, b) => b.g - a.g)) {
      const room = left.get(l.item) ?? l.V;
      const x = Math.min(room, l.C);
      if (l.g > 0) {
        saving += x * l.g;
        left.set(l.item, room - x);
      }
    }
    best = Math.max(best, saving);
  }
  // The greedy plan is one subset; the exhaustive search must never be below it.
  expect(best).toBeGreaterThanOrEqual(localizationPlan(snap, { budgetUsd: budget }).totalSavingUsd - 1e-6);
  return best;
}

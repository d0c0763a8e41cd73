// The best plan and the schedule through GraphQL on a real Neo4j (DOMAIN.md, "The best plan, and a
// schedule over yearly budgets"). The graph is the issue's 60/50/50 case, loaded through the
// importer; every figure below is worked out by hand in the comments, not read off the solver.
//
// Part a: 120,000 units a year bought from China at $1,000 ($120 M); part bc: 190,000 units at
// $1,000 ($190 M). Neither has a home recipe and no LOCALIZES edge gives an input import share, so
// h = 0 and a displaced unit saves $1,000. Project A (60 M to go, 300 jobs) replaces all of a's
// imports: $120 M a year. B and C (50 M each, 100 jobs each) add 95,000 units of bc each: $95 M
// a year each, and both fit under bc's 190,000.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBudgets, checkMinJobs, solveSeconds, localizationScheduleReport, optimalPlanReport } from '../src/services/plan.js';
import { snapshotCacheFor } from '../src/engine/snapshot-cache.js';
import { serviceDeps } from '../src/services/deps.js';
import { doc, edge, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.load(
    doc(
      [
        node('part:a', 'Part', { unitValueUsd: 1000 }),
        node('part:bc', 'Part', { unitValueUsd: 1000 }),
        node('supplier:cn-a', 'Supplier', { country: 'CN' }),
        node('supplier:cn-bc', 'Supplier', { country: 'CN' }),
        node('project:a', 'Project', { name: 'Tabriz gearbox line', owner: 'OA', status: 'ACTIVE', budget: 60e6, progress: 0, jobs: 300 }),
        node('project:b', 'Project', { name: 'Bonab casting plant', owner: 'OB', status: 'ACTIVE', budget: 100e6, progress: 0.5, jobs: 100 }),
        node('project:c', 'Project', { name: 'Maragheh forging shop', owner: 'OC', status: 'PLANNED', budget: 50e6, progress: 0, jobs: 100 }),
      ],
      [
        edge('SUPPLIES', 'supplier:cn-a', 'part:a', { volumePerYear: 120_000 }),
        edge('SUPPLIES', 'supplier:cn-bc', 'part:bc', { volumePerYear: 190_000 }),
        edge('LOCALIZES', 'project:a', 'part:a'),
        edge('LOCALIZES', 'project:b', 'part:bc', { capacityTpy: 95_000 }),
        edge('LOCALIZES', 'project:c', 'part:bc', { capacityTpy: 95_000 }),
      ],
    ),
  );
});
afterAll(async () => {
  await h.close();
});

const close = (x: number, digits = 3) => expect.closeTo(x, digits);
const M = 1e6;
const errorOf = (r: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => [r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.argument];

const PLAN = `query($b: Float!, $j: Float) { optimalPlan(budgetUsd: $b, minJobs: $j) {
  status budgetUsd netSavingUsd spentUsd jobs greedyNetSavingUsd gainOverGreedyUsd mipGap
  projects { project { id jobs } netSavingUsd remainingCostUsd displacedVolume jobs items { item { id } displacedVolume netSavingUsd } }
  skipped { project { id } reason }
  differences { project { id } inOptimal explanation }
  assumptions { code nodeId } } }`;

describe('optimalPlan: the 60/50/50 case', () => {
  it('at $100 M funds B and C ($190 M a year) where the greedy order takes A and then nothing fits ($120 M)', async () => {
    const { optimalPlan: p } = await h.query(PLAN, { b: 100 * M });
    expect(p).toMatchObject({
      status: 'OPTIMAL',
      budgetUsd: 100 * M,
      netSavingUsd: close(190 * M),
      spentUsd: 100 * M,
      jobs: 200,
      greedyNetSavingUsd: close(120 * M),
      gainOverGreedyUsd: close(70 * M),
      mipGap: 0,
    });
    expect(p.projects).toEqual([
      { project: { id: 'project:b', jobs: 100 }, netSavingUsd: close(95 * M), remainingCostUsd: 50 * M, displacedVolume: close(95_000), jobs: 100, items: [{ item: { id: 'part:bc' }, displacedVolume: close(95_000), netSavingUsd: close(95 * M) }] },
      { project: { id: 'project:c', jobs: 100 }, netSavingUsd: close(95 * M), remainingCostUsd: 50 * M, displacedVolume: close(95_000), jobs: 100, items: [{ item: { id: 'part:bc' }, displacedVolume: close(95_000), netSavingUsd: close(95 * M) }] },
    ]);
    expect(p.skipped).toEqual([{ project: { id: 'project:a' }, reason: 'NOT_CHOSEN' }]);
    expect(p.differences).toEqual([
      { project: { id: 'project:a' }, inOptimal: false, explanation: 'skipped so that Bonab casting plant and Maragheh forging shop fit: +$70 M a year' },
      { project: { id: 'project:b' }, inOptimal: true, explanation: 'picked in place of Tabriz gearbox line: +$70 M a year' },
      { project: { id: 'project:c' }, inOptimal: true, explanation: 'picked in place of Tabriz gearbox line: +$70 M a year' },
    ]);
    // A has no capacity (it replaces all of a's imports); no part has a home recipe (said once per
    // project localizing it: B and C each take h = 0 for bc).
    expect(p.assumptions.map((a: any) => `${a.code} ${a.nodeId}`).sort()).toEqual(['NO_HOME_RECIPE part:a', 'NO_HOME_RECIPE part:bc', 'NO_HOME_RECIPE part:bc', 'NO_PROJECT_CAPACITY project:a']);
  });

  it('at $110 M takes A and B ($215 M): the greedy plan then agrees, and nothing differs', async () => {
    // A (60) + B (50) = 110 fits; A + B saves 120 + 95 = 215; B + C saves 190. Greedy: A (2 $/y per $), then B (1.9).
    const { optimalPlan: p } = await h.query(PLAN, { b: 110 * M });
    expect([p.status, p.netSavingUsd, p.greedyNetSavingUsd, p.gainOverGreedyUsd, p.projects.length, p.differences]).toEqual(['OPTIMAL', close(215 * M), close(215 * M), close(0), 2, []]);
    expect(p.projects[0].project.id).toBe('project:a');
  });

  it('with a jobs floor of 250 takes A alone (300 jobs): B and C together make only 200', async () => {
    const { optimalPlan: p } = await h.query(PLAN, { b: 100 * M, j: 250 });
    expect([p.status, p.netSavingUsd, p.spentUsd, p.jobs, p.gainOverGreedyUsd, p.projects.map((x: any) => x.project.id), p.differences]).toEqual(['OPTIMAL', close(120 * M), 60 * M, 300, close(0), ['project:a'], []]);
  });

  it('is INFEASIBLE, not an error, when no affordable set reaches the jobs floor (all three make 500 jobs for $160 M)', async () => {
    for (const [b, j] of [[100 * M, 1000], [100 * M, 450]]) {
      // 450 jobs needs A and one of B, C at least: $110 M, over $100 M.
      const { optimalPlan: p } = await h.query(PLAN, { b, j });
      expect([p.status, p.netSavingUsd, p.spentUsd, p.jobs, p.mipGap, p.projects, p.differences, p.greedyNetSavingUsd, p.gainOverGreedyUsd]).toEqual(['INFEASIBLE', 0, 0, 0, null, [], [], close(120 * M), 0]);
    }
  });

  it('refuses bad input with BAD_USER_INPUT naming the argument', async () => {
    const ask = (args: string) => h.gql(`{ optimalPlan(${args}) { status } }`);
    expect(errorOf(await ask('budgetUsd: -1'))).toEqual(['BAD_USER_INPUT', 'budgetUsd']);
    expect(errorOf(await ask('budgetUsd: 1e16'))).toEqual(['BAD_USER_INPUT', 'budgetUsd']);
    expect(errorOf(await ask('budgetUsd: 1e8, minJobs: -5'))).toEqual(['BAD_USER_INPUT', 'minJobs']);
    expect(errorOf(await ask('budgetUsd: 1e8, minProgress: 1.5'))).toEqual(['BAD_USER_INPUT', 'minProgress']);
    const r = await ask('budgetUsd: -1');
    expect(r.errors![0]!.message).toBe('budgetUsd must not be negative; got -1.');
  });
});

const SCHEDULE = `query($b: [Float!]!, $s: Int!, $h: Int, $r: Float, $j: Float) { localizationSchedule(budgetsUsd: $b, startYear: $s, horizonYears: $h, discountRate: $r, minJobs: $j) {
  status objectiveUsd mipGap
  years { year availableUsd spentUsd savingUsd jobs }
  projects { project { id } year netSavingUsd remainingCostUsd }
  skipped { project { id } reason } } }`;

describe('localizationSchedule', () => {
  it('with one year and no discount is optimalPlan: B and C in the first year, $190 M a year from the next', async () => {
    // horizonYears 2: a project funded in 2027 saves in 2028 only, so the objective is one year's saving.
    const { localizationSchedule: s } = await h.query(SCHEDULE, { b: [100 * M], s: 2027, h: 2 });
    const { optimalPlan: p } = await h.query(PLAN, { b: 100 * M });
    expect(s.status).toBe('OPTIMAL');
    expect(s.objectiveUsd).toBeCloseTo(p.netSavingUsd, 3);
    expect(s.projects.map((x: any) => [x.project.id, x.year])).toEqual(p.projects.map((x: any) => [x.project.id, 2027]));
    expect(s.years).toEqual([
      { year: 2027, availableUsd: 100 * M, spentUsd: 100 * M, savingUsd: 0, jobs: 200 },
      { year: 2028, availableUsd: 0, spentUsd: 0, savingUsd: close(190 * M), jobs: 0 },
    ]);
    expect(s.skipped).toEqual([{ project: { id: 'project:a' }, reason: 'NOT_CHOSEN' }]);
    // The default horizon of 10 years counts the saving in 2028..2036: nine years.
    const ten = await h.query(SCHEDULE, { b: [100 * M], s: 2027 });
    expect(ten.localizationSchedule.objectiveUsd).toBeCloseTo(9 * 190 * M, 1);
    expect(ten.localizationSchedule.years).toHaveLength(10);
  });

  it('spreads $50 M, $50 M, $60 M over three years: one 50 M project a year first, A last ($905 M over five years)', async () => {
    // Horizon 5 (2027..2031): funded in 2027 saves 4 years, 2028: 3, 2029: 2. A (60 M) cannot be
    // funded in 2027 (50 M given); with A in 2028 nothing else fits before 2029 (60 + 50 > 100).
    // B/C 2027, C/B 2028, A 2029: 95·4 + 95·3 + 120·2 = 905; every other order saves less
    // (A 2028, B and C 2029: 120·3 + 190·2 = 740; B 2027, A and C 2029: 380 + 430 = 810).
    const { localizationSchedule: s } = await h.query(SCHEDULE, { b: [50 * M, 50 * M, 60 * M], s: 2027, h: 5 });
    expect([s.status, s.objectiveUsd]).toEqual(['OPTIMAL', close(905 * M)]);
    expect(s.projects.map((x: any) => x.year)).toEqual([2027, 2028, 2029]);
    expect(s.projects[2].project.id).toBe('project:a');
    expect(s.projects.slice(0, 2).map((x: any) => x.project.id).sort()).toEqual(['project:b', 'project:c']);
    expect(s.years).toEqual([
      { year: 2027, availableUsd: 50 * M, spentUsd: 50 * M, savingUsd: 0, jobs: 100 },
      { year: 2028, availableUsd: 50 * M, spentUsd: 50 * M, savingUsd: close(95 * M), jobs: 100 },
      { year: 2029, availableUsd: 60 * M, spentUsd: 60 * M, savingUsd: close(190 * M), jobs: 300 },
      { year: 2030, availableUsd: 0, spentUsd: 0, savingUsd: close(310 * M), jobs: 0 },
      { year: 2031, availableUsd: 0, spentUsd: 0, savingUsd: close(310 * M), jobs: 0 },
    ]);
    // Never spends money before it is given: spending to date stays within the budgets to date.
    let given = 0;
    let spent = 0;
    for (const [i, y] of s.years.entries()) {
      given += [50, 50, 60][i] ?? 0;
      spent += y.spentUsd / M;
      expect(spent).toBeLessThanOrEqual(given + 1e-9);
    }
  });

  it('discounts each year’s saving by (1 + r)^−t to startYear', async () => {
    // r = 0.1: w(2027) = 1.1^-1 + … + 1.1^-4 = 3.169865, w(2028) = 2.260774, w(2029) = 1.434328.
    // The same order stays best: 95 × 3.169865 + 95 × 2.260774 + 120 × 1.434328 = 688.0300 ($ M).
    const { localizationSchedule: s } = await h.query(SCHEDULE, { b: [50 * M, 50 * M, 60 * M], s: 2027, h: 5, r: 0.1 });
    expect(s.objectiveUsd / M).toBeCloseTo(688.03, 2);
    expect(s.projects.map((x: any) => x.year)).toEqual([2027, 2028, 2029]);
  });

  it('carries unspent money over: $30 M, $30 M, $0 M funds one 50 M project in 2028', async () => {
    // 2027: 30 M, nothing costs that little; 2028: 60 M to date, B or C (50) or A (60). A in 2028
    // saves 120 × 3 = 360 over horizon 5 against 95 × 3 = 285: A.
    const { localizationSchedule: s } = await h.query(SCHEDULE, { b: [30 * M, 30 * M, 0], s: 2027, h: 5 });
    expect(s.projects.map((x: any) => [x.project.id, x.year])).toEqual([['project:a', 2028]]);
    expect(s.years.slice(0, 3).map((y: any) => [y.availableUsd / M, y.spentUsd / M])).toEqual([[30, 0], [60, 60], [0, 0]]);
    expect(s.objectiveUsd).toBeCloseTo(360 * M, 1);
  });

  it('is INFEASIBLE with a jobs floor no schedule reaches', async () => {
    const { localizationSchedule: s } = await h.query(SCHEDULE, { b: [50 * M, 50 * M], s: 2027, h: 5, j: 600 });
    expect([s.status, s.projects, s.objectiveUsd]).toEqual(['INFEASIBLE', [], 0]);
  });

  it('refuses bad input with BAD_USER_INPUT naming the argument', async () => {
    const ask = (args: string) => h.gql(`{ localizationSchedule(${args}) { status } }`);
    expect(errorOf(await ask('budgetsUsd: [], startYear: 2027'))).toEqual(['BAD_USER_INPUT', 'budgetsUsd']);
    expect(errorOf(await ask('budgetsUsd: [1e8, -1], startYear: 2027'))).toEqual(['BAD_USER_INPUT', 'budgetsUsd']);
    expect(errorOf(await ask('budgetsUsd: [1e8], startYear: 2027, horizonYears: 0'))).toEqual(['BAD_USER_INPUT', 'horizonYears']);
    expect(errorOf(await ask('budgetsUsd: [1e8, 1e8, 1e8], startYear: 2027, horizonYears: 2'))).toEqual(['BAD_USER_INPUT', 'horizonYears']);
    expect(errorOf(await ask('budgetsUsd: [1e8], startYear: 2027, discountRate: 1'))).toEqual(['BAD_USER_INPUT', 'discountRate']);
    expect(errorOf(await ask('budgetsUsd: [1e8], startYear: 2027, discountRate: -0.05'))).toEqual(['BAD_USER_INPUT', 'discountRate']);
    expect(errorOf(await ask('budgetsUsd: [1e8], startYear: 20270'))).toEqual(['BAD_USER_INPUT', 'startYear']);
    expect(errorOf(await ask('budgetsUsd: [1e8], startYear: 2027, minJobs: -1'))).toEqual(['BAD_USER_INPUT', 'minJobs']);
    const r = await ask('budgetsUsd: [], startYear: 2027');
    expect(r.errors![0]!.message).toMatch(/^budgetsUsd must give at least one yearly budget/);
  });
});

describe('the doors’ checks and the solver’s time', () => {
  it('refuses NaN, which JSON cannot carry but the CLI and CSV doors can', async () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e: any) {
        return [e.extensions.code, e.extensions.argument];
      }
      return null;
    };
    expect(code(() => checkBudgets([1e8, Number.NaN]))).toEqual(['BAD_USER_INPUT', 'budgetsUsd']);
    expect(code(() => checkMinJobs(Number.NaN))).toEqual(['BAD_USER_INPUT', 'minJobs']);
    const deps = serviceDeps({ store: h.db.store, executor: h.db.executor, limits: h.config.limits, snapshots: snapshotCacheFor(h.db.executor) });
    await expect(optimalPlanReport(deps, { budgetUsd: Number.NaN })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'budgetUsd' } });
    await expect(localizationScheduleReport(deps, { budgetsUsd: [1e8], startYear: 2027, discountRate: Number.NaN })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'discountRate' } });
    await expect(localizationScheduleReport(deps, { budgetsUsd: [1e8], startYear: 2027, horizonYears: Number.NaN })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'horizonYears' } });
  });

  it('gives HiGHS 80 % of what the request has left after a 1 s margin, at most 60 s; the CLI (no budget) 30 s', () => {
    const left = (ms: number) => ({ check() {}, remainingMs: () => ms });
    expect(solveSeconds({ budget: left(30_000) } as never)).toBeCloseTo(23.2, 9); // (30 − 1) × 0.8
    expect(solveSeconds({ budget: left(200_000) } as never)).toBe(60);
    expect(solveSeconds({ budget: left(1_050) } as never)).toBe(0.1);
    expect(solveSeconds({} as never)).toBe(30);
    expect(() => solveSeconds({ budget: { check: () => { throw new Error('out of time'); }, remainingMs: () => 0 } } as never)).toThrow('out of time');
  });
});

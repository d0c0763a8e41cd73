// The best plan and the schedule through their other doors: `zanjir report optimal-plan|schedule`
// as a real process, and /report/optimal-plan.csv and /report/schedule.csv over HTTP, on the
// issue's 60/50/50 case (worked by hand in test/optimal-plan.test.ts: at $100 M the best plan is
// B + C, $190 M a year, where the greedy order takes A, $120 M).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zanjir } from './helpers/cli.js';
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
        node('project:a', 'Project', { name: 'Project A', owner: 'OA', status: 'ACTIVE', budget: 60e6, progress: 0, jobs: 300 }),
        node('project:b', 'Project', { name: 'Project B', owner: 'OB', status: 'ACTIVE', budget: 50e6, progress: 0, jobs: 100 }),
        node('project:c', 'Project', { name: 'Project C', owner: 'OC', status: 'ACTIVE', budget: 50e6, progress: 0, jobs: 100 }),
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

/** The HTTP report's bytes, BOM included (fetch's text() would drop it). */
const httpCsv = async (path: string) => {
  const res = await fetch(`${h.server.url}${path}`);
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()).toString('utf8') };
};
/** Rows of a CSV without quoted commas (these reports' names have none), BOM and header dropped. */
const rowsOf = (csv: string) => csv.replace(/^\uFEFF/, '').trim().split(/\r\n/).slice(1).map((l) => l.split(','));

describe('zanjir report optimal-plan', () => {
  it('prints the best plan beside the greedy one and why they differ', async () => {
    const run = await zanjir(['report', 'optimal-plan', '--budget', '1e8']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Best plan for $100,000,000: OPTIMAL, 2 projects, $100,000,000 spent, saving $190,000,000 a year, 200 jobs');
    expect(run.stdout).toContain('The greedy plan saves $120,000,000 a year: the best plan gains $70,000,000');
    expect(run.stdout).toMatch(/Project B\s+project:b\s+95,000,000\s+50,000,000\s+100/);
    expect(run.stdout).toContain('Project A (project:a): skipped so that Project B and Project C fit: +$70 M a year');
    expect(run.stdout).toMatch(/Project A\s+project:a\s+NOT_CHOSEN/);
    const json = JSON.parse((await zanjir(['report', 'optimal-plan', '--budget', '1e8', '--min-jobs', '250', '--json'])).stdout);
    expect([json.status, json.netSavingUsd, json.projects.map((p: any) => p.project.id)]).toEqual(['OPTIMAL', 120e6, ['project:a']]);
  });

  it('says INFEASIBLE for a jobs floor nothing affordable reaches, and refuses bad input', async () => {
    const run = await zanjir(['report', 'optimal-plan', '--budget', '1e8', '--min-jobs', '1000']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Best plan for $100,000,000: INFEASIBLE, 0 projects');
    const negative = await zanjir(['report', 'optimal-plan', '--budget', '-1']);
    expect([negative.code, negative.stderr]).toEqual([1, expect.stringContaining('budgetUsd must not be negative; got -1.')]);
    const missing = await zanjir(['report', 'optimal-plan']);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('zanjir report optimal-plan needs --budget USD')]);
  });

  it('writes the same CSV as /report/optimal-plan.csv', async () => {
    const run = await zanjir(['report', 'optimal-plan', '--budget', '1e8', '--csv']);
    expect(run.code, run.stderr).toBe(0);
    const http = await httpCsv('/report/optimal-plan.csv?budget=1e8');
    expect(http.status).toBe(200);
    expect(run.stdout).toBe(http.body);
    expect(http.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('status,project_id,name,name_fa,picked,reason,net_saving_usd,remaining_cost_usd,displaced_volume,jobs,differs_from_greedy,assumptions');
    expect(rowsOf(http.body).map((r) => [r[1], r[4], r[5], r[6], r[9]])).toEqual([
      ['project:b', 'true', '', '95000000', '100'],
      ['project:c', 'true', '', '95000000', '100'],
      ['project:a', 'false', 'NOT_CHOSEN', '', '300'],
    ]);
    expect(rowsOf(http.body).every((r) => r[0] === 'OPTIMAL')).toBe(true);
  });
});

describe('zanjir report schedule', () => {
  it('funds one 50 M project a year, then A, over $50 M, $50 M and $60 M ($905 M over five years)', async () => {
    // 95 × 4 + 95 × 3 + 120 × 2 = 905 ($ M), as worked in test/optimal-plan.test.ts.
    const run = await zanjir(['report', 'schedule', '--budgets', '5e7,5e7,6e7', '--start', '2027', '--horizon', '5']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Schedule from 2027 over 5 years: OPTIMAL, 3 projects, saving $905,000,000 over the horizon (discounted to 2027)');
    expect(run.stdout).toMatch(/2029\s+60,000,000\s+60,000,000\s+190,000,000\s+300/);
    expect(run.stdout).toMatch(/2029\s+Project A\s+project:a\s+120,000,000\s+60,000,000/);
  });

  it('runs the issue’s example: $100 M a year for three years from 2027 funds B and C in 2027 and A in 2028', async () => {
    // 100 M in 2027 funds B and C (A + one of them would be 110 M); the other 100 M in 2028 funds A:
    // 190 × 9 + 120 × 8 = 2,670 ($ M) over ten years. Funding A in 2027 instead: 120 × 9 + 190 × 8 = 2,600.
    const run = await zanjir(['report', 'schedule', '--budgets', '1e8,1e8,1e8', '--start', '2027', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const s = JSON.parse(run.stdout);
    expect([s.status, s.objectiveUsd]).toEqual(['OPTIMAL', expect.closeTo(2670e6, 0)]);
    expect(s.projects.map((p: any) => [p.project.id, p.year])).toEqual([['project:b', 2027], ['project:c', 2027], ['project:a', 2028]]);
  });

  it('writes the same CSV as /report/schedule.csv, projects or years, and refuses bad input naming it', async () => {
    const run = await zanjir(['report', 'schedule', '--budgets', '5e7,5e7,6e7', '--start', '2027', '--horizon', '5', '--csv', '--years']);
    expect(run.code, run.stderr).toBe(0);
    const years = await httpCsv('/report/schedule.csv?budgets=5e7,5e7,6e7&startYear=2027&horizonYears=5&table=years');
    expect(run.stdout).toBe(years.body);
    expect(rowsOf(years.body).map((r) => r.slice(1).map(Number))).toEqual([
      [2027, 50e6, 50e6, 0, 100],
      [2028, 50e6, 50e6, 95e6, 100],
      [2029, 60e6, 60e6, 190e6, 300],
      [2030, 0, 0, 310e6, 0],
      [2031, 0, 0, 310e6, 0],
    ]);
    const projects = await httpCsv('/report/schedule.csv?budgets=5e7,5e7,6e7&startYear=2027&horizonYears=5');
    expect(rowsOf(projects.body).map((r) => [r[1], r[2]])).toEqual([['2027', expect.stringMatching(/^project:[bc]$/)], ['2028', expect.stringMatching(/^project:[bc]$/)], ['2029', 'project:a']]);
    const bad = async (query: string) => {
      const r = await httpCsv(`/report/schedule.csv?${query}`);
      return [r.status, JSON.parse(r.body).error];
    };
    expect(await bad('budgets=1e8,x&startYear=2027')).toEqual([400, expect.stringContaining('budgets must be numbers')]);
    expect(await bad('budgets=1e8&startYear=2027&discountRate=1')).toEqual([400, expect.stringContaining('discountRate must be at least 0 and below 1')]);
    expect(await bad('budgets=1e8&startYear=2027&horizonYears=0')).toEqual([400, expect.stringContaining('horizonYears must be a whole number')]);
    expect(await bad('budgets=1e8')).toEqual([400, expect.stringContaining('needs startYear')]);
    const cli = await zanjir(['report', 'schedule', '--budgets', '1e8', '--start', '2027', '--discount-rate', '1.5']);
    expect([cli.code, cli.stderr]).toEqual([1, expect.stringContaining('discountRate must be at least 0 and below 1')]);
  });
});

// `zanjir report bills|impact|plan` as a person runs them: a real process on the test database,
// the same service as GraphQL, and clear refusals of bad input.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, edge, fixture, node } from './helpers/fixtures.js';
import { zanjir } from './helpers/cli.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.load(fixture('worked-example.json'));
  await h.load(
    doc(
      [
        node('project:s', 'Project', { name: 'Steel plant S', owner: 'A', status: 'ACTIVE', budget: 200_000, progress: 0.5 }),
        node('project:s2', 'Project', { name: 'Steel plant S2', owner: 'B', status: 'ACTIVE', budget: 150_000, progress: 0.2 }),
        node('project:e', 'Project', { name: 'Electrode plant E', owner: 'C', status: 'PLANNED', budget: 1_000_000, progress: 0.6 }),
      ],
      [
        edge('LOCALIZES', 'project:s', 'product:steel', { capacityTpy: 150 }),
        edge('LOCALIZES', 'project:s2', 'product:steel', { capacityTpy: 80 }),
        edge('LOCALIZES', 'project:e', 'part:electrode', { inputImportShare: 0.3 }),
      ],
    ),
  );
});
afterAll(async () => {
  await h.close();
});

describe('zanjir report bills', () => {
  it('prints the import bills largest first, and as JSON', async () => {
    const run = await zanjir(['report', 'bills']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^item\s+id\s+import volume\s+unit value \$\s+import bill \$\/y\s+from$/);
    expect(lines[2]).toMatch(/^Steel\s+product:steel\s+100\s+500\s+50,000\s+TR$/);
    expect(lines[3]).toMatch(/^Graphite electrode\s+part:electrode\s+2\s+5,000\s+10,000\s+CN$/);
    const json = JSON.parse((await zanjir(['report', 'bills', '--stage', 'semi_finished', '--json'])).stdout);
    expect(json.map((b: any) => [b.item.id, b.importBillUsd])).toEqual([['product:steel', 50_000]]);
  });

  it('refuses an unknown stage and a bad count', async () => {
    const stage = await zanjir(['report', 'bills', '--stage', 'LIQUID']);
    expect(stage.code).toBe(1);
    expect(stage.stderr).toContain('stage must be one of ORE, CONCENTRATE');
    const first = await zanjir(['report', 'bills', '--first', '0']);
    expect(first.stderr).toContain('first must be a whole number from 1 to 1000; got 0.');
  });
});

describe('zanjir report plan', () => {
  it('prints the plan, what it leaves out and why, and the import content after it', async () => {
    const run = await zanjir(['report', 'plan', '--budget', '2.5e5', '--content', 'product:steel']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Plan for $250,000: 1 of 3 candidate projects, $100,000 spent, saving $45,000 a year');
    expect(run.stdout).toMatch(/1\s+Steel plant S\s+45,000\s+100,000\s+0\.45\s+100,000\s+45,000/);
    expect(run.stdout).toMatch(/Electrode plant E\s+OVER_BUDGET\s+7,000\s+400,000/);
    expect(run.stdout).toMatch(/Steel plant S2\s+REDUNDANT\s+36,000\s+120,000/);
    expect(run.stdout).toMatch(/Steel\s+28\.0%\s+10\.0%\s+72\.0%\s+90\.0%/);
  });

  it('asks only about projects past a progress mark, as JSON', async () => {
    const json = JSON.parse((await zanjir(['report', 'plan', '--budget', '1e9', '--min-progress', '0.55', '--json'])).stdout);
    expect(json.steps.map((s: any) => s.project.id)).toEqual(['project:e']);
    expect(json.totalSavingUsd).toBeCloseTo(7_000, 6);
  });

  it('refuses a missing or negative budget, a progress outside 0..1 and an unknown status (the rest as GraphQL: test/currency.test.ts)', async () => {
    const missing = await zanjir(['report', 'plan']);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('zanjir report plan needs --budget USD')]);
    expect((await zanjir(['report', 'plan', '--budget', '-5'])).stderr).toContain('budgetUsd must not be negative; got -5.');
    expect((await zanjir(['report', 'plan', '--budget', '1', '--min-progress', '75'])).stderr).toContain('minProgress must be between 0 and 1');
    expect((await zanjir(['report', 'plan', '--budget', '1', '--statuses', 'ACTIVE,FINISHED'])).stderr).toContain('statuses must be among PLANNED, ACTIVE, STALLED, DONE; got FINISHED.');
  });
});

describe('zanjir report impact', () => {
  it('prints what a project saves, and refuses what is not a project', async () => {
    const run = await zanjir(['report', 'impact', 'project:s']);
    expect(run.stdout).toContain('net saving $45,000/y (gross $50,000, induced imports $5,000); remaining cost $100,000; payback 2.2 years');
    const unknown = await zanjir(['report', 'impact', 'project:nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toMatch(/^zanjir: No node with id "project:nope"\./);
    expect((await zanjir(['report', 'impact'])).stderr).toContain('zanjir report impact needs a project id or name');
  });
});

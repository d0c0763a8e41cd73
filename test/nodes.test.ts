// node, nodes and search through GraphQL: typed fields per kind, neighbour links, Relay pages
// with filters, and Persian-aware search.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Executor } from '../src/db/executor.js';
import { doc, edge, fixture, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.load(fixture('worked-example.json'));
  await h.load(
    doc([
      node('supplier:small', 'Supplier', { name: 'Small industries cooperative', nameFa: 'تعاونی صنایع کوچک', province: 'East Azerbaijan' }),
      node('supplier:kb', 'Supplier', { name: 'Tabriz knowledge-based firm', nameFa: 'شرکت‌های دانش‌بنیان تبریز', knowledgeBased: true, province: 'East Azerbaijan' }),
      node('mine:sungun', 'Mine', { name: 'Sungun copper mine', nameFa: 'معدن مس سونگون', aliases: ['Sungun', 'سونگون'], province: 'East Azerbaijan', capacityTpy: 1000 }),
      node('source:a', 'Source', { title: 'An article', lang: 'fa' }),
    ], [edge('CITES', 'mine:sungun', 'source:a', { quote: 'phase 3' })]),
  );
});
afterAll(async () => {
  await h.close();
});

describe('node', () => {
  it('returns the kind’s own fields and its neighbours with edge properties', async () => {
    const data = await h.query(`{
      node(id: "plant:steel") {
        id kind name nameFa aliases estimate
        ... on Plant {
          country
          inputs { edge { type quantityPerUnit valueShare } node { id kind } }
          outputs { edge { type share capacityTpy } node { id ... on Product { unitValueUsd stage } } }
        }
      }
    }`);
    expect(data.node).toMatchObject({ id: 'plant:steel', kind: 'PLANT', name: 'Steel plant', nameFa: 'کارخانه فولاد', aliases: [], estimate: false, country: 'IR' });
    const inputs = Object.fromEntries(data.node.inputs.map((l: any) => [l.node.id, l.edge]));
    expect(inputs).toEqual({
      'product:pellet': { type: 'FEEDS', quantityPerUnit: 1.4, valueShare: 0.5 },
      'part:electrode': { type: 'FEEDS', quantityPerUnit: 0.01, valueShare: null },
    });
    expect(data.node.outputs).toEqual([{ edge: { type: 'PRODUCES', share: 0.8, capacityTpy: 400 }, node: { id: 'product:steel', unitValueUsd: 500, stage: 'SEMI_FINISHED' } }]);
  });

  it('says where each supply comes from and whether it is foreign', async () => {
    const data = await h.query(`{ node(id: "product:steel") { ... on Product { suppliers { node { id } origin foreign } consumers { foreign } } } }`);
    expect(data.node.suppliers).toEqual([
      { node: { id: 'plant:steel' }, origin: 'IR', foreign: false },
      { node: { id: 'supplier:tr-steel' }, origin: 'TR', foreign: true },
    ]);
    // Not a supply edge: neither origin nor foreign applies.
    expect(data.node.consumers).toEqual([]);
    const plant = await h.query(`{ node(id: "plant:steel") { ... on Plant { outputs { origin foreign } inputs { foreign } } } }`);
    expect(plant.node.outputs).toEqual([{ origin: 'IR', foreign: false }]);
    expect(plant.node.inputs).toEqual([{ foreign: null }, { foreign: null }]);
  });

  it('gives each item its direct import share and each source edge its weight, as DOMAIN.md defines them', async () => {
    // By hand: steel's sources carry shares 0.8 (home plant) and 0.2 (Turkish importer): m = 0.2.
    // The electrode's only source is Chinese: m = 1. Pellet and ore come from home sites: m = 0.
    const data = await h.query(`{
      steel: node(id: "product:steel") { ... on Product { directImportShare suppliers { node { id } weight foreign } } }
      electrode: node(id: "part:electrode") { ... on Part { directImportShare suppliers { weight } } }
      pellet: node(id: "product:pellet") { ... on Product { directImportShare consumers { weight } } }
      ore: node(id: "product:ore") { ... on Product { directImportShare } }
    }`);
    expect(data.steel.directImportShare).toBeCloseTo(0.2, 12);
    expect(data.steel.suppliers).toEqual([
      { node: { id: 'plant:steel' }, weight: expect.closeTo(0.8, 12), foreign: false },
      { node: { id: 'supplier:tr-steel' }, weight: expect.closeTo(0.2, 12), foreign: true },
    ]);
    expect(data.electrode).toEqual({ directImportShare: 1, suppliers: [{ weight: 1 }] });
    // FEEDS is not a supply edge: no weight.
    expect(data.pellet).toEqual({ directImportShare: 0, consumers: [{ weight: null }] });
    expect(data.ore.directImportShare).toBe(0);
  });

  it('walks item neighbours both ways', async () => {
    const data = await h.query(`{
      electrode: node(id: "part:electrode") { ... on Part { suppliers { node { id ... on Supplier { country } } } consumers { node { id } } } }
      cited: node(id: "mine:sungun") { sources { id title } citations { edge { quote } } }
    }`);
    expect(data.electrode).toEqual({ suppliers: [{ node: { id: 'supplier:cn-electrodes', country: 'CN' } }], consumers: [{ node: { id: 'plant:steel' } }] });
    expect(data.cited).toEqual({ sources: [{ id: 'source:a', title: 'An article' }], citations: [{ edge: { quote: 'phase 3' } }] });
  });

  it('batches neighbour lookups: the number of database round trips does not grow with the graph', async () => {
    const query = `{ nodes(kind: PRODUCT, first: 50) { edges { node { id ... on Product {
      suppliers { node { id ... on Plant { inputs { node { id ... on Product { suppliers { node { id } } } ... on Part { suppliers { node { id } } } } } } } }
    } } } } }`;
    const reads = vi.spyOn(Executor.prototype, 'read');
    await h.query(query);
    const calls = reads.mock.calls.map((c) => c[0]);
    reads.mockRestore();
    // One page + one count, plus the home-country lookup and the graph's version: the links come
    // from the engine's adjacency, and with only ids asked for no record is read below the page.
    expect(calls.filter((name) => name === 'node/links-in' || name === 'node/by-ids')).toEqual([]);
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it('batches direct import shares and weights too', async () => {
    const query = `{ nodes(kind: PRODUCT, first: 50) { edges { node { id ... on Product { directImportShare suppliers { weight node { id } } } } } } }`;
    const reads = vi.spyOn(Executor.prototype, 'read');
    await h.query(query);
    const calls = reads.mock.calls.map((c) => c[0]);
    reads.mockRestore();
    // Page, count, home country, then suppliers, components and nodes once each, however many products.
    expect(calls.filter((name) => name === 'node/links-in').length).toBeLessThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(7);
  });
});

describe('nodes', () => {
  const PAGE = `query ($kind: NodeKind, $filter: NodeFilter, $order: NodeOrder, $first: Int, $after: String) {
    nodes(kind: $kind, filter: $filter, orderBy: $order, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } }
    }
  }`;

  it('pages through every node exactly once with cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 10; i += 1) {
      const { nodes }: { nodes: any } = await h.query(PAGE, { first: 4, after });
      total = nodes.totalCount;
      seen.push(...nodes.edges.map((e: any) => e.node.id));
      if (!nodes.pageInfo.hasNextPage) break;
      after = nodes.pageInfo.endCursor;
    }
    // 9 nodes from the worked example + 4 added here.
    expect(total).toBe(13);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
  });

  it('orders by name either way and filters by kind, country and province', async () => {
    const asc = await h.query(PAGE, { kind: 'SUPPLIER', order: { field: 'NAME', direction: 'ASC' } });
    expect(asc.nodes.edges.map((e: any) => e.node.name)).toEqual(['Chinese electrode maker', 'Small industries cooperative', 'Tabriz knowledge-based firm', 'Turkish steel importer']);
    const desc = await h.query(PAGE, { kind: 'SUPPLIER', order: { field: 'NAME', direction: 'DESC' }, first: 2 });
    expect(desc.nodes.edges.map((e: any) => e.node.name)).toEqual(['Turkish steel importer', 'Tabriz knowledge-based firm']);
    const next = await h.query(PAGE, { kind: 'SUPPLIER', order: { field: 'NAME', direction: 'DESC' }, first: 2, after: desc.nodes.pageInfo.endCursor });
    expect(next.nodes.edges.map((e: any) => e.node.name)).toEqual(['Small industries cooperative', 'Chinese electrode maker']);
    const foreign = await h.query(PAGE, { kind: 'SUPPLIER', filter: { country: 'CN' } });
    expect(foreign.nodes.edges.map((e: any) => e.node.id)).toEqual(['supplier:cn-electrodes']);
    // Nodes without a country are in the home country.
    const home = await h.query(PAGE, { kind: 'SUPPLIER', filter: { country: 'IR' } });
    expect(home.nodes.totalCount).toBe(2);
    const tabriz = await h.query(PAGE, { filter: { province: 'East Azerbaijan' } });
    expect(tabriz.nodes.totalCount).toBe(3);
  });

  it('refuses a cursor from another ordering', async () => {
    const first = await h.query(PAGE, { first: 1 });
    const res = await h.gql(PAGE, { first: 1, after: first.nodes.pageInfo.endCursor, order: { field: 'ID', direction: 'ASC' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('search', () => {
  const SEARCH = `query ($t: String!, $k: NodeKind) { search(text: $t, kind: $k) { score node { id } } }`;
  const ids = async (t: string, k?: string) => (await h.query(SEARCH, { t, k })).search.map((x: any) => x.node.id);

  it('finds Persian names typed with Arabic yeh and kaf', async () => {
    expect(await ids('صنايع كوچك')).toContain('supplier:small');
  });

  it('finds names with and without the zero-width non-joiner', async () => {
    expect(await ids('شرکتهای دانش بنیان')).toContain('supplier:kb');
    expect(await ids('شرکت‌های')).toContain('supplier:kb');
  });

  it('finds English names, aliases and fragments, the whole-name match first', async () => {
    expect((await ids('steel'))[0]).toBe('product:steel');
    expect(await ids('سونگون')).toEqual(['mine:sungun']);
    expect(await ids('electro')).toEqual(expect.arrayContaining(['part:electrode', 'supplier:cn-electrodes']));
  });

  it('narrows by kind, and finds nothing for unrelated words', async () => {
    expect(await ids('steel', 'SUPPLIER')).toEqual(['supplier:tr-steel']);
    expect(await ids('zirconium')).toEqual([]);
  });

  it('refuses empty text', async () => {
    const res = await h.gql(SEARCH, { t: '   ' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

// Last: it adds nodes, which the counts above do not expect.
describe('directImportShare without sources', () => {
  it('tells an item assembled at home (m = 0) from one with nothing modelled (null)', async () => {
    await h.load(doc(
      [node('product:kit', 'Product', { name: 'Kit', nameFa: 'کیت' }), node('part:bolt', 'Part', { name: 'Bolt', nameFa: 'پیچ' })],
      [edge('COMPONENT_OF', 'part:bolt', 'product:kit', { quantity: 4 })],
    ));
    const data = await h.query(`{ kit: node(id: "product:kit") { ... on Product { directImportShare } } bolt: node(id: "part:bolt") { ... on Part { directImportShare } } }`);
    expect(data).toEqual({ kit: { directImportShare: 0 }, bolt: { directImportShare: null } });
  });
});

// The neighbour fields answered from the analytics engine's adjacency give what the database
// gives: for every link field of every node of the seed graph (and a few hand-made edge cases),
// the same links with the same edge properties and nodes in the same order as a Cypher read
// written here, before and after edits. And the three-tier dashboard query costs one version
// read and one record read beside the root's, whatever its depth.

import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { Executor } from '../src/db/executor.js';
import { seedIfEmpty } from '../src/io/seed.js';
import { doc, edge, node } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
let driver: Driver;

/** Each node type's link fields, with the direction and types DOMAIN.md and the schema give them (written out here, not read from src/). */
const FIELDS: Record<string, Record<string, { dir: 'in' | 'out'; types: string[] }>> = (() => {
  const common = {
    citations: { dir: 'out' as const, types: ['CITES'] },
    mentionedIn: { dir: 'in' as const, types: ['MENTIONS'] },
    members: { dir: 'in' as const, types: ['MEMBER_OF'] },
    memberOf: { dir: 'out' as const, types: ['MEMBER_OF'] },
  };
  const item = {
    ...common,
    suppliers: { dir: 'in' as const, types: ['EXTRACTS', 'PRODUCES', 'SUPPLIES'] },
    consumers: { dir: 'out' as const, types: ['FEEDS'] },
    components: { dir: 'in' as const, types: ['COMPONENT_OF'] },
    usedIn: { dir: 'out' as const, types: ['COMPONENT_OF'] },
    localizedBy: { dir: 'in' as const, types: ['LOCALIZES'] },
  };
  const site = { ...common, operatedBy: { dir: 'in' as const, types: ['OPERATES'] }, ownedBy: { dir: 'in' as const, types: ['OWNS'] } };
  return {
    Product: item,
    Part: item,
    Plant: { ...site, inputs: { dir: 'in', types: ['FEEDS'] }, outputs: { dir: 'out', types: ['PRODUCES'] } },
    Mine: { ...site, outputs: { dir: 'out', types: ['EXTRACTS'] } },
    Supplier: { ...common, supplies: { dir: 'out', types: ['SUPPLIES'] }, organization: { dir: 'out', types: ['IS'] } },
    Project: { ...common, localizes: { dir: 'out', types: ['LOCALIZES'] }, runBy: { dir: 'in', types: ['RUNS'] } },
    Organization: {
      ...common,
      operates: { dir: 'out', types: ['OPERATES'] },
      owns: { dir: 'out', types: ['OWNS'] },
      ownedBy: { dir: 'in', types: ['OWNS'] },
      supplierIdentities: { dir: 'in', types: ['IS'] },
      runs: { dir: 'out', types: ['RUNS'] },
    },
    Source: { ...common, mentions: { dir: 'out', types: ['MENTIONS'] }, citedBy: { dir: 'in', types: ['CITES'] } },
  };
})();

const EDGE_FIELDS = 'type from to share asOf capacityTpy inputImportShare volumePerYear originCountry quantityPerUnit quantity valueShare output quote estimate note sources';

interface Answer {
  edge: Record<string, unknown>;
  node: { id: string; kind: string; name: string; nameFa: string };
}

/** Every link field of every kind, with every edge property and the other end's record fields. */
const LINKS_QUERY = `query ($ids: [ID!]!) { nodesByIds(ids: $ids) { id __typename ${Object.entries(FIELDS)
  .map(([type, fields]) => `... on ${type} { ${Object.keys(fields).map((f) => `${f} { edge { ${EDGE_FIELDS} } node { id kind name nameFa } }`).join(' ')} }`)
  .join(' ')} } }`;

async function cypher(text: string, params: Record<string, unknown> = {}) {
  const session = driver.session();
  try {
    return (await session.run(text, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

const plain = (v: unknown): unknown => (neo4j.isInt(v) ? (v as { toNumber(): number }).toNumber() : Array.isArray(v) ? v.map(plain) : v);

/** The database's answer for every node and field, read with Cypher here. */
async function fromDatabase(): Promise<Map<string, Record<string, Answer[]>>> {
  const nodes = await cypher('MATCH (n:Entity) RETURN n.id AS id, [l IN labels(n) WHERE l <> "Entity"][0] AS kind ORDER BY id');
  const out = new Map<string, Record<string, Answer[]>>();
  for (const n of nodes) out.set(n.id, {});
  for (const [kind, fields] of Object.entries(FIELDS)) {
    const ids = nodes.filter((n) => n.kind === kind).map((n) => n.id);
    for (const [field, { dir, types }] of Object.entries(fields)) {
      const pattern = dir === 'in' ? `(n)<-[r:${types.join('|')}]-(m:Entity)` : `(n)-[r:${types.join('|')}]->(m:Entity)`;
      const rows = await cypher(
        `UNWIND $ids AS id MATCH (n:Entity {id: id}) MATCH ${pattern}
         RETURN id, type(r) AS type, properties(r) AS props, m.id AS mid, [l IN labels(m) WHERE l <> "Entity"][0] AS mkind, m.name AS name, m.nameFa AS nameFa
         ORDER BY id, type, m.name, m.id`,
        { ids },
      );
      for (const id of ids) out.get(id)![field] = [];
      for (const r of rows) {
        const edgeProps: Record<string, unknown> = { type: r.type, from: dir === 'in' ? r.mid : r.id, to: dir === 'in' ? r.id : r.mid };
        for (const [k, v] of Object.entries(r.props as Record<string, unknown>)) if (!k.startsWith('_') && v !== null) edgeProps[k] = plain(v);
        out.get(r.id)![field]!.push({ edge: edgeProps, node: { id: r.mid, kind: String(r.mkind).toUpperCase(), name: r.name, nameFa: r.nameFa } });
      }
    }
  }
  return out;
}

/** Zanjir's answer over GraphQL, nulls dropped (the database has no property there). */
async function fromGraphQL(ids: string[]): Promise<Map<string, Record<string, Answer[]>>> {
  const out = new Map<string, Record<string, Answer[]>>();
  for (let i = 0; i < ids.length; i += 400) {
    const data = await h.query(LINKS_QUERY, { ids: ids.slice(i, i + 400) });
    for (const n of data.nodesByIds as Record<string, unknown>[]) {
      const fields: Record<string, Answer[]> = {};
      for (const field of Object.keys(FIELDS[n.__typename as string]!)) {
        fields[field] = (n[field] as Answer[]).map((l) => ({ edge: Object.fromEntries(Object.entries(l.edge).filter(([, v]) => v !== null)), node: l.node }));
      }
      out.set(n.id as string, fields);
    }
  }
  return out;
}

/** Links between the same two nodes of one type have no order in the database either: sort only within such runs. */
function canonical(list: Answer[]): Answer[] {
  const out: Answer[] = [];
  for (let i = 0; i < list.length; ) {
    let j = i + 1;
    while (j < list.length && list[j]!.edge.type === list[i]!.edge.type && list[j]!.node.id === list[i]!.node.id) j += 1;
    const key = (a: Answer) => JSON.stringify(Object.entries(a.edge).sort(([x], [y]) => (x < y ? -1 : 1)));
    out.push(...list.slice(i, j).sort((a, b) => (key(a) < key(b) ? -1 : 1)));
    i = j;
  }
  return out;
}

async function expectSameAsDatabase(): Promise<number> {
  const expected = await fromDatabase();
  const actual = await fromGraphQL([...expected.keys()]);
  let links = 0;
  for (const [id, fields] of expected) {
    for (const [field, list] of Object.entries(fields)) {
      expect(canonical(actual.get(id)![field]!), `${id}.${field}`).toEqual(canonical(list));
      links += list.length;
    }
  }
  return links;
}

beforeAll(async () => {
  h = await startHarness();
  driver = neo4j.driver(inject('boltUri'), neo4j.auth.basic('neo4j', inject('boltPassword')));
  await seedIfEmpty(h.db, 'default');
  // Orders the database's way that a naive sort would get wrong: a name beyond U+FFFF against a
  // full-width letter, names equal but for case and marks, a Persian name; and FEEDS twice between
  // one pair (one per output), edge properties rarely set (estimate, note, sources, asOf).
  await h.load(
    doc(
      [
        node('product:edge-case', 'Product', { name: 'Edge case', stage: 'INTERMEDIATE' }),
        node('product:edge-out-a', 'Product', { name: 'Output A' }),
        node('product:edge-out-b', 'Product', { name: 'Output B' }),
        node('supplier:astral', 'Supplier', { name: '\u{1D400} astral supplier', country: 'CN' }),
        node('supplier:fullwidth', 'Supplier', { name: '\uFF21 full-width supplier' }),
        node('supplier:lower', 'Supplier', { name: 'a lower-case supplier' }),
        node('supplier:upper', 'Supplier', { name: 'A upper-case supplier' }),
        node('supplier:accent', 'Supplier', { name: 'Á accented supplier' }),
        node('supplier:persian', 'Supplier', { name: 'تأمین‌کننده' }),
        node('plant:edge', 'Plant', { name: 'Edge plant' }),
        node('source:edge', 'Source', { title: 'A note on edges', lang: 'en' }),
      ],
      [
        edge('SUPPLIES', 'supplier:astral', 'product:edge-case', { volumePerYear: 5, originCountry: 'TR', estimate: true, note: 'rough', sources: ['source:edge'] }),
        edge('SUPPLIES', 'supplier:fullwidth', 'product:edge-case', { volumePerYear: 6, asOf: '2023-05' }),
        edge('SUPPLIES', 'supplier:lower', 'product:edge-case', { share: 0.1 }),
        edge('SUPPLIES', 'supplier:upper', 'product:edge-case', { share: 0.2 }),
        edge('SUPPLIES', 'supplier:accent', 'product:edge-case', {}),
        edge('SUPPLIES', 'supplier:persian', 'product:edge-case', { estimate: false }),
        edge('PRODUCES', 'plant:edge', 'product:edge-out-a', { capacityTpy: 100 }),
        edge('PRODUCES', 'plant:edge', 'product:edge-out-b', { capacityTpy: 200 }),
        edge('FEEDS', 'product:edge-case', 'plant:edge', { quantityPerUnit: 1.5, output: 'product:edge-out-a' }),
        edge('FEEDS', 'product:edge-case', 'plant:edge', { quantityPerUnit: 2.5, output: 'product:edge-out-b', valueShare: 0.4 }),
        edge('CITES', 'product:edge-case', 'source:edge', { quote: 'the words' }),
      ],
    ),
  );
}, 300_000);

afterAll(async () => {
  await driver?.close();
  await h?.close();
});

describe('link fields from the engine', () => {
  it('answer every link field of every node of the seed graph as the database does, order included', async () => {
    const links = await expectSameAsDatabase();
    // The seed is not empty of links, or the comparison would prove nothing.
    expect(links).toBeGreaterThan(1_000);
  }, 180_000); // about 400 nodes times 30 link fields, on a shared machine

  it('order names as Neo4j does: by code point, case and accents as they are', async () => {
    const data = await h.query(`{ node(id: "product:edge-case") { ... on Product { suppliers { node { id } } } } }`);
    // Worked by hand: code points A (U+41) < a (U+61) < Á (U+C1) < ت (U+62A) < Ａ (U+FF21) < 𝐀 (U+1D400).
    expect(data.node.suppliers.map((l: any) => l.node.id)).toEqual(['supplier:upper', 'supplier:lower', 'supplier:accent', 'supplier:persian', 'supplier:fullwidth', 'supplier:astral']);
  });

  it('answer as the database does after upsertEdge, deleteEdge, a rename and deleteNode', async () => {
    const ok = async (q: string, v: Record<string, unknown> = {}) => h.query(q, v);
    const [{ item, supplier }] = await cypher('MATCH (s:Supplier)-[:SUPPLIES]->(i:Product) WHERE NOT i.id STARTS WITH "product:edge" RETURN i.id AS item, s.id AS supplier ORDER BY item, supplier LIMIT 1');
    const [{ plant, input }] = await cypher('MATCH (i:Product)-[r:FEEDS]->(p:Plant) WHERE p.id <> "plant:edge" AND r.output IS NULL RETURN p.id AS plant, i.id AS input ORDER BY plant, input LIMIT 1');
    await ok('mutation ($e: JSON!) { upsertEdge(edge: $e) { edge } }', { e: { type: 'SUPPLIES', from: 'supplier:persian', to: item, volumePerYear: 42, originCountry: 'AE' } });
    await ok('mutation ($e: JSON!) { upsertEdge(edge: $e) { edge } }', { e: { type: 'SUPPLIES', from: supplier, to: item, share: 0.25, note: 'changed' } });
    await ok('mutation ($e: JSON!) { upsertEdge(edge: $e) { edge } }', { e: { type: 'FEEDS', from: 'product:edge-case', to: plant, quantityPerUnit: 3 } });
    await ok('mutation { deleteEdge(type: FEEDS, from: "product:edge-case", to: "plant:edge", output: "product:edge-out-a") { changeId } }');
    await ok(`mutation ($from: ID!, $to: ID!) { deleteEdge(type: FEEDS, from: $from, to: $to) { changeId } }`, { from: input, to: plant });
    // A rename moves the node in every list ordered by name.
    await ok('mutation ($n: JSON!) { upsertNode(node: $n) { node } }', { n: { id: 'supplier:astral', kind: 'Supplier', name: '0 now first', nameFa: 'اول' } });
    await ok('mutation { deleteNode(id: "supplier:lower") { changeId } }');
    await ok('mutation { deleteNode(id: "plant:edge", purge: true) { changeId } }');
    const data = await h.query(`{ node(id: "product:edge-case") { ... on Product { suppliers { node { id name } } consumers { node { id } } } } }`);
    expect(data.node.suppliers.map((l: any) => l.node.id)).toEqual(['supplier:astral', 'supplier:upper', 'supplier:accent', 'supplier:persian', 'supplier:fullwidth']);
    expect(data.node.suppliers[0].node.name).toBe('0 now first');
    expect(data.node.consumers.map((l: any) => l.node.id)).toEqual([plant]);
    await expectSameAsDatabase();
  }, 180_000);
});

describe('the three-tier dashboard query', () => {
  const DASHBOARD = `query ($id: ID!) { node(id: $id) { id name ... on Product { suppliers { node { id name ... on Plant { inputs { node { id name ... on Product { suppliers { node { id name ... on Supplier { country } } } } } } } } } } } }`;
  const IDS_ONLY = `query ($id: ID!) { node(id: $id) { id ... on Product { suppliers { node { id ... on Plant { inputs { node { id ... on Product { suppliers { edge { share } node { id } } } } } } } } } } }`;

  /** The named queries one request sends, in order (every read goes through readTransaction). */
  async function queriesOf(query: string, id: string): Promise<string[]> {
    await h.query(query, { id }); // the engine is current and the plans warm
    const reads = vi.spyOn(Executor.prototype, 'readTransaction');
    const writes = vi.spyOn(Executor.prototype, 'writeTransaction');
    try {
      await h.query(query, { id });
      expect(writes).not.toHaveBeenCalled();
      return reads.mock.calls.map((c) => String(c[1]?.label));
    } finally {
      reads.mockRestore();
      writes.mockRestore();
    }
  }

  async function dashboardRoot(): Promise<string> {
    const [row] = await cypher('MATCH (p:Product)<-[:PRODUCES]-(:Plant)<-[:FEEDS]-(i:Product)<-[:SUPPLIES]-(:Supplier) WITH p, count(DISTINCT i) AS inputs ORDER BY inputs DESC, p.id RETURN p.id AS id LIMIT 1');
    return row!.id as string;
  }

  it('costs one version read, the root, and one read of every record it names below', async () => {
    const id = await dashboardRoot();
    const calls = await queriesOf(DASHBOARD, id);
    expect(calls.sort()).toEqual(['meta/graph-version', 'node/by-ids', 'node/by-ids']);
  });

  it('reads no record below the root when only ids and edge properties are asked for', async () => {
    const id = await dashboardRoot();
    expect((await queriesOf(IDS_ONLY, id)).sort()).toEqual(['meta/graph-version', 'node/by-ids']);
  });

  it('answers the dashboard as Cypher does', async () => {
    const id = await dashboardRoot();
    const data = await h.query(DASHBOARD, { id });
    const rows = await cypher(
      `MATCH (p:Entity {id: $id}) RETURN p { .id, .name, suppliers: COLLECT { MATCH (p)<-[r:EXTRACTS|PRODUCES|SUPPLIES]-(s:Entity) WITH s, r ORDER BY type(r), s.name, s.id
        RETURN s { .id, .name, inputs: CASE WHEN s:Plant THEN COLLECT { MATCH (s)<-[f:FEEDS]-(i:Entity) WITH i, f ORDER BY i.name, i.id
          RETURN i { .id, .name, suppliers: CASE WHEN i:Product THEN COLLECT { MATCH (i)<-[q:EXTRACTS|PRODUCES|SUPPLIES]-(t:Entity) WITH t, q ORDER BY type(q), t.name, t.id
            RETURN t { .id, .name } } END } } END } } } AS p`,
      { id },
    );
    const expected = rows[0]!.p as any;
    const strip = (n: any): any => Object.fromEntries(Object.entries(n).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, Array.isArray(v) ? v.map(strip) : v]));
    const actual = {
      id: data.node.id,
      name: data.node.name,
      suppliers: data.node.suppliers.map((l: any) => ({
        id: l.node.id,
        name: l.node.name,
        inputs: l.node.inputs?.map((m: any) => ({ id: m.node.id, name: m.node.name, suppliers: m.node.suppliers?.map((s: any) => ({ id: s.node.id, name: s.node.name })) })),
      })),
    };
    expect(strip(actual)).toEqual(strip(expected));
    expect(actual.suppliers.some((s: any) => s.inputs?.some((i: any) => i.suppliers?.length > 0))).toBe(true);
  });
});

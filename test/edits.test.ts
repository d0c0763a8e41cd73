// Edits with a trail: upserts and deletes of single nodes and edges, each logged with who, when,
// before and after; soft deletes restored whole by undo; conflicts named instead of overwritten.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../src/access/api-key.js';
import { AccessStore } from '../src/db/access-store.js';
import { dumpGraph } from './helpers/dump.js';
import { fixture } from './helpers/fixtures.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
let editorKey: string;

beforeAll(async () => {
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'reader', ZANJIR_KEY_CACHE_SECONDS: '0' });
  await h.load(fixture('worked-example.json'));
  const made = generateApiKey();
  await new AccessStore(h.db.executor).create({ keyId: made.keyId, hash: made.hash, role: 'editor', name: 'editor in a test', createdBy: 'test' });
  editorKey = made.key;
});
afterAll(async () => {
  await h.close();
});

async function as(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${h.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

const UPSERT_NODE = 'mutation ($n: JSON!, $unset: [String!]) { upsertNode(node: $n, unset: $unset) { node change { changeId op actor before after summary } } }';
const UPSERT_EDGE = 'mutation ($e: JSON!) { upsertEdge(edge: $e) { edge change { changeId op before after } } }';
const DELETE_NODE = 'mutation ($id: ID!, $purge: Boolean) { deleteNode(id: $id, purge: $purge) { changeId op summary before } }';
const DELETE_EDGE = 'mutation ($from: ID!, $to: ID!) { deleteEdge(type: SUPPLIES, from: $from, to: $to) { changeId before } }';
const UNDO = 'mutation ($c: ID!) { undoChange(changeId: $c) { changeId op undoes summary } }';
const CHANGES = 'query ($node: ID, $since: String) { changes(nodeId: $node, since: $since) { changeId op actor targetId undoneBy undoes summary } }';

describe('upserts', () => {
  it('creates a node, logs who did it, and finds it by name at once', async () => {
    const r = await as(UPSERT_NODE, { n: { id: 'mine:new', kind: 'Mine', name: 'Newly found deposit', nameFa: 'کانسار تازه', province: 'Kerman' } });
    expect(r.errors).toBeUndefined();
    expect(r.data.upsertNode.change).toMatchObject({ op: 'UPSERT_NODE', before: null, after: { id: 'mine:new', province: 'Kerman' }, summary: 'created Mine mine:new' });
    expect(r.data.upsertNode.change.actor).toMatch(/^key:[0-9a-f]{12} \(editor in a test\)$/);
    const hits = await h.query('{ search(text: "Newly found") { node { id } } }');
    expect(hits.search[0].node.id).toBe('mine:new');
  });

  it('merges given properties into a node, keeps the others, and unsets what it is told to', async () => {
    await as(UPSERT_NODE, { n: { id: 'mine:new', capacityTpy: 5000 } });
    const r = await as(UPSERT_NODE, { n: { id: 'mine:new', status: 'OPERATING' }, unset: ['province'] });
    expect(r.data.upsertNode.node).toEqual({ id: 'mine:new', kind: 'Mine', name: 'Newly found deposit', nameFa: 'کانسار تازه', capacityTpy: 5000, status: 'OPERATING' });
    expect(r.data.upsertNode.change.before).toMatchObject({ province: 'Kerman', capacityTpy: 5000 });
  });

  it('refuses a bad record like an import would, and writes nothing', async () => {
    const before = await dumpGraph(h.db.executor);
    const r = await as(UPSERT_NODE, { n: { id: 'mine:new', capacityTpy: -3 } });
    expect(r.errors![0]!.extensions.code).toBe('IMPORT_INVALID');
    expect(r.errors![0]!.message).toMatch(/capacityTpy must not be negative/);
    const kind = await as(UPSERT_NODE, { n: { id: 'mine:new', kind: 'Plant' } });
    expect(kind.errors![0]!.message).toMatch(/a node's kind cannot change/);
    const edge = await as(UPSERT_EDGE, { e: { type: 'EXTRACTS', from: 'product:ore', to: 'mine:new' } });
    expect(edge.errors![0]!.message).toMatch(/from EXTRACTS must start at Mine, but product:ore is a Product/);
    expect(await dumpGraph(h.db.executor)).toEqual(before);
  });

  it('creates and updates an edge, logging the edge before and after', async () => {
    const made = await as(UPSERT_EDGE, { e: { type: 'EXTRACTS', from: 'mine:new', to: 'product:ore', capacityTpy: 300 } });
    expect(made.data.upsertEdge.change).toMatchObject({ op: 'UPSERT_EDGE', before: null, after: { capacityTpy: 300 } });
    const changed = await as(UPSERT_EDGE, { e: { type: 'EXTRACTS', from: 'mine:new', to: 'product:ore', share: 0.1 } });
    expect(changed.data.upsertEdge.edge).toMatchObject({ capacityTpy: 300, share: 0.1 });
    expect(changed.data.upsertEdge.change.before).toMatchObject({ capacityTpy: 300 });
  });
});

describe('deletes and undo', () => {
  it('deletes a node with its edges softly, and undo puts back every property and edge', async () => {
    const before = await dumpGraph(h.db.executor);
    const del = await as(DELETE_NODE, { id: 'supplier:cn-electrodes' });
    expect(del.data.deleteNode).toMatchObject({ op: 'DELETE_NODE', summary: 'deleted Supplier supplier:cn-electrodes and its 1 edge' });
    expect(del.data.deleteNode.before.edges).toEqual([{ type: 'SUPPLIES', from: 'supplier:cn-electrodes', to: 'part:electrode', volumePerYear: 2 }]);
    expect((await h.gql('{ node(id: "supplier:cn-electrodes") { id } }')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // With its only supplier gone, the electrode is an unmodelled origin: steel's import content drops.
    expect((await h.query('{ importContent(id: "product:steel") { totalImportContent } }')).importContent.totalImportContent).toBeCloseTo(0.2, 12);
    const undo = await as(UNDO, { c: del.data.deleteNode.changeId });
    expect(undo.data.undoChange).toMatchObject({ op: 'UNDO', undoes: del.data.deleteNode.changeId });
    expect(await dumpGraph(h.db.executor)).toEqual(before);
    expect((await h.query('{ importContent(id: "product:steel") { totalImportContent } }')).importContent.totalImportContent).toBeCloseTo(0.28, 12);
  });

  it('refuses to undo the same change twice', async () => {
    const del = await as(DELETE_EDGE, { from: 'supplier:tr-steel', to: 'product:steel' });
    expect(del.data.deleteEdge.before).toMatchObject({ share: 0.2, volumePerYear: 100 });
    expect((await as(UNDO, { c: del.data.deleteEdge.changeId })).errors).toBeUndefined();
    const again = await as(UNDO, { c: del.data.deleteEdge.changeId });
    expect(again.errors![0]!.extensions.code).toBe('CONFLICT');
    expect(again.errors![0]!.message).toMatch(/already undone/);
  });

  it('refuses to undo an edit the graph has moved on from, naming what changed', async () => {
    const first = await as(UPSERT_NODE, { n: { id: 'product:pellet', unitValueUsd: 110 } });
    await as(UPSERT_NODE, { n: { id: 'product:pellet', unitValueUsd: 120 } });
    const undo = await as(UNDO, { c: first.data.upsertNode.change.changeId });
    expect(undo.errors![0]!.extensions.code).toBe('CONFLICT');
    expect(undo.errors![0]!.message).toMatch(/product:pellet has changed since change/);
    expect((await h.query('{ node(id: "product:pellet") { ... on Product { unitValueUsd } } }')).node.unitValueUsd).toBe(120);
  });

  it('undoes a creation only when nothing has been attached to the node since', async () => {
    const made = await as(UPSERT_NODE, { n: { id: 'supplier:edits-purge-trial', kind: 'Supplier', name: 'New trader', nameFa: 'بازرگان تازه', country: 'AE' } });
    await as(UPSERT_EDGE, { e: { type: 'SUPPLIES', from: 'supplier:edits-purge-trial', to: 'part:electrode', volumePerYear: 1 } });
    const blocked = await as(UNDO, { c: made.data.upsertNode.change.changeId });
    expect(blocked.errors![0]!.message).toMatch(/has 1 edge made since it was created/);
  });

  it('purges: nothing is kept, so nothing can be restored', async () => {
    const del = await as(DELETE_NODE, { id: 'supplier:edits-purge-trial', purge: true });
    expect(del.data.deleteNode.before).toBeNull();
    const undo = await as(UNDO, { c: del.data.deleteNode.changeId });
    expect(undo.errors![0]!.message).toMatch(/was a purge/);
  });

  it('purges the record from earlier entries too: what happened stays, what the node held does not', async () => {
    // supplier:edits-purge-trial was created, given an edge, and purged above; the log still says so, by id only.
    const r = await as('query { changes(nodeId: "supplier:edits-purge-trial") { op targetId summary before after } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.changes.map((c: { op: string }) => c.op)).toEqual(['DELETE_NODE', 'UPSERT_EDGE', 'UPSERT_NODE']);
    for (const c of r.data.changes) expect([c.before, c.after]).toEqual([null, null]);
    expect(JSON.stringify(r.data.changes)).not.toMatch(/New trader|بازرگان|"AE"|volumePerYear/);
    expect(r.data.changes[2].summary).toBe('created Supplier supplier:edits-purge-trial');
    // What is scrubbed cannot be undone either; the refusal says why.
    const [created] = (await as('query { changes(nodeId: "supplier:edits-purge-trial") { changeId op } }')).data.changes.filter((c: { op: string }) => c.op === 'UPSERT_NODE');
    const undo = await as(UNDO, { c: created.changeId });
    expect(undo.errors![0]!.extensions.code).toBe('CONFLICT');
    expect(undo.errors![0]!.message).toMatch(/supplier:edits-purge-trial was purged since/);
  });

  it('purges an edge from its earlier entries, and leaves its ends’ entries whole', async () => {
    await as(UPSERT_NODE, { n: { id: 'supplier:brief', kind: 'Supplier', name: 'Brief trader', nameFa: 'بازرگان کوتاه', country: 'AE' } });
    await as(UPSERT_EDGE, { e: { type: 'SUPPLIES', from: 'supplier:brief', to: 'part:electrode', volumePerYear: 7 } });
    const del = await as('mutation { deleteEdge(type: SUPPLIES, from: "supplier:brief", to: "part:electrode", purge: true) { before } }');
    expect(del.data.deleteEdge.before).toBeNull();
    const log = (await as('query { changes(nodeId: "supplier:brief") { op before after } }')).data.changes;
    expect(log.map((c: { op: string }) => c.op)).toEqual(['DELETE_EDGE', 'UPSERT_EDGE', 'UPSERT_NODE']);
    expect(log.slice(0, 2).map((c: { before: unknown; after: unknown }) => [c.before, c.after])).toEqual([[null, null], [null, null]]);
    expect(log[2].after).toMatchObject({ id: 'supplier:brief', name: 'Brief trader' });
    await as(DELETE_NODE, { id: 'supplier:brief' });
  });

  it('says which node is missing when a restored node’s edges lead to one deleted since', async () => {
    const plant = await as(DELETE_NODE, { id: 'plant:pellet' });
    await as(DELETE_NODE, { id: 'product:ore' });
    const undo = await as(UNDO, { c: plant.data.deleteNode.changeId });
    expect(undo.errors![0]!.extensions.code).toBe('CONFLICT');
    expect(undo.errors![0]!.message).toMatch(/lead to product:ore, which no longer exists/);
    // Nothing of the failed undo was written.
    expect((await h.gql('{ node(id: "plant:pellet") { id } }')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('the change log', () => {
  it('lists a node’s history newest first, with undos linked both ways', async () => {
    const log = await as(CHANGES, { node: 'supplier:cn-electrodes' });
    const ops = log.data.changes.map((c: any) => c.op);
    expect(ops.slice(0, 2)).toEqual(['UNDO', 'DELETE_NODE']);
    expect(log.data.changes[1].undoneBy).toBe(log.data.changes[0].changeId);
  });

  it('lists changes since a time, and refuses a time it cannot read', async () => {
    const since = new Date(Date.now() + 60_000).toISOString();
    expect((await as(CHANGES, { since })).data.changes).toEqual([]);
    const bad = await as(CHANGES, { since: 'yesterday' });
    expect(bad.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('is readable by readers; edits need an editor', async () => {
    expect((await h.gql('{ changes(first: 1) { changeId } }')).errors).toBeUndefined();
    const refused = await h.gql('mutation { deleteNode(id: "mine:new") { changeId } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('records imports and resets with their actor', async () => {
    const res = await fetch(`${h.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
      body: JSON.stringify({ query: 'mutation ($d: JSON!) { importGraph(document: $d) { nodes { created } } }', variables: { d: { format: 'zanjir/1', nodes: [{ id: 'mine:imported', kind: 'Mine', name: 'Imported', nameFa: 'وارد شده' }], edges: [] } } }),
    });
    expect(((await res.json()) as any).data.importGraph.nodes.created).toBe(1);
    const log = await as('{ changes(first: 1) { op actor summary } }');
    expect(log.data.changes[0]).toMatchObject({ op: 'IMPORT', summary: expect.stringMatching(/nodes 1 created/) });
    expect(log.data.changes[0].actor).toMatch(/editor in a test/);
  });
});

// Issue 21, "scope and units": an analyst of one sector asks chainBalance and importBills (and their
// CSV reports) for that sector alone. The expected items come from a second method: nodes(filter:
// { sector }) reads each item's category in Neo4j; the engine's answer reads its own snapshot.

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

/** The ids of the items in the sector, read from Neo4j through nodes(filter), not the engine. */
async function idsInSector(sector: string): Promise<string[]> {
  const res = await h.query(`query ($s: Sector) { nodes(filter: { sector: $s }, first: 500) { edges { node { id } } } }`, { s: sector });
  return res.nodes.edges.map((e: { node: { id: string } }) => e.node.id).sort();
}

async function csvColumn(path: string, column: string): Promise<string[]> {
  const res = await fetch(`${h.server.url}${path}`);
  expect(res.status, path).toBe(200);
  const [header, ...lines] = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
  const at = header!.split(',').indexOf(column);
  return lines.map((l) => l.split(',')[at]!);
}

describe('chainBalance and importBills in one sector', () => {
  it('chainBalance(sector: COPPER) is the balance of the copper items and nothing else', async () => {
    const copper = await idsInSector('COPPER');
    expect(copper.length).toBeGreaterThan(3);
    const scoped = (await h.query(`{ chainBalance(sector: COPPER) { item { id } homeCapacity imports demand balance } }`)).chainBalance;
    expect(scoped.map((r: { item: { id: string } }) => r.item.id).sort()).toEqual(copper);
    // The same rows as asking for those items by id: the scope selects, it does not change a figure.
    const byIds = (await h.query(`query ($ids: [ID!]) { chainBalance(ids: $ids) { item { id } homeCapacity imports demand balance } }`, { ids: copper })).chainBalance;
    const key = (r: { item: { id: string } }) => r.item.id;
    expect([...scoped].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...byIds].sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('sector and stage narrow together', async () => {
    const copper = new Set(await idsInSector('COPPER'));
    const ores = (await h.query(`{ chainBalance(stage: ORE) { item { id } } }`)).chainBalance.map((r: { item: { id: string } }) => r.item.id);
    const both = (await h.query(`{ chainBalance(sector: COPPER, stage: ORE) { item { id } } }`)).chainBalance.map((r: { item: { id: string } }) => r.item.id);
    expect(both.sort()).toEqual(ores.filter((id: string) => copper.has(id)).sort());
    expect(both.length).toBeGreaterThan(0);
  });

  it('importBills(sector: STEEL) ranks the steel items among all bills, in the same order', async () => {
    const steel = new Set(await idsInSector('STEEL'));
    const all = (await h.query(`{ importBills(first: 1000) { item { id } importBillUsd } }`)).importBills;
    const scoped = (await h.query(`{ importBills(sector: STEEL, first: 1000) { item { id } importBillUsd } }`)).importBills;
    expect(scoped).toEqual(all.filter((b: { item: { id: string } }) => steel.has(b.item.id)));
    expect(scoped.length).toBeGreaterThan(0);
  });

  it('the CSV reports take the sector too, and an unknown one is refused with the ones there are', async () => {
    expect((await csvColumn('/report/balance.csv?sector=copper', 'item_id')).sort()).toEqual(await idsInSector('COPPER'));
    const steel = new Set(await idsInSector('STEEL'));
    const bills = await csvColumn('/report/import-bills.csv?sector=STEEL&first=1000', 'item_id');
    expect(bills.length).toBeGreaterThan(0);
    expect(bills.every((id) => steel.has(id))).toBe(true);
    const wrong = await fetch(`${h.server.url}/report/balance.csv?sector=COPPPER`);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/sector must be one of .*COPPER.*; got "COPPPER"/);
  });
});

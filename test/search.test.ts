// Search as an analyst types it, on the seed graph: the queries of issue 13 and what must come
// first for each. Each row is what a person would expect, worked out from the data, not from
// the ranker's output.

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

const SEARCH = `query ($t: String!, $k: NodeKind, $n: Int) { search(text: $t, kind: $k, first: $n) { score matched node { id kind name ... on Plant { operator } } } }`;
const search = async (t: string, n = 10, k?: string) => (await h.query(SEARCH, { t, n, k })).search as { score: number; matched: string; node: { id: string; kind: string; name: string; operator?: string } }[];
const ids = async (t: string, n = 10) => (await search(t, n)).map((x) => x.node.id);

const CARS = ['product:peugeot-pars', 'product:peugeot-207i', 'product:dena-plus', 'product:runna-plus', 'product:tara', 'product:samand-soren'];

describe('the queries of issue 13', () => {
  // query → the hit that must come first, and why.
  const FIRST: [string, string, string][] = [
    ['Sungoon', 'mine:sungun', 'a typo of Sungun (two letters), closer to it than to Sangan'],
    ['Songun', 'mine:sungun', 'a vowel off'],
    ['سنگون', 'mine:sungun', 'a Persian typo of «سونگون» (one letter dropped)'],
    ['Khodrow', 'plant:ikco-tehran', 'Iran Khodro, the company, not every part whose Persian name says «خودرو»'],
    ['fulad', 'plant:mobarakeh-meltshop', 'Foolad Mobarakeh, the same word in another Latin spelling'],
    ['Isfahan', 'plant:esfahan-blast-furnaces', 'Esfahan Steel: Esfahan is another spelling of Isfahan'],
    ['electrodes', 'part:graphite-electrode', 'the plural of the part, above projects and articles'],
    ['Gol-e-Gohar', 'mine:gol-e-gohar', 'the official spelling'],
    ['Gol Gohar', 'mine:gol-e-gohar', 'without the ezafe'],
    ['Golgohar', 'mine:gol-e-gohar', 'run together'],
    ['7601.20', 'product:aluminium-alloy-ingot', 'a whole HS code'],
    ['فولاد مباركه', 'plant:mobarakeh-meltshop', 'Persian with Arabic kaf'],
    ['Peugeot Pars', 'product:peugeot-pars', 'a whole name'],
    ['product:peugeot-pars', 'product:peugeot-pars', 'an id'],
    ['Sangan', 'mine:sangan', 'the other mine, spelled right, is not pushed aside by Sungun'],
  ];
  it.each(FIRST)('%s → %s (%s)', async (query, expected) => {
    expect((await ids(query))[0]).toBe(expected);
  });

  it.each(['car', 'cars', 'passenger car', 'خودرو', 'خودروها', 'Car'])('%s → the six cars first', async (query) => {
    const hits = await search(query, 10);
    expect(new Set(hits.slice(0, 6).map((x) => x.node.id))).toEqual(new Set(CARS));
    expect(hits[0]!.matched).toBe('category: Passenger car');
  });

  it('7601 lists the unwrought aluminium lines, 7601.10 then 7601.20', async () => {
    const hits = await search('7601');
    expect(hits.slice(0, 2).map((x) => [x.node.id, x.matched])).toEqual([
      ['product:aluminium-ingot', 'HS 7601.10'],
      ['product:aluminium-alloy-ingot', 'HS 7601.20'],
    ]);
    expect((await ids('۷۶۰۱'))[0]).toBe('product:aluminium-ingot');
  });

  it('National Iranian Copper finds NICICO, not the National Iranian Gas Company', async () => {
    const hits = await search('National Iranian Copper');
    // The company itself (an Organization since issue 14), then the plants it operates.
    expect(hits[0]!.node.id).toBe('org:nicico');
    expect(hits[1]!.node.operator).toBe('National Iranian Copper Industries Co. (NICICO)');
    const gas = hits.findIndex((x) => x.node.id === 'supplier:nigc');
    expect(gas === -1 || gas > 0).toBe(true);
  });

  it('Saipa is not in the seed graph: nothing, rather than SAPCO (a different company) dressed as a match', async () => {
    expect(await ids('Saipa')).toEqual([]);
  });

  it('puts whole-word name matches above matches inside words', async () => {
    // "car" is a whole word of "Passenger car tyre" and only the start of "Carbon black".
    const hits = await ids('car', 30);
    expect(hits.indexOf('part:tyre')).toBeGreaterThanOrEqual(0);
    expect(hits.indexOf('part:tyre')).toBeLessThan(hits.indexOf('part:carbon-black'));
  });

  it('puts Sources below the nodes whose names match as well', async () => {
    const hits = await search('graphite electrodes', 20);
    const firstSource = hits.findIndex((x) => x.node.kind === 'SOURCE');
    expect(firstSource).toBeGreaterThan(0);
    expect(hits.slice(firstSource).every((x, i) => x.node.kind === 'SOURCE' || hits[firstSource + i]!.score <= hits[firstSource]!.score)).toBe(true);
    expect(hits.slice(0, firstSource).map((x) => x.node.id)).toContain('part:graphite-electrode');
  });

  it('narrows by kind', async () => {
    const hits = await search('Mobarakeh', 10, 'PROJECT');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((x) => x.node.kind === 'PROJECT')).toBe(true);
  });
});

describe('search input is bounded', () => {
  it('refuses hundreds of words with BAD_USER_INPUT, not an internal error', async () => {
    const long = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const res = await h.gql(SEARCH, { t: long, n: 10 });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/at most 200 characters/);
    const thirteen = Array.from({ length: 13 }, () => 'ab').join(' ');
    const many = await h.gql(SEARCH, { t: thirteen, n: 10 });
    expect(many.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(many.errors?.[0]?.message).toMatch(/at most 12 words; got 13/);
  });

  it('answers the widest query it accepts: twelve short words, each a prefix of many', async () => {
    // Each word expands to a prefix, typos and sounds: the index query must stay within Lucene's clause limit.
    const res = await h.gql(SEARCH, { t: 'ir st co ma pl mi ca al el fe na se', n: 100 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.length).toBeGreaterThan(0);
    const persian = await h.gql(SEARCH, { t: 'کا مس فو سن آه ای ور شم مع کا تو سا', n: 100 });
    expect(persian.errors).toBeUndefined();
  });

  it('refuses first outside 1..100', async () => {
    expect((await h.gql(SEARCH, { t: 'steel', n: 0 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await h.gql(SEARCH, { t: 'steel', n: 1000 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

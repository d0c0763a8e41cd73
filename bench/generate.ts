// A synthetic industrial chain in zanjir/1 JSON Lines, deterministic for a given size and seed:
// tiers of items (ores → concentrates → intermediates → semi-finished → parts → finished goods),
// a plant per produced item fed by 2–4 items of the tier below, home and foreign suppliers, and
// bills of materials for the finished goods. Shaped like the real chains, only bigger.

import fs from 'node:fs';

export interface GeneratedChain {
  file: string;
  nodes: number;
  edges: number;
  finishedGoods: string[];
  ores: string[];
}

const TIERS = ['ORE', 'CONCENTRATE', 'INTERMEDIATE', 'SEMI_FINISHED', 'PART', 'FINISHED'] as const;
const COUNTRIES = ['CN', 'DE', 'IN', 'TR', 'RU', 'KR'];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes about `targetNodes` nodes; returns what it wrote. */
export function generateChain(file: string, targetNodes: number, seed = 7): GeneratedChain {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out = fs.openSync(file, 'w');
  let nodes = 0;
  let edges = 0;
  const write = (record: object) => {
    fs.writeSync(out, `${JSON.stringify(record)}\n`);
  };
  const node = (record: Record<string, unknown>) => {
    write(record);
    nodes += 1;
  };
  const edge = (record: Record<string, unknown>) => {
    write(record);
    edges += 1;
  };
  write({ format: 'zanjir/1', homeCountry: 'IR' });

  // Roughly: each item brings a plant or mine and ~0.5 suppliers, so items ≈ nodes / 2.5.
  const items = Math.max(TIERS.length * 2, Math.floor(targetNodes / 2.5));
  const perTier = Math.max(2, Math.floor(items / TIERS.length));
  const tiers: string[][] = [];
  TIERS.forEach((tier, t) => {
    const ids: string[] = [];
    for (let i = 0; i < perTier; i += 1) {
      const id = `${tier === 'PART' ? 'part' : 'product'}:t${t}-${i}`;
      const value = Math.round(20 * 3 ** t * (0.5 + rand()));
      node({
        id,
        kind: tier === 'PART' ? 'Part' : 'Product',
        name: `${tier.toLowerCase()} item ${i}`,
        nameFa: `کالای ${t}-${i}`,
        ...(tier === 'PART' ? {} : { stage: tier }),
        unit: t < 4 ? 't' : 'piece',
        unitValueUsd: value,
        ...(tier === 'FINISHED' ? { finalDemand: Math.round(1000 + rand() * 100000) } : {}),
      });
      ids.push(id);
      if (t === 0) {
        const mine = `mine:m${i}`;
        node({ id: mine, kind: 'Mine', name: `Mine ${i}`, nameFa: `معدن ${i}`, province: `P${i % 31}` });
        edge({ type: 'EXTRACTS', from: mine, to: id, capacityTpy: Math.round(1e5 + rand() * 1e7) });
      } else {
        const plant = `plant:p${t}-${i}`;
        node({ id: plant, kind: 'Plant', name: `Plant ${t}-${i}`, nameFa: `کارخانه ${t}-${i}`, province: `P${i % 31}` });
        edge({ type: 'PRODUCES', from: plant, to: id, capacityTpy: Math.round(1e4 + rand() * 1e6) });
        const inputs = new Set<string>();
        const n = 2 + Math.floor(rand() * 3);
        while (inputs.size < Math.min(n, tiers[t - 1]!.length)) inputs.add(pick(tiers[t - 1]!));
        for (const input of inputs) edge({ type: 'FEEDS', from: input, to: plant, quantityPerUnit: Math.round(rand() * 200) / 100 + 0.01 });
      }
      if (rand() < 0.5) {
        const foreign = rand() < 0.6;
        const supplier = `supplier:s${t}-${i}`;
        node({ id: supplier, kind: 'Supplier', name: `Supplier ${t}-${i}`, nameFa: `تأمین‌کننده ${t}-${i}`, ...(foreign ? { country: pick(COUNTRIES) } : {}) });
        edge({ type: 'SUPPLIES', from: supplier, to: id, volumePerYear: Math.round(1e3 + rand() * 1e5) });
      }
    }
    tiers.push(ids);
  });
  fs.closeSync(out);
  return { file, nodes, edges, finishedGoods: tiers.at(-1)!, ores: tiers[0]! };
}

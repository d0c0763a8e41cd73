// A synthetic industrial chain in zanjir/1 JSON Lines, deterministic for a given size and seed,
// shaped like real chains rather than like a lattice:
//   - tiers of items: ores → concentrates → intermediates → semi-finished → parts → finished goods;
//   - plants fed by items of the tier below, how many inputs drawn from a heavy tail (most plants
//     take 2–4, a few take 20 or more), which inputs drawn with a Zipf-like preference (a few
//     items, like electricity or steel, feed thousands of plants);
//   - multi-output plants (a concentrator making copper and molybdenum concentrate), whose FEEDS
//     name the output they are for;
//   - recycling loops: semi-finished goods feed scrap-recovery plants whose scrap feeds plants of
//     the intermediate tier again;
//   - bills of materials: parts built from sub-parts (COMPONENT_OF, no plant: an implicit home
//     assembly) and finished goods built from parts and semi-finished goods;
//   - suppliers shared across items (a trader delivering hundreds of items), home and foreign,
//     some home traders reselling imports (originCountry);
//   - missing values at the rates real data sets show: unit values, capacities, volumes, shares
//     and quantities left out on a share of records, so every fallback of the supply model runs.

import fs from 'node:fs';

export interface GeneratedChain {
  file: string;
  nodes: number;
  edges: number;
  finishedGoods: string[];
  ores: string[];
  /** Items of the middle tiers, good roots for walks of middling size. */
  parts: string[];
}

const TIERS = ['ORE', 'CONCENTRATE', 'INTERMEDIATE', 'SEMI_FINISHED', 'PART', 'FINISHED'] as const;
/** Share of all items in each tier. */
const TIER_SHARE = [0.06, 0.08, 0.14, 0.2, 0.37, 0.15];
const COUNTRIES = ['CN', 'DE', 'IN', 'TR', 'RU', 'KR', 'JP', 'IT', 'AE', 'FR'];
/** Rates of missing values. */
const MISSING = { unitValue: 0.25, capacity: 0.2, volume: 0.25, quantity: 0.15 };

export function prng(seed: number): () => number {
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
  /** Zipf-like: index i with weight ~ 1/(i+1)^0.9 over n items, by inverse transform of a power law. */
  const zipf = (n: number): number => Math.min(n - 1, Math.floor(n ** rand() - 1 + rand() * 0.999));
  /** Heavy-tailed count ≥ min: Pareto with shape alpha, capped. */
  const pareto = (min: number, alpha: number, cap: number): number => Math.min(cap, Math.floor(min / (1 - rand()) ** (1 / alpha)));
  const maybe = (p: number) => rand() < p;

  const out = fs.openSync(file, 'w');
  let buffer: string[] = [];
  let buffered = 0;
  let nodes = 0;
  let edges = 0;
  const write = (record: object) => {
    const line = `${JSON.stringify(record)}\n`;
    buffer.push(line);
    buffered += line.length;
    if (buffered > 1 << 20) flush();
  };
  const flush = () => {
    fs.writeSync(out, buffer.join(''));
    buffer = [];
    buffered = 0;
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

  // Items are about 40 % of the nodes; plants, mines and suppliers the rest.
  const items = Math.max(60, Math.floor(targetNodes * 0.5));
  const tiers: string[][] = [];
  const values = new Map<string, number>();

  // Suppliers: a pool shared by many items, so fan-out is heavy-tailed too.
  const supplierCount = Math.max(10, Math.floor(targetNodes * 0.1));
  const suppliers: { id: string; country: string | null }[] = [];
  for (let i = 0; i < supplierCount; i += 1) {
    const foreign = maybe(0.55);
    const s = { id: `supplier:s${i}`, country: foreign ? pick(COUNTRIES) : null };
    suppliers.push(s);
    node({
      id: s.id,
      kind: 'Supplier',
      name: `Supplier ${i}`,
      nameFa: `تأمین‌کننده ${i}`,
      ...(s.country ? { country: s.country } : { province: `P${i % 31}` }),
      ...(maybe(0.1) ? { knowledgeBased: true } : {}),
    });
  }

  let plantSeq = 0;
  const newPlant = (t: number): string => {
    const id = `plant:p${t}-${plantSeq}`;
    plantSeq += 1;
    node({ id, kind: 'Plant', name: `Plant ${t}-${plantSeq}`, nameFa: `کارخانه ${t}-${plantSeq}`, province: `P${plantSeq % 31}`, ...(maybe(0.02) ? { country: pick(COUNTRIES) } : {}) });
    return id;
  };
  const capacity = () => (maybe(MISSING.capacity) ? {} : { capacityTpy: Math.round(1e4 + rand() * 1e6) });
  const quantity = (key: 'quantityPerUnit' | 'quantity') => (maybe(MISSING.quantity) ? {} : { [key]: Math.round(rand() * 200) / 100 + 0.01 });

  const sizes = TIER_SHARE.map((s) => Math.max(2, Math.floor(items * s)));
  TIERS.forEach((tier, t) => {
    const ids: string[] = [];
    for (let i = 0; i < sizes[t]!; i += 1) {
      const id = `${tier === 'PART' ? 'part' : 'product'}:t${t}-${i}`;
      const value = Math.round(20 * 3 ** t * (0.5 + rand()));
      values.set(id, value);
      node({
        id,
        kind: tier === 'PART' ? 'Part' : 'Product',
        name: `${tier.toLowerCase()} item ${i}`,
        nameFa: `کالای ${t}-${i}`,
        ...(tier === 'PART' ? {} : { stage: tier }),
        unit: t < 4 ? 't' : 'piece',
        ...(maybe(MISSING.unitValue) ? {} : { unitValueUsd: value }),
        ...(tier === 'FINISHED' ? { finalDemand: Math.round(1000 + rand() * 100000) } : {}),
      });
      ids.push(id);
    }
    tiers.push(ids);
  });

  // Recycling: a scrap item in the intermediate tier, fed back by scrap-recovery plants.
  const scrapItems = tiers[2]!.filter((_, i) => i % 50 === 0);

  TIERS.forEach((tier, t) => {
    const ids = tiers[t]!;
    const below = t > 0 ? tiers[t - 1]! : [];
    let i = 0;
    while (i < ids.length) {
      const item = ids[i]!;
      // Sources of the item: a mine, plant(s) or an assembly, and suppliers.
      const sourceEdges: Record<string, unknown>[] = [];
      if (t === 0) {
        const mines = 1 + (maybe(0.3) ? 1 : 0);
        for (let k = 0; k < mines; k += 1) {
          const mine = `mine:m${i}-${k}`;
          node({ id: mine, kind: 'Mine', name: `Mine ${i}-${k}`, nameFa: `معدن ${i}-${k}`, province: `P${i % 31}`, commodity: `ore ${i}` });
          sourceEdges.push({ type: 'EXTRACTS', from: mine, to: item, ...capacity() });
        }
        i += 1;
      } else if (tier === 'PART' && maybe(0.35)) {
        // A part assembled at home from sub-parts: a bill of materials, no plant.
        const lines = new Set<string>();
        const n = pareto(2, 2.5, 25);
        const pool = i > 10 ? ids.slice(0, i) : below;
        while (lines.size < Math.min(n, pool.length)) lines.add(pool[zipf(pool.length)]!);
        for (const input of lines) edge({ type: 'COMPONENT_OF', from: input, to: item, ...quantity('quantity') });
        i += 1;
      } else if (tier === 'FINISHED') {
        // A finished good: assembled from parts and semi-finished goods (its BOM), by an assembly plant.
        const plant = newPlant(t);
        sourceEdges.push({ type: 'PRODUCES', from: plant, to: item, ...capacity() });
        const lines = new Set<string>();
        const n = pareto(3, 2.5, 80);
        while (lines.size < n) lines.add(maybe(0.8) ? tiers[4]![zipf(tiers[4]!.length)]! : tiers[3]![zipf(tiers[3]!.length)]!);
        for (const input of lines) edge({ type: 'COMPONENT_OF', from: input, to: item, ...quantity('quantity'), ...(maybe(0.2) ? { valueShare: Math.round(rand() * 20) / 1000 } : {}) });
        i += 1;
      } else {
        // A plant, sometimes making two or three items of this tier (by-products).
        const outputs = t <= 3 && maybe(0.15) ? ids.slice(i, i + 2 + (maybe(0.3) ? 1 : 0)) : [item];
        const plant = newPlant(t);
        const inputs = new Set<string>();
        const n = pareto(1, 2, 40) + 1;
        while (inputs.size < Math.min(n, below.length)) inputs.add(below[zipf(below.length)]!);
        if (t === 3 && scrapItems.length > 0 && maybe(0.05)) inputs.add(pick(scrapItems));
        for (const input of inputs) {
          const forOne = outputs.length > 1 && maybe(0.5) ? { output: pick(outputs) } : {};
          edge({ type: 'FEEDS', from: input, to: plant, ...quantity('quantityPerUnit'), ...(maybe(0.2) ? { valueShare: Math.round(rand() * 300) / 1000 } : {}), ...forOne });
        }
        for (const o of outputs) {
          const e = { type: 'PRODUCES', from: plant, to: o, ...capacity() };
          if (o === item) sourceEdges.push(e);
          else edge(e);
        }
        // A second plant for some items, so items have several home sources.
        if (maybe(0.1)) {
          const second = newPlant(t);
          sourceEdges.push({ type: 'PRODUCES', from: second, to: item, ...capacity() });
          for (const input of [...inputs].slice(0, 2)) edge({ type: 'FEEDS', from: input, to: second, ...quantity('quantityPerUnit') });
        }
        i += outputs.length;
      }
      // Suppliers: 0 to many, heavy-tailed; shares on all of them for some items.
      const supplied = maybe(0.35) ? pareto(1, 2.5, 12) : 0;
      const chosen = new Set<number>();
      while (chosen.size < supplied) chosen.add(zipf(suppliers.length));
      for (const k of chosen) {
        const s = suppliers[k]!;
        const resold = s.country === null && maybe(0.1) ? { originCountry: pick(COUNTRIES) } : {};
        sourceEdges.push({ type: 'SUPPLIES', from: s.id, to: item, ...(maybe(MISSING.volume) ? {} : { volumePerYear: Math.round(1e3 + rand() * 1e5) }), ...resold });
      }
      if (sourceEdges.length > 1 && maybe(0.1)) {
        const raw = sourceEdges.map(() => 0.05 + rand());
        const sum = raw.reduce((a, b) => a + b, 0);
        sourceEdges.forEach((e, k) => (e.share = Math.round((raw[k]! / sum) * 1000) / 1000));
      }
      for (const e of sourceEdges) edge(e);
    }
  });

  // Recycling loops: some semi-finished goods feed scrap-recovery plants making the scrap items.
  for (const scrap of scrapItems) {
    const plant = newPlant(2);
    edge({ type: 'PRODUCES', from: plant, to: scrap, ...capacity() });
    const sources = new Set<string>();
    const n = pareto(2, 1.5, 10);
    while (sources.size < Math.min(n, tiers[3]!.length)) sources.add(tiers[3]![zipf(tiers[3]!.length)]!);
    for (const s of sources) edge({ type: 'FEEDS', from: s, to: plant, ...quantity('quantityPerUnit') });
  }

  flush();
  fs.closeSync(out);
  return { file, nodes, edges, finishedGoods: tiers[5]!, ores: tiers[0]!, parts: tiers[4]! };
}

// `npx tsx bench/generate.ts --nodes N --out FILE`: writes a chain file without running the bench.
if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const n = Number(arg('nodes') ?? 10_000);
  const target = arg('out') ?? `chain-${n}.jsonl`;
  const t0 = performance.now();
  const chain = generateChain(target, n, Number(arg('seed') ?? 7));
  console.log(`${target}: ${chain.nodes.toLocaleString('en')} nodes, ${chain.edges.toLocaleString('en')} edges in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

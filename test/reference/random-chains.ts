// Random chains for the property tests (seeded): plants of several outputs, bills of materials,
// recycling cycles, foreign and re-exported supplies, missing figures, dates, groups.

import { chainGraph, type ChainGraph } from '../../src/model/graph.js';
import type { EdgeRecord, NodeRecord } from '../../src/model/records.js';
import { e, n } from '../../src/analytics/test-graphs.js';

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Dates figures may carry: a year, a month, a day (compared as text). */
const DATES = ['2016', '2019-03', '2019-03-20', '2024'] as const;

export function randomChain(seed: number): ChainGraph {
  const rand = prng(seed);
  const maybe = (p: number) => rand() < p;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  const items: string[] = [];
  const count = 4 + Math.floor(rand() * 25);
  for (let i = 0; i < count; i += 1) {
    const id = `i${i}`;
    items.push(id);
    nodes.push(n(id, maybe(0.5) ? 'Product' : 'Part', { ...(maybe(0.7) ? { unitValueUsd: 1 + Math.floor(rand() * 100) } : {}), ...(maybe(0.2) ? { stage: 'FINISHED' } : {}), ...(maybe(0.3) ? { asOf: pick(DATES) } : {}) }));
  }
  const keys = new Set<string>();
  const add = (edge: EdgeRecord) => {
    const key = `${edge.type} ${edge.from} ${edge.to} ${String(edge.output ?? '')}`;
    if (!keys.has(key)) edges.push(edge);
    keys.add(key);
  };
  let sites = 0;
  for (const item of items) {
    const sources = Math.floor(rand() * 4);
    for (let s = 0; s < sources; s += 1) {
      const kind = pick(['Mine', 'Plant', 'Plant', 'Supplier'] as const);
      const id = `${kind.toLowerCase()}:${(sites += 1)}`;
      nodes.push(n(id, kind, { ...(maybe(0.4) ? { country: pick(['CN', 'DE', 'IR']) } : {}), ...(maybe(0.2) ? { group: true } : {}), ...(kind === 'Mine' && maybe(0.5) ? { capacityTpy: 100, asOf: pick(DATES) } : {}) }));
      const type = kind === 'Mine' ? 'EXTRACTS' : kind === 'Plant' ? 'PRODUCES' : 'SUPPLIES';
      add(e(type, id, item, { ...(maybe(0.4) ? { share: rand() } : {}), ...(maybe(0.3) ? { asOf: pick(DATES) } : {}), ...(maybe(0.6) ? (type === 'SUPPLIES' ? { volumePerYear: rand() * 100 } : { capacityTpy: Math.floor(rand() * 3) * 50 }) : {}), ...(type === 'SUPPLIES' && maybe(0.2) ? { originCountry: pick(['CN', 'TR']) } : {}) }));
      if (kind === 'Plant') {
        // A second output for some plants, and inputs for one output or for all.
        const second = maybe(0.3) ? pick(items) : null;
        if (second && second !== item) add(e('PRODUCES', id, second, {}));
        for (let k = 0; k < 1 + Math.floor(rand() * 3); k += 1) {
          add(e('FEEDS', pick(items), id, { ...(maybe(0.5) ? { valueShare: rand() / 2 } : {}), ...(maybe(0.6) ? { quantityPerUnit: rand() * 3 } : {}), ...(second && maybe(0.5) ? { output: pick([item, second]) } : {}) }));
        }
      }
    }
    if (maybe(0.4)) for (let k = 0; k < 1 + Math.floor(rand() * 3); k += 1) add(e('COMPONENT_OF', pick(items), item, maybe(0.7) ? { quantity: 1 + Math.floor(rand() * 4) } : {}));
  }
  return chainGraph(nodes, edges, 'IR');
}


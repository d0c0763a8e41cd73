// Properties that must hold on any graph, checked on 200 random ones (seeded, so a failure is
// repeatable): contributions sum to the total, 0 ≤ t ≤ 1, losses within 0..1 and monotone in
// what is removed; on acyclic graphs, the iterative t equals a direct recursive computation; and
// value flows draw an acyclic picture whose imports at X are importContent's t.

import { describe, expect, it } from 'vitest';
import { chainGraph, type ChainGraph } from '../model/graph.js';
import type { EdgeRecord, NodeRecord } from '../model/records.js';
import { disruption } from './disruption.js';
import { importContent } from './import-content.js';
import { valueFlows } from './value-flows.js';
import { e, n, on } from './test-graphs.js';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * sharedSites: suppliers also deliver some other items, part of them from abroad through
 * originCountry, so one drawn site can be partly foreign.
 */
function randomGraph(seed: number, acyclic: boolean, sharedSites = false): ChainGraph {
  const rand = prng(seed);
  const maybe = (p: number) => rand() < p;
  const items: NodeRecord[] = [];
  const others: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  const count = 3 + Math.floor(rand() * 10);
  for (let i = 0; i < count; i += 1) items.push(n(`i${i}`, maybe(0.5) ? 'Product' : 'Part', maybe(0.7) ? { unitValueUsd: 1 + Math.floor(rand() * 100) } : {}));
  items.forEach((item, i) => {
    const sources = Math.floor(rand() * 3);
    for (let s = 0; s < sources; s += 1) {
      const kind = pickKind(rand);
      const id = `${kind.toLowerCase()}:${i}-${s}`;
      others.push(n(id, kind, maybe(0.4) ? { country: ['CN', 'DE', 'IR'][Math.floor(rand() * 3)] } : {}));
      const type = kind === 'Mine' ? 'EXTRACTS' : kind === 'Plant' ? 'PRODUCES' : 'SUPPLIES';
      edges.push(e(type, id, item.id, { ...(maybe(0.5) ? { share: rand() } : {}), ...(maybe(0.5) ? (type === 'SUPPLIES' ? { volumePerYear: rand() * 100 } : { capacityTpy: rand() * 100 }) : {}) }));
      if (kind === 'Plant') {
        for (let k = 0; k < 3; k += 1) {
          const j = Math.floor(rand() * count);
          if (acyclic && j <= i) continue;
          if (j === i && acyclic) continue;
          edges.push(e('FEEDS', items[j]!.id, id, { ...(maybe(0.5) ? { valueShare: rand() } : {}), ...(maybe(0.5) ? { quantityPerUnit: rand() * 3 } : {}) }));
        }
      }
    }
    if (maybe(0.3)) {
      const j = Math.floor(rand() * count);
      if (!acyclic || j > i) edges.push(e('COMPONENT_OF', items[j]!.id, item.id, { quantity: 1 + Math.floor(rand() * 4) }));
    }
  });
  if (sharedSites) {
    for (const supplier of others.filter((o) => o.kind === 'Supplier')) {
      const item = items[Math.floor(rand() * count)]!;
      edges.push(e('SUPPLIES', supplier.id, item.id, { volumePerYear: 1 + rand() * 50, ...(maybe(0.5) ? { originCountry: 'CN' } : {}) }));
    }
  }
  return chainGraph([...items, ...others], dedupe(edges));
}

function pickKind(rand: () => number): 'Mine' | 'Plant' | 'Supplier' {
  const r = rand();
  return r < 0.2 ? 'Mine' : r < 0.6 ? 'Plant' : 'Supplier';
}

function dedupe(edges: EdgeRecord[]): EdgeRecord[] {
  const seen = new Set<string>();
  return edges.filter((x) => {
    const key = `${x.type}|${x.from}|${x.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

describe('import content on random graphs', () => {
  it('contributions sum to the total, and 0 ≤ t ≤ 1', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const g = randomGraph(seed, seed % 2 === 0);
      for (const item of [...g.nodes.values()].filter((x) => x.kind === 'Product' || x.kind === 'Part')) {
        const r = importContent(on(g), item.id);
        if (!r.converged) continue;
        expect(r.totalImportContent).toBeGreaterThanOrEqual(-1e-12);
        expect(r.totalImportContent).toBeLessThanOrEqual(1 + 1e-9);
        const sum = r.contributions.reduce((s, c) => s + c.share, 0);
        expect(Math.abs(sum - r.totalImportContent)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('disruption on random graphs', () => {
  it('keeps losses within 0..1 and never lowers a loss when more is removed', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const g = randomGraph(seed, seed % 3 === 0);
      const nodes = [...g.nodes.keys()].sort();
      const rand = prng(seed * 7);
      const small = nodes.filter(() => rand() < 0.2);
      const large = [...new Set([...small, ...nodes.filter(() => rand() < 0.2)])];
      const a = new Map(disruption(on(g), { nodeIds: small }).losses.map((l) => [l.itemId, l.loss]));
      const b = new Map(disruption(on(g), { nodeIds: large, countries: ['CN'] }).losses.map((l) => [l.itemId, l.loss]));
      for (const [id, loss] of [...a, ...b]) {
        expect(loss).toBeGreaterThan(0);
        expect(loss).toBeLessThanOrEqual(1 + 1e-12);
        void id;
      }
      for (const [id, loss] of a) expect(b.get(id) ?? 0).toBeGreaterThanOrEqual(loss - 1e-12);
    }
  });
});

/** True when the links have no directed cycle (Kahn's algorithm empties the graph). */
function acyclic(links: { source: string; target: string }[]): boolean {
  const indegree = new Map<string, number>();
  for (const l of links) {
    indegree.set(l.source, indegree.get(l.source) ?? 0);
    indegree.set(l.target, (indegree.get(l.target) ?? 0) + 1);
  }
  const ready = [...indegree].filter(([, d]) => d === 0).map(([k]) => k);
  let removed = 0;
  while (ready.length > 0) {
    const k = ready.pop()!;
    removed += 1;
    for (const l of links) {
      if (l.source !== k) continue;
      const d = indegree.get(l.target)! - 1;
      indegree.set(l.target, d);
      if (d === 0) ready.push(l.target);
    }
  }
  return removed === indegree.size;
}

describe('value flows on random graphs', () => {
  it('import at X what importContent says, draw no cycle, and fill X to its value', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const g = randomGraph(seed, seed % 2 === 0, seed % 4 < 2);
      for (const item of [...g.nodes.values()].filter((x) => x.kind === 'Product' || x.kind === 'Part')) {
        const t = importContent(on(g), item.id);
        if (!t.converged) continue;
        for (const detail of ['items', 'sites'] as const) {
          const r = valueFlows(on(g), item.id, { minShare: 0, detail });
          // Every dollar of X is imported or added at home somewhere (a cut loop's value is added where it was cut).
          const added = r.nodes.reduce((sum, x) => sum + x.valueAdded, 0);
          if (r.cutLoops === 0) expect(Math.abs(added + r.imported - r.total)).toBeLessThan(1e-9 * r.total);
          for (const x of r.nodes) {
            expect(x.importShare).toBeGreaterThanOrEqual(0);
            expect(x.importShare).toBeLessThanOrEqual(1 + 1e-12);
            expect(x.valueAdded).toBeGreaterThanOrEqual(0);
          }
          expect(Math.abs(r.imported - r.total * t.totalImportContent)).toBeLessThan(1e-9 * r.total);
          expect(acyclic(r.links)).toBe(true);
          const into = r.links.filter((l) => l.target === item.id);
          const inflow = into.reduce((s, l) => s + l.value, 0);
          const importedIn = into.reduce((s, l) => s + l.value * l.importShare, 0);
          if (into.length > 0) expect(Math.abs(inflow - r.total)).toBeLessThan(1e-9 * r.total);
          // A cut loop's imports show as home value added in the picture, never the other way.
          if (r.cutLoops === 0) expect(Math.abs(importedIn - r.imported)).toBeLessThan(1e-9 * r.total);
          else expect(importedIn).toBeLessThanOrEqual(r.imported + 1e-9 * r.total);
          const keys = new Set(r.nodes.map((x) => x.key));
          for (const l of r.links) expect(keys.has(l.source) && keys.has(l.target)).toBe(true);
        }
      }
    }
  });
});

describe('value flows do not depend on the order edges are stored in', () => {
  it('draws the same Sankey from the same graph with its edges shuffled (loops cut in the same place)', () => {
    for (let seed = 1; seed <= 120; seed += 1) {
      // Odd seeds only: graphs with recycling loops, where the cut depends on the walk's order.
      const g = randomGraph(2 * seed + 1, false, seed % 2 === 0);
      const rand = prng(seed * 31);
      const shuffled = [...g.edges];
      for (let i = shuffled.length - 1; i > 0; i -= 1) {
        const j = Math.floor(rand() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      const h = chainGraph([...g.nodes.values()].reverse(), shuffled, g.homeCountry);
      for (const item of [...g.nodes.values()].filter((x) => x.kind === 'Product' || x.kind === 'Part')) {
        for (const detail of ['items', 'sites'] as const) {
          const a = valueFlows(on(g), item.id, { minShare: 0, detail });
          const b = valueFlows(on(h), item.id, { minShare: 0, detail });
          const canon = (r: typeof a) => ({
            cutLoops: r.cutLoops,
            nodes: r.nodes.map((x) => `${x.key} ${x.value.toFixed(9)}`).sort(),
            links: r.links.map((l) => `${l.source}>${l.target} ${l.value.toFixed(9)}`).sort(),
          });
          expect(canon(b), `seed ${2 * seed + 1} ${item.id} ${detail}`).toEqual(canon(a));
        }
      }
    }
  });
});

// The in-memory snapshot against the reference solvers on the same graphs: 150 random chains
// (seeded) with plants of several outputs, bills of materials, recycling cycles, foreign and
// re-exported supplies and missing figures. The snapshot must hand back the graph it was given,
// and disruption on its typed arrays must equal disruption() on the ChainGraph; walks must equal
// a plain hop-by-hop breadth-first search.

import { describe, expect, it } from 'vitest';
import { chainGraph, type ChainGraph } from '../../src/model/graph.js';
import type { EdgeRecord } from '../../src/model/records.js';
import { CHAIN_EDGE_TYPES } from '../../src/model/kinds.js';
import { disruption } from '../../src/analytics/disruption.js';
import { figureDates } from '../../src/analytics/dates.js';
import { importContent } from '../../src/analytics/import-content.js';
import { engineOf } from '../../src/analytics/engine.js';
import type { GraphSnapshot } from '../../src/analytics/graph-snapshot.js';
import { walkSnapshot } from '../../src/analytics/snapshot-walk.js';
import { e, n } from '../../src/analytics/test-graphs.js';
import { disruption as referenceDisruption } from './disruption.js';
import { prng, randomChain } from './random-chains.js';

function snapshotOf(graph: ChainGraph, version = 1): GraphSnapshot {
  return engineOf(graph, version);
}

describe('a snapshot', () => {
  it('hands back exactly the graph it was built from', () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const graph = randomChain(seed);
      const whole = snapshotOf(graph).wholeGraph();
      // A mine's capacity is not read by any metric, so the snapshot keeps only that it is a dated figure.
      expect([...whole.nodes.values()]).toEqual([...graph.nodes.values()].map(({ capacityTpy: _, ...node }) => ({ ...node, nameFa: '' })));
      expect(whole.edges).toEqual(graph.edges);
    }
  });

  it('gives import content from its upstream subgraph equal to the whole graph’s', () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const graph = randomChain(seed);
      const snap = snapshotOf(graph);
      for (const id of ['i0', 'i1', 'i2', 'i3']) {
        const sub = snap.upstreamGraph(id)!;
        const a = importContent(engineOf(sub), id);
        const b = importContent(snap, id);
        expect(a.totalImportContent, `${seed} ${id}`).toBeCloseTo(b.totalImportContent, 12);
        expect(a.contributions.map((c) => c.itemId)).toEqual(b.contributions.map((c) => c.itemId));
        expect(a.assumptions).toEqual(b.assumptions);
      }
    }
  });
});

describe('figure dates on a snapshot', () => {
  it('equal figureDates() on the graph, whole and for each upstream', () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const graph = randomChain(seed);
      // Mines keep capacityTpy only in the database: the snapshot is told which nodes hold a figure.
      const snap = snapshotOf(graph);
      expect(snap.figureDates(), `seed ${seed}`).toEqual(figureDates(graph));
      const some = [...graph.nodes.keys()].filter((_, i) => i % 3 === 0);
      expect(snap.figureDates(some), `seed ${seed} every third node`).toEqual(figureDates(graph, new Set(some)));
      for (const id of ['i0', 'i1', 'i2']) {
        const sub = snap.upstreamGraph(id)!;
        expect(snap.figureDates(sub.nodes.keys()), `seed ${seed} ${id}`).toEqual(figureDates(graph, new Set(sub.nodes.keys())));
      }
    }
  });

  it('finds the oldest and newest by hand on a small chain', () => {
    const graph = chainGraph(
      [
        n('mine:a', 'Mine', { capacityTpy: 5, asOf: '2019-03' }),
        n('ore', 'Product', { unitValueUsd: 10 }),
        n('plant:b', 'Plant'),
        n('steel', 'Product', { unitValueUsd: 500, asOf: '2024' }),
        // A project's progress is not supply: the chain's dates leave it out.
        n('project:p', 'Project', { progress: 0.5, asOf: '2001' }),
      ],
      [e('EXTRACTS', 'mine:a', 'ore', { capacityTpy: 5, asOf: '2016' }), e('FEEDS', 'ore', 'plant:b'), e('PRODUCES', 'plant:b', 'steel')],
      'IR',
    );
    // Figures: mine:a (2019-03), ore (undated), steel (2024), the EXTRACTS edge (2016); plant:b, FEEDS and PRODUCES hold none.
    expect(snapshotOf(graph).figureDates()).toEqual({ oldestAsOf: '2016', newestAsOf: '2024', dated: 3, undated: 1 });
  });
});

describe('disruption on the engine', () => {
  it('equals the reference disruption on records, scenario by scenario', () => {
    for (let seed = 1; seed <= 150; seed += 1) {
      const graph = randomChain(seed);
      const snap = snapshotOf(graph);
      const rand = prng(seed * 7);
      const ids = [...graph.nodes.keys()];
      const scenarios = [
        { countries: ['CN'] },
        { countries: ['DE', 'TR'] },
        { allImports: true },
        { nodeIds: [ids[Math.floor(rand() * ids.length)]!] },
        { nodeIds: [ids[Math.floor(rand() * ids.length)]!, ids[Math.floor(rand() * ids.length)]!], countries: ['IR'] },
      ];
      for (const scenario of scenarios) {
        const expected = referenceDisruption(graph, scenario);
        const got = disruption(snap, scenario);
        const label = `seed ${seed} ${JSON.stringify(scenario)}`;
        // The same items and losses; the order may differ only between losses equal to 1e-12
        // (the two solvers iterate in different orders, so such ties differ in the last bits).
        const lossOf = new Map(expected.losses.map((l) => [l.itemId, l.loss]));
        expect(new Set(got.losses.map((l) => l.itemId)), label).toEqual(new Set(lossOf.keys()));
        got.losses.forEach((l, k) => {
          expect(l.loss, label).toBeCloseTo(lossOf.get(l.itemId)!, 10);
          const next = got.losses[k + 1];
          if (next && Math.abs(next.loss - l.loss) > 1e-12) expect(next.loss, label).toBeLessThan(l.loss);
          if (next && next.loss === l.loss) expect(next.itemId > l.itemId, label).toBe(true);
        });
        expect(new Set(got.finishedGoodsHit.map((l) => l.itemId)), label).toEqual(new Set(expected.finishedGoodsHit.map((l) => l.itemId)));
        expect(got.removedSources, label).toEqual(expected.removedSources);
        expect(got.removedGroups, label).toEqual(expected.removedGroups);
      }
    }
  });

  it('orders losses equal to 12 decimals by id, in either edge order', () => {
    const nodes = [n('z-item', 'Part'), n('a-item', 'Part'), ...['s1', 's2', 's3', 's4'].map((id) => n(`supplier:${id}`, 'Supplier', { country: 'CN' })), ...['h1', 'h2'].map((id) => n(`supplier:${id}`, 'Supplier', { country: 'IR' }))];
    const edges = [
      e('SUPPLIES', 'supplier:s1', 'z-item', { share: 0.1 }),
      e('SUPPLIES', 'supplier:s2', 'z-item', { share: 0.2 }),
      e('SUPPLIES', 'supplier:s3', 'z-item', { share: 0.3 }),
      e('SUPPLIES', 'supplier:h1', 'z-item', { share: 0.4 }),
      e('SUPPLIES', 'supplier:s4', 'a-item', { share: 0.6 }),
      e('SUPPLIES', 'supplier:h2', 'a-item', { share: 0.4 }),
    ];
    for (const order of [edges, [...edges].reverse()]) {
      const got = disruption(snapshotOf(chainGraph(nodes, order, 'IR')), { countries: ['CN'] });
      expect(got.losses.map((l) => l.itemId)).toEqual(['a-item', 'z-item']);
    }
  });

  it('works DOMAIN.md’s example: China stops, steel loses 0.8', () => {
    const snap = snapshotOf(
      chainGraph(
        [n('mine:a', 'Mine'), n('ore', 'Product'), n('plant:pellet', 'Plant'), n('pellet', 'Product'), n('supplier:cn', 'Supplier', { country: 'CN' }), n('electrode', 'Part'), n('plant:steel', 'Plant'), n('supplier:tr', 'Supplier', { country: 'TR' }), n('steel', 'Product')],
        [
          e('EXTRACTS', 'mine:a', 'ore'),
          e('FEEDS', 'ore', 'plant:pellet'),
          e('PRODUCES', 'plant:pellet', 'pellet'),
          e('SUPPLIES', 'supplier:cn', 'electrode'),
          e('FEEDS', 'pellet', 'plant:steel'),
          e('FEEDS', 'electrode', 'plant:steel'),
          e('PRODUCES', 'plant:steel', 'steel', { share: 0.8 }),
          e('SUPPLIES', 'supplier:tr', 'steel', { share: 0.2 }),
        ],
      ),
    );
    const r = disruption(snap, { countries: ['CN'] });
    expect(r.losses).toEqual([
      { itemId: 'electrode', loss: 1 },
      { itemId: 'steel', loss: 0.8 },
    ]);
  });
});

describe('walks on a snapshot', () => {
  it('equal a plain hop-by-hop breadth-first search, cut by maxNodes, and count what lies beyond maxDepth', () => {
    const collator = new Intl.Collator();
    for (let seed = 1; seed <= 80; seed += 1) {
      const graph = randomChain(seed);
      const snap = snapshotOf(graph);
      const rand = prng(seed * 13);
      const ids = [...graph.nodes.keys()];
      for (let t = 0; t < 5; t += 1) {
        const root = ids[Math.floor(rand() * ids.length)]!;
        const up = rand() < 0.5;
        const maxDepth = 1 + Math.floor(rand() * 5);
        const maxNodes = 1 + Math.floor(rand() * 30);
        const adjacent = (id: string) => graph.edges.filter((x) => CHAIN_EDGE_TYPES.includes(x.type as never) && (up ? x.to === id : x.from === id));
        // Reference: the walk the API ran hop by hop over the database.
        const depth = new Map([[root, 0]]);
        const walked = new Set<EdgeRecord>();
        let frontier = [root];
        let truncated = false;
        for (let d = 1; d <= maxDepth && frontier.length && !truncated; d += 1) {
          const hits = frontier.flatMap(adjacent);
          const next = [...new Set(hits.map((x) => (up ? x.from : x.to)).filter((id) => !depth.has(id)))].sort((a, b) => collator.compare(a, b) || collator.compare(a, b));
          const added: string[] = [];
          for (const id of next) {
            if (depth.size >= maxNodes) {
              truncated = true;
              break;
            }
            depth.set(id, d);
            added.push(id);
          }
          for (const x of hits) if (depth.has(x.from) && depth.has(x.to)) walked.add(x);
          frontier = added;
        }
        // Reference distances over the whole reach.
        const dist = new Map([[root, 0]]);
        let level = [root];
        while (level.length) {
          const next: string[] = [];
          for (const id of level) for (const x of adjacent(id)) {
            const u = up ? x.from : x.to;
            if (!dist.has(u)) {
              dist.set(u, dist.get(id)! + 1);
              next.push(u);
            }
          }
          level = next;
        }
        const w = walkSnapshot(snap, snap.index.get(root)!, up ? 'upstream' : 'downstream', maxDepth, maxNodes);
        const label = `seed ${seed} ${root} ${up ? 'up' : 'down'} ${maxDepth} ${maxNodes}`;
        expect([...w.nodes].map((v, k) => `${snap.ids[v]}@${w.depths[k]}`), label).toEqual([...depth].map(([id, d]) => `${id}@${d}`));
        expect(new Set(w.edges.map((x) => snap.edgeRecord(x))), label).toEqual(walked);
        expect(w.truncated, label).toBe(truncated);
        expect(w.nodesAtNextDepth, label).toBe([...dist.values()].filter((d) => d === maxDepth + 1).length);
        expect(w.nodesBeyondDepth, label).toBe([...dist.values()].filter((d) => d > maxDepth).length);
      }
    }
  });
});

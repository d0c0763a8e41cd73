import { describe, expect, it } from 'vitest';
import { chainGraph } from '../model/graph.js';
import { chokepoints, disruption, setChokepoints } from './disruption.js';
import { e, n, workedExample, on } from './test-graphs.js';

const close = (x: number) => expect.closeTo(x, 12);

describe("DOMAIN.md's worked example", () => {
  const g = workedExample();

  it('"CN": the electrode is lost; steel loses its plant, which lacks its scarcest input', () => {
    // steel: 0.8 × max(pellet 0, electrode 1) + 0.2 × 0 = 0.8.
    const r = disruption(on(g), { countries: ['CN'] });
    expect(r.losses).toEqual([
      { itemId: 'electrode', loss: 1 },
      { itemId: 'steel', loss: close(0.8) },
    ]);
    expect(r.finishedGoodsHit).toEqual([]);
    expect(r.converged).toBe(true);
  });

  it('every upstream node of steel but the Turkish importer is a chokepoint at 0.8', () => {
    const found = chokepoints(on(g), 'steel', 0.8);
    expect(found.map((c) => c.nodeId).sort()).toEqual(['electrode', 'mine:a', 'ore', 'pellet', 'plant:pellet', 'plant:steel', 'supplier:cn']);
    for (const c of found) expect(c.impact).toEqual(close(0.8));
    // The importer alone costs 0.2, which only a lower bar admits.
    expect(chokepoints(on(g), 'steel', 0.2).map((c) => c.nodeId)).toContain('supplier:tr');
  });

  it('nothing is a chokepoint at the default bar of 1: steel keeps its Turkish share', () => {
    expect(chokepoints(on(g), 'steel')).toEqual([]);
    // The electrode has one supplier: it is the electrode's chokepoint at 1.
    expect(chokepoints(on(g), 'electrode')).toEqual([{ nodeId: 'supplier:cn', impact: 1 }]);
  });

  it('"all imports" cuts every foreign source', () => {
    const losses = Object.fromEntries(disruption(on(g), { allImports: true }).losses.map((l) => [l.itemId, l.loss]));
    // electrode 1; steel: plant 0.8 × 1 (electrode) + importer 0.2 × 1 (cut) = 1.
    expect(losses).toEqual({ electrode: 1, steel: close(1) });
  });

  it('removing a named item loses all of it and what needs it', () => {
    const losses = Object.fromEntries(disruption(on(g), { nodeIds: ['pellet'] }).losses.map((l) => [l.itemId, l.loss]));
    expect(losses).toEqual({ pellet: 1, steel: close(0.8) });
  });
});

describe('fixed proportions, shares and cycles', () => {
  // widget: 0.6 from a home plant (needs a and b), 0.4 from a German supplier.
  // a: half from a home mine, half from China. b: only from India.
  const g = chainGraph(
    [
      n('widget', 'Product', { stage: 'FINISHED' }),
      n('a', 'Product'),
      n('b', 'Product'),
      n('plant:w', 'Plant'),
      n('mine:a', 'Mine'),
      n('supplier:cn', 'Supplier', { country: 'CN' }),
      n('supplier:in', 'Supplier', { country: 'IN' }),
      n('supplier:de', 'Supplier', { country: 'DE' }),
    ],
    [
      e('PRODUCES', 'plant:w', 'widget', { share: 0.6 }),
      e('SUPPLIES', 'supplier:de', 'widget', { share: 0.4 }),
      e('FEEDS', 'a', 'plant:w', { quantityPerUnit: 1 }),
      e('FEEDS', 'b', 'plant:w', { quantityPerUnit: 1 }),
      e('EXTRACTS', 'mine:a', 'a', { share: 0.5 }),
      e('SUPPLIES', 'supplier:cn', 'a', { share: 0.5 }),
      e('SUPPLIES', 'supplier:in', 'b'),
    ],
  );

  it('the scarcest input limits the plant', () => {
    // CN: a loses 0.5, b 0; the plant loses max(0.5, 0) = 0.5 → widget 0.6 × 0.5 = 0.3.
    expect(disruption(on(g), { countries: ['CN'] }).finishedGoodsHit).toEqual([{ itemId: 'widget', loss: close(0.3) }]);
    // CN and IN: a 0.5, b 1 → plant loses 1 → widget 0.6.
    expect(disruption(on(g), { countries: ['CN', 'IN'] }).finishedGoodsHit).toEqual([{ itemId: 'widget', loss: close(0.6) }]);
    // DE as well: widget loses 0.6 + 0.4 = 1.
    expect(disruption(on(g), { countries: ['CN', 'IN', 'DE'] }).finishedGoodsHit).toEqual([{ itemId: 'widget', loss: close(1) }]);
  });

  it('a country removes the deliveries from it even through a home trader', () => {
    const traded = chainGraph([n('roll', 'Part'), n('supplier:trader', 'Supplier')], [e('SUPPLIES', 'supplier:trader', 'roll', { originCountry: 'CN' })]);
    expect(disruption(on(traded), { countries: ['CN'] }).losses).toEqual([{ itemId: 'roll', loss: 1 }]);
    expect(disruption(on(traded), { countries: ['IN'] }).losses).toEqual([]);
  });

  it('takes the least fixed point on a recycling cycle', () => {
    // steel ← EAF (scrap + electrode); scrap ← shredder (steel). Nothing removed: no loss, even
    // though "everything lost" would also be a fixed point of the cycle.
    const cyc = chainGraph(
      [n('steel', 'Product'), n('scrap', 'Product'), n('electrode', 'Part'), n('plant:eaf', 'Plant'), n('plant:shredder', 'Plant'), n('supplier:cn', 'Supplier', { country: 'CN' })],
      [
        e('PRODUCES', 'plant:eaf', 'steel'),
        e('FEEDS', 'scrap', 'plant:eaf'),
        e('FEEDS', 'electrode', 'plant:eaf'),
        e('PRODUCES', 'plant:shredder', 'scrap'),
        e('FEEDS', 'steel', 'plant:shredder'),
        e('SUPPLIES', 'supplier:cn', 'electrode'),
      ],
    );
    expect(disruption(on(cyc), {}).losses).toEqual([]);
    // Without electrodes the EAF stops, and with it the scrap it would recycle.
    expect(disruption(on(cyc), { countries: ['CN'] }).losses.map((l) => [l.itemId, l.loss])).toEqual([
      ['electrode', 1],
      ['scrap', 1],
      ['steel', 1],
    ]);
  });
});

describe('long solves stop when the caller says so', () => {
  // One solve per candidate can hold a server for as long as the chain is big: the caller's
  // checkpoint (the request's deadline) runs before each solve and may stop the work.
  const stopAfter = (solves: number) => {
    let calls = 0;
    return () => {
      calls += 1;
      if (calls > solves) throw new Error(`stopped after ${solves} solves`);
    };
  };

  it('chokepoints asks before every candidate, and stops', () => {
    const graph = workedExample();
    let asked = 0;
    const all = chokepoints(on(graph), 'steel', 0, { checkpoint: () => void (asked += 1) });
    // Every upstream node but steel itself is a candidate (the worked example has nine nodes).
    expect(asked).toBe(graph.nodes.size - 1);
    expect(all.length).toBeGreaterThan(0);
    expect(() => chokepoints(on(graph), 'steel', 0, { checkpoint: stopAfter(2) })).toThrow('stopped after 2 solves');
  });

  it('setChokepoints asks before every set, and stops', () => {
    const sets = [{ key: 'a', nodeIds: ['supplier:cn'] }, { key: 'b', nodeIds: ['mine:a'] }, { key: 'c', nodeIds: ['supplier:tr'] }];
    let asked = 0;
    expect(setChokepoints(on(workedExample()), 'steel', sets, 0, { checkpoint: () => void (asked += 1) })).toHaveLength(3);
    expect(asked).toBe(3);
    expect(() => setChokepoints(on(workedExample()), 'steel', sets, 0, { checkpoint: stopAfter(1) })).toThrow('stopped after 1 solves');
  });
});

describe('losses that differ only in the last bits', () => {
  // z-item loses 0.1 + 0.2 + 0.3, summed in edge order: 0.6000000000000001 one way, 0.6 the
  // other; a-item loses 0.6. Equal to 12 decimals, they must come in id order whatever the order
  // the edges were read in (the database and the snapshot read them differently).
  const nodes = [
    n('z-item', 'Part'),
    n('a-item', 'Part'),
    ...['s1', 's2', 's3', 's4'].map((id) => n(`supplier:${id}`, 'Supplier', { country: 'CN' })),
    ...['h1', 'h2'].map((id) => n(`supplier:${id}`, 'Supplier', { country: 'IR' })),
  ];
  const edges = [
    e('SUPPLIES', 'supplier:s1', 'z-item', { share: 0.1 }),
    e('SUPPLIES', 'supplier:s2', 'z-item', { share: 0.2 }),
    e('SUPPLIES', 'supplier:s3', 'z-item', { share: 0.3 }),
    e('SUPPLIES', 'supplier:h1', 'z-item', { share: 0.4 }),
    e('SUPPLIES', 'supplier:s4', 'a-item', { share: 0.6 }),
    e('SUPPLIES', 'supplier:h2', 'a-item', { share: 0.4 }),
  ];

  it('are ordered by id, in either edge order', () => {
    for (const order of [edges, [...edges].reverse()]) {
      const r = disruption(on(chainGraph(nodes, order, 'IR')), { countries: ['CN'] });
      expect(r.losses.map((l) => l.itemId)).toEqual(['a-item', 'z-item']);
      expect(r.losses[1]!.loss).toBeCloseTo(0.6, 12);
    }
  });
});

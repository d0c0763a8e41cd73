import { describe, expect, it } from 'vitest';
import { chainGraph } from '../model/graph.js';
import { chainBalance } from './chain-balance.js';
import { e, n, workedExample, on } from './test-graphs.js';

describe("DOMAIN.md's worked example", () => {
  it('shows the gaps from ore to steel', () => {
    const rows = Object.fromEntries(chainBalance(on(workedExample())).map((r) => [r.itemId, r]));
    // ore 1,000 − 1.5 × 600 = 100; pellet 600 − 1.4 × 400 = 40.
    expect(rows.ore).toMatchObject({ homeCapacity: 1000, imports: 0, demand: 900, balance: 100 });
    expect(rows.pellet).toMatchObject({ homeCapacity: 600, demand: expect.closeTo(560, 9), balance: expect.closeTo(40, 9) });
    // electrode 0 − 0.01 × 400 = −4, with 2 imported covering half the gap.
    expect(rows.electrode).toMatchObject({ homeCapacity: 0, imports: 2, demand: 4, balance: -4 });
    // steel: 400 at home, 100 imported, no modelled demand.
    expect(rows.steel).toMatchObject({ homeCapacity: 400, imports: 100, demand: 0, balance: 400, missing: [] });
  });

  it('filters by stage and keeps a requested order', () => {
    expect(chainBalance(on(workedExample()), { stage: 'ORE' }).map((r) => r.itemId)).toEqual(['ore']);
    expect(chainBalance(on(workedExample()), { ids: ['steel', 'ore'] }).map((r) => r.itemId)).toEqual(['steel', 'ore']);
  });
});

describe('outputs, bills of materials, final demand and missing figures', () => {
  it('counts demand from the matching outputs, assemblies and final demand', () => {
    // Plant P makes a (100 t/y) and b (200 t/y); x feeds only a at 2 per t; z feeds both at 1 per t.
    // coil goes into car (2 per car); the car plant makes 50 cars; coil also has 30 of final demand.
    const g = chainGraph(
      [
        n('plant:p', 'Plant'),
        n('a', 'Product'),
        n('b', 'Product'),
        n('x', 'Product'),
        n('z', 'Product'),
        n('coil', 'Product', { finalDemand: 30 }),
        n('car', 'Product'),
        n('plant:car', 'Plant'),
        n('supplier:home', 'Supplier'),
        n('supplier:cn', 'Supplier', { country: 'CN' }),
      ],
      [
        e('PRODUCES', 'plant:p', 'a', { capacityTpy: 100 }),
        e('PRODUCES', 'plant:p', 'b', { capacityTpy: 200 }),
        e('FEEDS', 'x', 'plant:p', { quantityPerUnit: 2, output: 'a' }),
        e('FEEDS', 'z', 'plant:p', { quantityPerUnit: 1 }),
        e('COMPONENT_OF', 'coil', 'car', { quantity: 2 }),
        e('PRODUCES', 'plant:car', 'car', { capacityTpy: 50 }),
        e('SUPPLIES', 'supplier:home', 'coil', { volumePerYear: 70 }),
        e('SUPPLIES', 'supplier:cn', 'coil', { volumePerYear: 40 }),
        e('SUPPLIES', 'supplier:cn', 'x'),
      ],
    );
    const rows = Object.fromEntries(chainBalance(on(g)).map((r) => [r.itemId, r]));
    expect(rows.x).toMatchObject({ demand: 200, homeCapacity: 0, balance: -200, missing: ['volumePerYear of supplier:cn → x'] });
    expect(rows.z).toMatchObject({ demand: 300, balance: -300 });
    // coil: home 70, imports 40, demand 2 × 50 + 30 = 130 → −60.
    expect(rows.coil).toMatchObject({ homeCapacity: 70, imports: 40, demand: 130, balance: -60, missing: [] });
  });
});

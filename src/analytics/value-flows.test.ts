// Value flows on DOMAIN.md's worked example, every figure worked out by hand:
// steel $500 = plant (w 0.8) $400 + Turkish importer (w 0.2) $100, imported.
// The steel plant's recipe: pellet valueShare 0.5 → $200; electrode 0.01 × $5000 / $500 = 0.1 → $40,
// all imported (Chinese supplier); the plant keeps $400 − $240 = $160 as value added.
// The pellet plant passes 1.5 × $40 / $100 = 0.6 of $200 = $120 to ore, which the mine supplies.
// Imported: $100 + $40 = $140 of $500, t = 0.28.

import { describe, expect, it } from 'vitest';
import { chainGraph } from '../model/graph.js';
import { e, n, workedExample, on } from './test-graphs.js';
import { valueFlows } from './value-flows.js';

const link = (r: ReturnType<typeof valueFlows>, source: string, target: string) => {
  const found = r.links.find((l) => l.source === source && l.target === target);
  expect(found, `${source} → ${target}`).toBeDefined();
  return found!;
};

describe('valueFlows', () => {
  it('splits steel’s $500 with plants drawn as sites: $140 imported', () => {
    const r = valueFlows(on(workedExample()), 'steel', { minShare: 0, detail: 'sites' });
    expect(r.total).toBe(500);
    expect(r.unitValueUsd).toBe(500);
    expect(r.imported).toBeCloseTo(140, 9);
    expect(link(r, 'plant:steel', 'steel').value).toBeCloseTo(400, 9);
    expect(link(r, 'supplier:tr', 'steel').value).toBeCloseTo(100, 9);
    expect(link(r, 'supplier:tr', 'steel').importShare).toBe(1);
    expect(link(r, 'pellet', 'plant:steel').value).toBeCloseTo(200, 9);
    expect(link(r, 'pellet', 'plant:steel').importShare).toBe(0);
    expect(link(r, 'electrode', 'plant:steel').value).toBeCloseTo(40, 9);
    expect(link(r, 'electrode', 'plant:steel').importShare).toBe(1);
    expect(link(r, 'supplier:cn', 'electrode').value).toBeCloseTo(40, 9);
    expect(link(r, 'ore', 'plant:pellet').value).toBeCloseTo(120, 9);
    expect(link(r, 'mine:a', 'ore').value).toBeCloseTo(120, 9);
    const plant = r.nodes.find((x) => x.key === 'plant:steel')!;
    expect(plant.valueAdded).toBeCloseTo(160, 9);
    expect(plant.importShare).toBeCloseTo(40 / 400, 9);
    expect(r.nodes.find((x) => x.key === 'plant:pellet')!.valueAdded).toBeCloseTo(80, 9);
    expect(r.nodes.find((x) => x.key === 'supplier:tr')!.foreign).toBe(true);
    // Everything reaching steel is explained by its two sources: no value-added node.
    expect(r.nodes.some((x) => x.role === 'VALUE_ADDED')).toBe(false);
  });

  it('draws home plants as the items they make by default, the plant’s value added beside steel', () => {
    const r = valueFlows(on(workedExample()), 'steel', { minShare: 0 });
    expect(r.nodes.map((x) => x.key).sort()).toEqual(['added:steel', 'electrode', 'mine:a', 'ore', 'pellet', 'steel', 'supplier:cn', 'supplier:tr']);
    expect(link(r, 'added:steel', 'steel').value).toBeCloseTo(160, 9);
    expect(link(r, 'pellet', 'steel').value).toBeCloseTo(200, 9);
    expect(link(r, 'electrode', 'steel').value).toBeCloseTo(40, 9);
    expect(link(r, 'ore', 'pellet').value).toBeCloseTo(120, 9);
    expect(r.nodes.find((x) => x.key === 'pellet')!.valueAdded).toBeCloseTo(80, 9);
    const inflow = r.links.filter((l) => l.target === 'steel').reduce((s, l) => s + l.value, 0);
    expect(inflow).toBeCloseTo(500, 9);
  });

  it('gathers nodes under the threshold, keeping their imports', () => {
    // At 10 % ($50) the electrode ($40) and its supplier are gathered into "other imports" beside steel.
    const r = valueFlows(on(workedExample()), 'steel', { minShare: 0.1 });
    const other = r.nodes.find((x) => x.role === 'OTHER_IMPORTS')!;
    expect(other.key).toBe('other:imports|steel');
    expect(other.value).toBeCloseTo(40, 9);
    expect(other.count).toBe(1);
    // The electrode passes its $40 on to steel through the group; its own value is $40 too (< $50).
    expect(other.members).toEqual([{ key: 'electrode', nodeId: 'electrode', value: expect.closeTo(40, 9), nodeValue: expect.closeTo(40, 9) }]);
    expect(r.merged).toBe(2);
    expect(r.nodes.some((x) => x.key === 'electrode' || x.key === 'supplier:cn')).toBe(false);
    const imported = r.links.filter((l) => l.target === 'steel').reduce((s, l) => s + l.value * l.importShare, 0);
    expect(imported).toBeCloseTo(140, 9);
  });

  it('cuts a recycling loop and still reports importContent’s figure', () => {
    // Steel scrap back into the pellet plant (0.1 t at $500 per t of pellet at $100: a = 0.5).
    // By hand: t(steel) = 0.2 + 0.8 (0.5 t(pellet) + 0.1); t(pellet) = 0.5 t(steel) + 0.3 · 0 (ore);
    // the pellet plant's recipe: ore 0.6, steel 0.5, scaled by 1.1 → ore 0.6/1.1, steel 0.5/1.1.
    // So t(pellet) = (0.5/1.1) t(steel) and t(steel) = 0.28 + 0.4 · (0.5/1.1) t(steel) → t = 0.28 / (1 − 0.2/1.1).
    const g = workedExample();
    const graph = chainGraph(g.nodes.values(), [...g.edges, e('FEEDS', 'steel', 'plant:pellet', { quantityPerUnit: 0.1 })]);
    const r = valueFlows(on(graph), 'steel', { minShare: 0, detail: 'sites' });
    expect(r.cutLoops).toBe(1);
    expect(r.imported / r.total).toBeCloseTo(0.28 / (1 - 0.2 / 1.1), 9);
    expect(r.links.some((l) => l.source === 'steel')).toBe(false);
  });

  it('works in shares of 1 when the item has no unit value, and refuses a site', () => {
    const graph = chainGraph(
      [n('car', 'Product'), n('chip', 'Part'), n('supplier:cn', 'Supplier', { country: 'CN' })],
      [e('COMPONENT_OF', 'chip', 'car', { quantity: 2 }), e('SUPPLIES', 'supplier:cn', 'chip')],
    );
    // car: implicit home assembly; one line without value data → a = 1/1; the chip is all imported.
    const r = valueFlows(on(graph), 'car', { minShare: 0 });
    expect(r.unitValueUsd).toBeNull();
    expect(r.total).toBe(1);
    expect(r.imported).toBeCloseTo(1, 12);
    expect(link(r, 'chip', 'car').value).toBeCloseTo(1, 12);
    expect(r.assumptions.map((a) => a.code)).toContain('IMPLICIT_ASSEMBLY');
    expect(() => valueFlows(on(graph), 'supplier:cn')).toThrow(/Supplier/);
    expect(() => valueFlows(on(graph), 'nothing')).toThrow(/nothing/);
  });

  it('draws a supplier that imports one item and makes another as half imported, half added at home', () => {
    // By hand: the kit ($100) is half part a, half part b. One home trader delivers both, a from
    // China (originCountry), b from its own workshop: $50 imported, $50 added at home.
    const graph = chainGraph(
      [n('kit', 'Product', { unitValueUsd: 100 }), n('a', 'Part'), n('b', 'Part'), n('supplier:trader', 'Supplier')],
      [
        e('COMPONENT_OF', 'a', 'kit', { valueShare: 0.5 }),
        e('COMPONENT_OF', 'b', 'kit', { valueShare: 0.5 }),
        e('SUPPLIES', 'supplier:trader', 'a', { originCountry: 'CN' }),
        e('SUPPLIES', 'supplier:trader', 'b'),
      ],
    );
    const r = valueFlows(on(graph), 'kit', { minShare: 0 });
    expect(r.imported).toBeCloseTo(50, 9);
    expect(r.nodes.find((x) => x.key === 'supplier:trader')).toMatchObject({ foreign: false, importShare: expect.closeTo(0.5, 9), valueAdded: expect.closeTo(50, 9) });
    expect(link(r, 'supplier:trader', 'a').importShare).toBe(1);
    expect(link(r, 'supplier:trader', 'b').importShare).toBe(0);
    expect(r.nodes.reduce((sum, x) => sum + x.valueAdded, 0)).toBeCloseTo(50, 9);
  });

  it('counts the value added in making X once, on its own node', () => {
    const r = valueFlows(on(workedExample()), 'steel', { minShare: 0 });
    expect(r.nodes.find((x) => x.key === 'steel')!.valueAdded).toBe(0);
    expect(r.nodes.find((x) => x.key === 'added:steel')!.valueAdded).toBeCloseTo(160, 9);
    // $500 = $140 imported + $160 at the steel plant + $80 at the pellet plant + $120 at the mine.
    expect(r.nodes.reduce((sum, x) => sum + x.valueAdded, 0)).toBeCloseTo(360, 9);
  });

  it('never drops a small import into the value added at home', () => {
    // x ($100): ore 0.5 from a home mine, a chip 0.004 all from China. At minShare 0.02 the $0.40
    // chip is far under a quarter of the $2 threshold, yet it stays, as "other imports".
    const graph = chainGraph(
      [n('x', 'Product', { unitValueUsd: 100 }), n('ore', 'Product'), n('chip', 'Part'), n('mine:m', 'Mine'), n('supplier:cn', 'Supplier', { country: 'CN' })],
      [
        e('COMPONENT_OF', 'ore', 'x', { valueShare: 0.5 }),
        e('COMPONENT_OF', 'chip', 'x', { valueShare: 0.004 }),
        e('EXTRACTS', 'mine:m', 'ore'),
        e('SUPPLIES', 'supplier:cn', 'chip'),
      ],
    );
    const r = valueFlows(on(graph), 'x', { minShare: 0.02 });
    expect(r.imported).toBeCloseTo(0.4, 9);
    expect(r.nodes.find((x) => x.role === 'OTHER_IMPORTS')).toMatchObject({ value: expect.closeTo(0.4, 9) });
    const importedIn = r.links.filter((l) => l.target === 'x').reduce((sum, l) => sum + l.value * l.importShare, 0);
    expect(importedIn).toBeCloseTo(0.4, 9);
    expect(r.converged).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { chainGraph } from '../model/graph.js';
import { importContent, importReliantLinks } from './import-content.js';
import { UnknownNodeError } from './errors.js';
import { e, n, workedExample, on } from './test-graphs.js';

const close = (x: number) => expect.closeTo(x, 12);

describe("DOMAIN.md's worked example", () => {
  const g = workedExample();

  it('ore and pellet carry no imports', () => {
    // Ore: one home mine, t = 0. Pellet: a = 1.5 × 40 / 100 = 0.6 on ore, t = 0.6 × 0 = 0.
    expect(importContent(on(g), 'ore').totalImportContent).toBe(0);
    expect(importContent(on(g), 'pellet').totalImportContent).toBe(0);
  });

  it('the electrode is wholly imported', () => {
    const r = importContent(on(g), 'electrode');
    expect([r.directImportShare, r.totalImportContent, r.domesticContent]).toEqual([1, 1, 0]);
  });

  it('steel: m = 0.2, t = 0.2 + 0.8 × (0.5 × 0 + 0.1 × 1) = 0.28, domestic 0.72', () => {
    const r = importContent(on(g), 'steel');
    expect(r.directImportShare).toEqual(close(0.2));
    expect(r.totalImportContent).toEqual(close(0.28));
    expect(r.domesticContent).toEqual(close(0.72));
    // Steel's own imports 0.2; electrodes 0.8 × 0.1 × 1 = 0.08.
    expect(r.contributions).toEqual([
      { itemId: 'steel', share: close(0.2) },
      { itemId: 'electrode', share: close(0.08) },
    ]);
    expect(r.converged).toBe(true);
    expect(r.unmodeled).toEqual([]);
    // No valueShare on the electrode line (0.01 × 5000 / 500 = 0.1) nor on pellet's ore line
    // (1.5 × 40 / 100 = 0.6): both are reported fallbacks.
    expect(r.assumptions.map((a) => `${a.code} ${a.nodeId}`).sort()).toEqual(['QUANTITY_VALUE_COEFFICIENT pellet', 'QUANTITY_VALUE_COEFFICIENT steel']);
  });

  it("steel's import-reliant link at 0.5 is the electrode, contributing 0.08", () => {
    expect(importReliantLinks(on(g), 'steel', 0.5)).toEqual([
      {
        itemId: 'electrode',
        directImportShare: 1,
        onlyForeign: true,
        foreignSuppliers: [{ supplierId: 'supplier:cn', country: 'CN', weight: 1 }],
        countries: ['CN'],
        path: ['electrode', 'plant:steel', 'steel'],
        contribution: close(0.08),
      },
    ]);
  });

  it('refuses an unknown root or one that is not an item', () => {
    expect(() => importContent(on(g), 'nope')).toThrow(UnknownNodeError);
    expect(() => importContent(on(g), 'plant:steel')).toThrow(/products and parts/);
  });
});

describe('a multi-output plant with output on FEEDS', () => {
  // Plant P makes A (100 $) and B (50 $). X (10 $, only from CN) feeds output A at 2 per unit;
  // Y (20 $, a home mine) feeds output B at 1; Z (5 $, only from CN) feeds both (no output).
  const g = chainGraph(
    [
      n('plant:p', 'Plant'),
      n('a', 'Product', { unitValueUsd: 100 }),
      n('b', 'Product', { unitValueUsd: 50 }),
      n('x', 'Product', { unitValueUsd: 10 }),
      n('y', 'Product', { unitValueUsd: 20 }),
      n('z', 'Product', { unitValueUsd: 5 }),
      n('mine:y', 'Mine'),
      n('supplier:cn', 'Supplier', { country: 'CN' }),
    ],
    [
      e('PRODUCES', 'plant:p', 'a', { capacityTpy: 100 }),
      e('PRODUCES', 'plant:p', 'b', { capacityTpy: 200 }),
      e('FEEDS', 'x', 'plant:p', { quantityPerUnit: 2, output: 'a' }),
      e('FEEDS', 'y', 'plant:p', { quantityPerUnit: 1, output: 'b' }),
      e('FEEDS', 'z', 'plant:p', { quantityPerUnit: 1 }),
      e('EXTRACTS', 'mine:y', 'y'),
      e('SUPPLIES', 'supplier:cn', 'x'),
      e('SUPPLIES', 'supplier:cn', 'z'),
    ],
  );

  it('counts only the inputs of each output', () => {
    // A: x 2 × 10 / 100 = 0.2, z 1 × 5 / 100 = 0.05 → t = 0.25 (y is not an input of A).
    expect(importContent(on(g), 'a').totalImportContent).toEqual(close(0.25));
    // B: y 1 × 20 / 50 = 0.4 (home, t 0), z 1 × 5 / 50 = 0.1 → t = 0.1.
    expect(importContent(on(g), 'b').totalImportContent).toEqual(close(0.1));
    expect(importContent(on(g), 'a').contributions.map((c) => c.itemId)).toEqual(['x', 'z']);
  });
});

describe('every fallback, on a car assembled from a bill of materials', () => {
  // car (10,000 $, no source edge) = body (valueShare 0.3) + ecu (1 × 500 $) + 4 seats (no unit value).
  // ecu: a home supplier (recipe: 10 chips × 20 $) and a Chinese one, no shares, one volume → equal.
  // chip: Korean and Taiwanese suppliers with shares 0.6 and 0.6 → normalised.
  // seat: a home plant and a Turkish supplier, both of capacity 0 → equal. The plant takes
  //   foam (valueShare 0.7, only from China) and fabric (valueShare 0.6, from a home plant
  //   with no recipe) → 1.3, scaled to 0.7/1.3 and 0.6/1.3.
  // body: no source and no bill of materials → an origin.
  const g = chainGraph(
    [
      n('car', 'Product', { stage: 'FINISHED', unitValueUsd: 10_000 }),
      n('body', 'Part'),
      n('ecu', 'Part', { unitValueUsd: 500 }),
      n('seat', 'Part'),
      n('chip', 'Part', { unitValueUsd: 20 }),
      n('foam', 'Product'),
      n('fabric', 'Product'),
      n('supplier:home-ecu', 'Supplier'),
      n('supplier:cn-ecu', 'Supplier', { country: 'CN' }),
      n('supplier:kr', 'Supplier', { country: 'KR' }),
      n('supplier:tw', 'Supplier', { country: 'TW' }),
      n('plant:seat', 'Plant'),
      n('supplier:tr-seat', 'Supplier', { country: 'TR' }),
      n('supplier:cn-foam', 'Supplier', { country: 'CN' }),
      n('plant:textile', 'Plant'),
    ],
    [
      e('COMPONENT_OF', 'body', 'car', { quantity: 1, valueShare: 0.3 }),
      e('COMPONENT_OF', 'ecu', 'car', { quantity: 1 }),
      e('COMPONENT_OF', 'seat', 'car', { quantity: 4 }),
      e('SUPPLIES', 'supplier:home-ecu', 'ecu'),
      e('SUPPLIES', 'supplier:cn-ecu', 'ecu', { volumePerYear: 10 }),
      e('COMPONENT_OF', 'chip', 'ecu', { quantity: 10 }),
      e('SUPPLIES', 'supplier:kr', 'chip', { share: 0.6 }),
      e('SUPPLIES', 'supplier:tw', 'chip', { share: 0.6 }),
      e('PRODUCES', 'plant:seat', 'seat', { capacityTpy: 0 }),
      e('SUPPLIES', 'supplier:tr-seat', 'seat', { volumePerYear: 0 }),
      e('FEEDS', 'foam', 'plant:seat', { quantityPerUnit: 2, valueShare: 0.7 }),
      e('FEEDS', 'fabric', 'plant:seat', { quantityPerUnit: 1, valueShare: 0.6 }),
      e('SUPPLIES', 'supplier:cn-foam', 'foam'),
      e('PRODUCES', 'plant:textile', 'fabric'),
    ],
  );
  const r = importContent(on(g), 'car');
  const tSeat = 0.5 + 0.5 * (0.7 / 1.3); // 0.7692307…
  const tEcu = 0.5 + 0.5 * 0.4; // 0.7 (chip coefficient 10 × 20 / 500 = 0.4, chip t = 1)
  const tCar = 0.3 * 0 + 0.05 * tEcu + (1 / 3) * tSeat; // ecu 1 × 500 / 10,000 = 0.05; seat 1/3

  it('solves the car through every tier', () => {
    expect(r.directImportShare).toBe(0);
    expect(r.totalImportContent).toEqual(close(tCar));
    expect(r.totalImportContent).toEqual(close(0.29141025641025));
  });

  it('says where the imports enter, summing to the total', () => {
    const byItem = Object.fromEntries(r.contributions.map((c) => [c.itemId, c.share]));
    expect(byItem).toEqual({
      seat: close((1 / 3) * 0.5), // y_seat = 1/3, m = 0.5
      foam: close((1 / 3) * 0.5 * (0.7 / 1.3)), // y_foam = 1/3 × 0.5 × 0.7/1.3, m = 1
      ecu: close(0.05 * 0.5), // y_ecu = 0.05, m = 0.5
      chip: close(0.05 * 0.5 * 0.4), // y_chip = 0.05 × 0.5 × 0.4, m = 1
    });
    expect(r.contributions.reduce((s, c) => s + c.share, 0)).toEqual(close(tCar));
  });

  it('reports every fallback it used, and the unmodeled origin', () => {
    const codes = r.assumptions.map((a) => `${a.code} ${a.nodeId}`).sort();
    expect(codes).toEqual([
      'EQUAL_COEFFICIENT car',
      'EQUAL_WEIGHTS ecu',
      'IMPLICIT_ASSEMBLY car',
      'ORIGIN body',
      'QUANTITY_VALUE_COEFFICIENT car',
      'QUANTITY_VALUE_COEFFICIENT ecu',
      'SCALED_RECIPE seat',
      'SHARES_NORMALISED chip',
      'ZERO_CAPACITY seat',
    ]);
    expect(r.unmodeled).toEqual(['body']);
    expect(r.assumptions.find((a) => a.code === 'SCALED_RECIPE')?.message).toBe('seat: input value shares sum to 1.3; scaled to sum to 1');
  });

  it('lists the links at the default threshold, biggest contribution first', () => {
    const links = importReliantLinks(on(g), 'car');
    // m ≥ 0.5 or only foreign sources: seat 0.5, ecu 0.5, foam 1 (only CN), chip 1 (only KR/TW).
    expect(links.map((l) => [l.itemId, l.onlyForeign])).toEqual([
      ['seat', false],
      ['foam', true],
      ['ecu', false],
      ['chip', true],
    ]);
    const chip = links.find((l) => l.itemId === 'chip')!;
    expect(chip.countries).toEqual(['KR', 'TW']);
    expect(chip.foreignSuppliers.map((s) => s.weight)).toEqual([close(0.5), close(0.5)]);
    expect(chip.path).toEqual(['chip', 'ecu', 'car']);
    expect(links.find((l) => l.itemId === 'foam')!.path).toEqual(['foam', 'plant:seat', 'seat', 'car']);
  });
});

describe('capacity weights', () => {
  it('weighs by capacity and volume when shares are incomplete', () => {
    // Home plant 300 t (with a share), Chinese supplier 100 t (without): m = 100 / 400 = 0.25.
    const g = chainGraph(
      [n('j', 'Product'), n('plant:j', 'Plant'), n('supplier:cn', 'Supplier', { country: 'CN' })],
      [e('PRODUCES', 'plant:j', 'j', { capacityTpy: 300, share: 0.9 }), e('SUPPLIES', 'supplier:cn', 'j', { volumePerYear: 100 })],
    );
    const r = importContent(on(g), 'j');
    expect(r.directImportShare).toEqual(close(0.25));
    expect(r.assumptions.map((a) => a.code)).toEqual(['CAPACITY_WEIGHTS']);
  });
});

describe('a recycling cycle', () => {
  // steel ← EAF plant: scrap (valueShare 0.4) + electrode (0.1, only from China);
  // scrap ← shredder plant: steel (valueShare 0.5). So t_steel = 0.1 + 0.4 × 0.5 × t_steel,
  // the geometric series 0.1 × (1 + 0.2 + 0.04 + …) = 0.1 / 0.8 = 0.125, and t_scrap = 0.0625.
  const g = chainGraph(
    [
      n('steel', 'Product'),
      n('scrap', 'Product'),
      n('electrode', 'Part'),
      n('plant:eaf', 'Plant'),
      n('plant:shredder', 'Plant'),
      n('supplier:cn', 'Supplier', { country: 'CN' }),
    ],
    [
      e('PRODUCES', 'plant:eaf', 'steel'),
      e('FEEDS', 'scrap', 'plant:eaf', { valueShare: 0.4 }),
      e('FEEDS', 'electrode', 'plant:eaf', { valueShare: 0.1 }),
      e('PRODUCES', 'plant:shredder', 'scrap'),
      e('FEEDS', 'steel', 'plant:shredder', { valueShare: 0.5 }),
      e('SUPPLIES', 'supplier:cn', 'electrode'),
    ],
  );

  it('converges to the closed form', () => {
    const steel = importContent(on(g), 'steel');
    expect(steel.totalImportContent).toEqual(close(0.125));
    expect(steel.converged).toBe(true);
    expect(importContent(on(g), 'scrap').totalImportContent).toEqual(close(0.0625));
    // All of it enters through the electrode: y = 1 / (1 − 0.2) × 0.1 = 0.125.
    expect(steel.contributions).toEqual([{ itemId: 'electrode', share: close(0.125) }]);
  });

  it('reports non-convergence for a loop that feeds itself fully', () => {
    // x is made only from x (valueShare 1): L = (I − B)⁻¹ does not exist.
    const loop = chainGraph([n('x', 'Product'), n('plant:x', 'Plant')], [e('PRODUCES', 'plant:x', 'x'), e('FEEDS', 'x', 'plant:x', { valueShare: 1 })]);
    expect(importContent(on(loop), 'x').converged).toBe(false);
  });
});

describe('a home trader reselling imports', () => {
  it('counts the goods as foreign by their origin, not the trader’s country', () => {
    const g = chainGraph(
      [n('roll', 'Part'), n('supplier:trader', 'Supplier')],
      [e('SUPPLIES', 'supplier:trader', 'roll', { originCountry: 'CN' })],
    );
    const [link] = importReliantLinks(on(g), 'roll', 0.5).concat(importReliantLinks(on(chainGraph([...g.nodes.values(), n('mill', 'Product')], [...g.edges, e('COMPONENT_OF', 'roll', 'mill', { quantity: 1 })])), 'mill'));
    expect(importContent(on(g), 'roll').directImportShare).toBe(1);
    expect(link).toMatchObject({ itemId: 'roll', onlyForeign: true, countries: ['CN'], foreignSuppliers: [{ supplierId: 'supplier:trader', country: 'CN' }] });
  });
});

import { describe, expect, it } from 'vitest';
import { GraphSnapshot } from './graph-snapshot.js';
import { compareCodePoints, linksOf } from './snapshot-links.js';

describe('compareCodePoints', () => {
  it('orders by code point, unlike UTF-16 code units beyond U+FFFF', () => {
    // U+FF21 (Ａ) is below U+1D400 (𝐀), though its code unit 0xFF21 is above the pair's 0xD835.
    expect(compareCodePoints('\uFF21', '\u{1D400}')).toBeLessThan(0);
    expect('\uFF21' < '\u{1D400}').toBe(false);
    expect(['b', 'B', 'a', 'ab', '', 'Á'].sort(compareCodePoints)).toEqual(['', 'B', 'a', 'ab', 'b', 'Á']);
  });
});

describe('linksOf', () => {
  const snap = new GraphSnapshot(1, 'IR');
  for (const [id, kind, name] of [
    ['product:x', 'Product', 'X'],
    ['plant:b', 'Plant', 'Beta'],
    ['plant:a', 'Plant', 'Beta'],
    ['mine:z', 'Mine', 'Alpha'],
    ['supplier:s', 'Supplier', 'Aardvark'],
    ['product:y', 'Product', 'Y'],
  ] as const)
    snap.addNode({ id, kind, name });
  snap.addEdge({ type: 'SUPPLIES', from: 'supplier:s', to: 'product:x', volumePerYear: 3, originCountry: 'CN' });
  snap.addEdge({ type: 'PRODUCES', from: 'plant:b', to: 'product:x', share: 0.5 });
  snap.addEdge({ type: 'PRODUCES', from: 'plant:a', to: 'product:x', capacityTpy: 10 });
  snap.addEdge({ type: 'EXTRACTS', from: 'mine:z', to: 'product:x' });
  snap.addEdge({ type: 'FEEDS', from: 'product:y', to: 'plant:a', quantityPerUnit: 2, output: 'product:x' });
  snap.build();

  it('orders by type, then name, then id, with the edge properties held', () => {
    const links = linksOf(snap, 'product:x', 'in', ['EXTRACTS', 'PRODUCES', 'SUPPLIES']);
    // Worked by hand: EXTRACTS < PRODUCES < SUPPLIES; the two plants share a name, so plant:a first.
    expect(links.map((l) => l.ref.id)).toEqual(['mine:z', 'plant:a', 'plant:b', 'supplier:s']);
    expect(links[3]).toEqual({ edge: { type: 'SUPPLIES', from: 'supplier:s', to: 'product:x', volumePerYear: 3, originCountry: 'CN' }, ref: { id: 'supplier:s', kind: 'Supplier' } });
    expect(links[1]!.edge).toEqual({ type: 'PRODUCES', from: 'plant:a', to: 'product:x', capacityTpy: 10 });
  });

  it('follows one direction and only the types asked for', () => {
    expect(linksOf(snap, 'plant:a', 'in', ['FEEDS']).map((l) => l.edge)).toEqual([{ type: 'FEEDS', from: 'product:y', to: 'plant:a', quantityPerUnit: 2, output: 'product:x' }]);
    expect(linksOf(snap, 'plant:a', 'out', ['FEEDS'])).toEqual([]);
    expect(linksOf(snap, 'product:x', 'in', ['COMPONENT_OF'])).toEqual([]);
    expect(linksOf(snap, 'product:unknown', 'in', ['FEEDS'])).toEqual([]);
  });
});

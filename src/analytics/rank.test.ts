import { describe, expect, it } from 'vitest';
import { rankKey } from './rank.js';

describe('rankKey', () => {
  it('ties sums that differ only in the last bits, and keeps every real difference', () => {
    expect(0.1 + 0.2 + 0.3).not.toBe(0.3 + 0.2 + 0.1);
    expect(rankKey(0.1 + 0.2 + 0.3)).toBe(rankKey(0.3 + 0.2 + 0.1));
    expect(rankKey(0.600000000002)).toBeGreaterThan(rankKey(0.6));
    expect(rankKey(1)).toBeGreaterThan(rankKey(0.999999999998));
  });
});

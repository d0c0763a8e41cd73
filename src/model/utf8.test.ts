import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from './utf8.js';

describe('firstInvalidUtf8', () => {
  it('accepts ASCII, Persian and 4-byte characters', () => {
    expect(firstInvalidUtf8(Buffer.from('mine:sungun معدن سونگون 𝄞'))).toBe(-1);
  });
  it.each([
    ['a lone continuation byte', [0x61, 0x80, 0x62], 1],
    ['a truncated 2-byte sequence at the end', [0x61, 0xd8], 1],
    ['a truncated 3-byte sequence', [0xe2, 0x82, 0x61], 0],
    ['an overlong slash', [0x61, 0xc0, 0xaf], 1],
    ['an overlong 3-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['0xFF', [0x70, 0x61, 0xff], 2],
  ])('finds %s', (_what, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
    expect(Buffer.from(bytes).toString('utf8')).toContain('\uFFFD');
  });
});

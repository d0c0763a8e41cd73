import { describe, expect, it } from 'vitest';
import { formatTable } from './text-table.js';

describe('formatTable', () => {
  it('escapes control characters in cells, so a stored name cannot drive the terminal (issue 22)', () => {
    const out = formatTable(['name'], [['Evil \u001b[31mRED\u001b]0;pwned\u0007\u009b']]);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('Evil \\x1b[31mRED\\x1b]0;pwned\\x07\\x9b');
  });
});

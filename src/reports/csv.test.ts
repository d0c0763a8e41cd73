import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('CSV for spreadsheets', () => {
  it('writes numbers in full and unformatted, negative ones included', () => {
    expect([csvCell(0.13996318), csvCell(-365514), csvCell(1e-7), csvCell(Number.NaN), csvCell(null), csvCell(true)]).toEqual(['0.13996318', '-365514', '1e-7', '', '', 'true']);
  });

  it('makes text a spreadsheet would run inert, whatever the formula character', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('quotes commas, quotes, line breaks and edge spaces', () => {
    expect([csvCell('a,b'), csvCell('say "hi"'), csvCell('two\nlines'), csvCell(' padded')]).toEqual(['"a,b"', '"say ""hi"""', '"two\nlines"', '" padded"']);
  });

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    expect(toCsv({ columns: ['a', 'b'], rows: [['پژو', 1]] })).toBe('\uFEFFa,b\r\nپژو,1\r\n');
  });
});

// A report table as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Persian),
// one header row, CRLF line ends (RFC 4180), numbers written in full as numbers, and text that a
// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) made
// inert with a leading apostrophe. Real numbers are never touched: -4 stays the number -4.

import type { Cell, Table } from './registry.js';

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: Table): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

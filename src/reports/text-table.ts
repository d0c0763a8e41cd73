// Plain-text tables for reports: columns padded to their widest cell, numbers right-aligned, and
// one number format everywhere: quantities with thousands separators, shares as percentages.

export interface Percent {
  percent: number;
}

export type Cell = string | number | Percent | null | undefined;

/** A share (0..1) shown as a percentage with one decimal: 0.1396 → 14.0%. */
export const percent = (x: number | null | undefined): Cell => (typeof x === 'number' ? { percent: x } : null);

export function formatTable(headers: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map(formatCell));
  headers = headers.map(escapeControls);
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...text.map((r) => displayWidth(r[i] ?? ''))));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => isNumeric(r[i])));
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : pad(c, widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

const isNumeric = (c: Cell) => c === null || c === undefined || typeof c === 'number' || typeof c === 'object';

/** Quantities: whole numbers with thousands separators, up to two decimals below 100. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  return x.toLocaleString('en', { maximumFractionDigits: Math.abs(x) < 100 && !Number.isInteger(x) ? 2 : 0 });
}

export function formatPercent(x: number): string {
  if (x !== 0 && Math.abs(x) < 0.0005) return `${x < 0 ? '-' : ''}<0.1%`;
  return `${(x * 100).toFixed(1)}%`;
}

function formatCell(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return formatNumber(c);
  if (typeof c === 'object') return formatPercent(c.percent);
  return escapeControls(c);
}

/**
 * Control characters shown as \xNN: records imported before names refused them (or from another
 * tool) must not colour, retitle or clear the terminal of whoever prints a report.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Zero-width joiners and combining marks take no column. */
function displayWidth(s: string): number {
  return [...s.replace(/[\u200B-\u200F\u064B-\u065F\u0670]/g, '')].length;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

// Plain-text tables for reports: columns padded to their widest cell, numbers right-aligned.

export type Cell = string | number | null | undefined;

export function formatTable(headers: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map(formatCell));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...text.map((r) => displayWidth(r[i] ?? ''))));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null || r[i] === undefined));
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : pad(c, widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

function formatCell(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? c.toLocaleString('en') : c.toFixed(4);
  return c;
}

/** Zero-width joiners and combining marks take no column. */
function displayWidth(s: string): number {
  return [...s.replace(/[\u200B-\u200F\u064B-\u065F\u0670]/g, '')].length;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

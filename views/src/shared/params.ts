// The query-string parameters every view understands, read once. Unknown or malformed values fall
// back to the defaults rather than failing: an embed URL typed by hand should still show something.

export type Lang = 'en' | 'fa';
export type Theme = 'light' | 'dark';

export interface CommonParams {
  lang: Lang;
  theme: Theme;
  /** embed=1: no header or controls (except a minimal zoom), sized to the frame. */
  embed: boolean;
  /** legend=0 hides the legend (it is shown by default, also when embedded). */
  legend: boolean;
}

export function readCommon(search: URLSearchParams): CommonParams {
  return {
    lang: search.get('lang')?.toLowerCase() === 'fa' ? 'fa' : 'en',
    theme: search.get('theme')?.toLowerCase() === 'dark' ? 'dark' : 'light',
    embed: truthy(search.get('embed')),
    legend: search.get('legend') === null ? true : truthy(search.get('legend')),
  };
}

export function truthy(value: string | null): boolean {
  return value !== null && ['1', 'true', 'yes', ''].includes(value.toLowerCase());
}

/** An integer within [min, max], or undefined when absent or not a number. */
export function intParam(search: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = search.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return undefined;
  return Math.min(max, Math.max(min, n));
}

/** A number within [min, max], or the fallback. */
export function numberParam(search: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const raw = search.get(name);
  const n = raw === null ? Number.NaN : Number.parseFloat(raw);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** The current URL with some parameters replaced (null removes one): for links between views. */
export function withParams(href: string, changes: Record<string, string | number | null | undefined>, pathname?: string): string {
  const url = new URL(href);
  if (pathname) url.pathname = url.pathname.replace(/[^/]*$/, pathname);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined) url.searchParams.delete(key);
    else url.searchParams.set(key, String(value));
  }
  return url.pathname + url.search;
}

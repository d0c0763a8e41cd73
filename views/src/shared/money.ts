// Compact dollars for axes, labels and sentences: $250K, $1.2B (Persian: ۲۵۰ هزار دلار), and the
// same with a sign for a difference (+$70M, −$1.8M). Below $10,000 the amount is written out.

import type { Lang } from './params.js';

export function compactUsd(lang: Lang, n: number): string {
  const abs = Math.abs(n);
  const locale = lang === 'fa' ? 'fa-IR' : 'en-US';
  if (abs < 10_000) {
    const body = new Intl.NumberFormat(locale, { maximumFractionDigits: abs >= 100 ? 0 : abs >= 1 ? 2 : 3 }).format(n);
    return lang === 'fa' ? `${body} دلار` : `$${body}`;
  }
  const body = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: abs >= 1e12 ? 0 : 1 }).format(n);
  return lang === 'fa' ? `${body} دلار` : `$${body}`;
}

/** A difference of money with its sign always shown: +$70M, −$1.8M (a true minus, not a hyphen). */
export function signedCompactUsd(lang: Lang, n: number): string {
  const text = compactUsd(lang, Math.abs(n));
  return `${n < 0 ? '−' : '+'}${text}`;
}

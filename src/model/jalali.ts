// Solar Hijri (Jalali) dates to ISO dates, so sources dated «۱۴۰۱/۰۵/۲۶» are stored as 2022-08-17.
// The leap rule is the break-table algorithm of Borkowski (as in the jalaali-js library), which
// follows the astronomical calendar in use; the plain 33-year rule disagrees in some years (1403).

import { toAsciiDigits } from './persian.js';

const JALALI_DATE = /^\s*(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})\s*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Returns an ISO date (YYYY-MM-DD) for an ISO or Solar Hijri input, or null when it is neither. */
export function toIsoDate(input: string): string | null {
  const text = toAsciiDigits(input.trim());
  // Years before 1700 are Solar Hijri whatever the separator: no supply-chain fact is Gregorian 1402.
  if (ISO_DATE.test(text) && Number(text.slice(0, 4)) >= 1700) return isValidGregorian(text) ? text : null;
  const m = JALALI_DATE.exec(text);
  if (!m) return null;
  const [jy, jm, jd] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A year below 1700 in this shape is Solar Hijri; Gregorian dates with slashes are ambiguous.
  if (jy >= 1700 || jm < 1 || jm > 12 || jd < 1 || jd > jalaliMonthLength(jy, jm)) return null;
  const { gy, gm, gd } = jalaliToGregorian(jy, jm, jd);
  return `${String(gy).padStart(4, '0')}-${String(gm).padStart(2, '0')}-${String(gd).padStart(2, '0')}`;
}

export function jalaliToGregorian(jy: number, jm: number, jd: number): { gy: number; gm: number; gd: number } {
  const { gy, march } = jalaliYearInfo(jy);
  const dayOfYear = (jm <= 7 ? (jm - 1) * 31 : 186 + (jm - 7) * 30) + jd - 1;
  const date = new Date(Date.UTC(gy, 2, march) + dayOfYear * 86_400_000);
  return { gy: date.getUTCFullYear(), gm: date.getUTCMonth() + 1, gd: date.getUTCDate() };
}

const BREAKS = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];

/** For Jalali year jy: whether it is leap, and the March day (Gregorian year gy) of 1 Farvardin. */
function jalaliYearInfo(jy: number): { leap: boolean; gy: number; march: number } {
  const gy = jy + 621;
  let leapJ = -14;
  let jp = BREAKS[0]!;
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i += 1) {
    const jm = BREAKS[i]!;
    jump = jm - jp;
    if (jy < jm) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  let n = jy - jp;
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  const march = 20 + leapJ - leapG;
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { leap: leap === 0, gy, march };
}

export function isJalaliLeap(jy: number): boolean {
  return jalaliYearInfo(jy).leap;
}

export function jalaliMonthLength(jy: number, jm: number): number {
  if (jm <= 6) return 31;
  if (jm <= 11) return 30;
  return isJalaliLeap(jy) ? 30 : 29;
}

function div(a: number, b: number): number {
  return Math.trunc(a / b);
}

function mod(a: number, b: number): number {
  return a - Math.trunc(a / b) * b;
}

function isValidGregorian(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}

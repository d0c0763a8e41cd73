import { describe, expect, it } from 'vitest';
import { isJalaliLeap, toIsoDate } from './jalali.js';

// Reference dates from the official Iranian calendar (Nowruz dates and known conversions).
describe('Solar Hijri dates', () => {
  it('converts Persian-digit dates as analysts type them', () => {
    expect(toIsoDate('۱۴۰۱/۰۵/۲۶')).toBe('2022-08-17');
  });

  it('puts 1 Farvardin on the March equinox day', () => {
    expect(toIsoDate('1400/01/01')).toBe('2021-03-21');
    expect(toIsoDate('1403/01/01')).toBe('2024-03-20');
    expect(toIsoDate('1404/01/01')).toBe('2025-03-21');
  });

  it('knows the leap years of the astronomical calendar (1403 leap, 1404 not)', () => {
    expect(isJalaliLeap(1399)).toBe(true);
    expect(isJalaliLeap(1403)).toBe(true);
    expect(isJalaliLeap(1404)).toBe(false);
    expect(toIsoDate('1403/12/30')).toBe('2025-03-20');
    expect(toIsoDate('1404/12/30')).toBeNull();
  });

  it('crosses the Gregorian new year inside Dey', () => {
    expect(toIsoDate('1348/10/11')).toBe('1970-01-01');
    expect(toIsoDate('1402-10-11')).toBe('2024-01-01');
  });

  it('passes ISO dates through and refuses impossible ones', () => {
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(toIsoDate('2023-02-29')).toBeNull();
    expect(toIsoDate('1401/13/01')).toBeNull();
    expect(toIsoDate('yesterday')).toBeNull();
  });
});

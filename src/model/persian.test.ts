import { describe, expect, it } from 'vitest';
import { normalizeForMatch, normalizeText, toAsciiDigits } from './persian.js';

describe('Persian normalisation (DOMAIN.md, "Persian text")', () => {
  it('maps Arabic yeh and kaf to Persian', () => {
    expect(normalizeForMatch('صنايع كوچك')).toBe(normalizeForMatch('صنایع کوچک'));
    expect(normalizeText('صنايع كوچك')).toBe('صنایع کوچک');
  });

  it('folds zero-width non-joiners and spaces', () => {
    expect(normalizeForMatch('شرکت‌های')).toBe(normalizeForMatch('شرکتهای'));
    expect(normalizeForMatch('شرکت های')).toBe('شرکتهای');
    expect(normalizeText('شرکت‌های  دانش‌بنیان')).toBe('شرکتهای دانشبنیان');
  });

  it('removes diacritics and tatweel', () => {
    expect(normalizeForMatch('مُبارَكه')).toBe('مبارکه');
    expect(normalizeForMatch('فولاد')).toBe(normalizeForMatch('فـــولاد'));
  });

  it('maps Persian and Arabic-Indic digits to ASCII', () => {
    expect(toAsciiDigits('۱۴۰۱/۰۵/۲۶')).toBe('1401/05/26');
    expect(toAsciiDigits('٣٤٥')).toBe('345');
    expect(normalizeForMatch('فاز ۳')).toBe('فاز3');
  });

  it('lower-cases Latin text and leaves it otherwise alone', () => {
    expect(normalizeForMatch('Gol-e-Gohar')).toBe('gol-e-gohar');
    expect(normalizeText('  Hot-rolled   coil ')).toBe('hot-rolled coil');
  });

  it('keeps different words different', () => {
    expect(normalizeForMatch('مس')).not.toBe(normalizeForMatch('مسی'));
    expect(normalizeForMatch('کلیبر')).not.toBe(normalizeForMatch('کلیر'));
  });
});

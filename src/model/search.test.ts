import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_CODES } from './categories.js';
import { provinceKeys } from './provinces.js';
import { matchingCategories, rankSearch, readingDistance, wordMatch } from './search-rank.js';
import { editDistance, hsDigits, romanize, skeleton, stem, words } from './search-words.js';

describe('search words', () => {
  it('gives Latin and Persian spellings of a name the same consonant skeleton', () => {
    for (const group of [['Isfahan', 'Esfahan', 'اصفهان'], ['Sungun', 'Songun', 'Sungoon', 'سونگون'], ['fulad', 'Foolad', 'فولاد'], ['Khodro', 'Khodrow', 'خودرو'], ['Mobarakeh', 'مبارکه'], ['Golgohar', 'گلگهر']]) {
      const keys = new Set(group.map((w) => skeleton(words(w)[0]!)));
      expect([...keys], group.join(' ')).toHaveLength(1);
    }
    expect(skeleton('saipa')).not.toBe(skeleton('sapco'));
  });

  it('stems English and Persian plurals', () => {
    expect(['cars', 'electrodes', 'batteries', 'boxes', 'glass', 'chassis'].map(stem)).toEqual(['car', 'electrode', 'battery', 'box', 'glass', 'chassis']);
    expect(stem(words('خودروها')[0]!)).toBe('خودرو');
    expect(stem(words('کارخانه‌های')[0]!)).toBe('کارخانه');
  });

  it('reads Persian in Latin letters and drops the ezafe of Latin names', () => {
    expect(romanize('سونگون')).toBe('sungun');
    expect(words('Gol-e-Gohar iron ore mine')).toEqual(['gol', 'gohar', 'iron', 'ore', 'mine']);
  });

  it('bounds the edit distance', () => {
    expect(editDistance('sungoon', 'sungun', 2)).toBe(2);
    expect(editDistance('steel', 'stele', 1)).toBe(1);
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });

  it('counts vowels as the cheap difference between spellings', () => {
    expect(readingDistance('sungun', 'sngun')).toBe(0.5);
    expect(readingDistance('sangan', 'sngun')).toBe(1.25);
  });

  it('knows HS codes as typed', () => {
    expect([hsDigits('7601'), hsDigits('7601.10'), hsDigits('۷۶۰۱.۲۰'), hsDigits('207i'), hsDigits('7')]).toEqual(['7601', '760110', '760120', null, null]);
  });

  it('folds provinces to one set of keys whatever the spelling', () => {
    expect(provinceKeys('Esfahan')).toEqual(provinceKeys('اصفهان'));
    expect(provinceKeys('Bavaria')).toEqual(['bavaria']);
  });
});

describe('word matches', () => {
  it('orders exact, stem, spelling variant, typo, prefix and fragment', () => {
    const q = [wordMatch('car', 'car'), wordMatch('cars', 'car'), wordMatch('songun', 'sungun'), wordMatch('steal', 'steel'), wordMatch('mobar', 'mobarakeh'), wordMatch('bara', 'mobarakeh')];
    expect(q).toEqual([...q].sort((a, b) => b - a));
    expect(q.every((x) => x > 0)).toBe(true);
    expect(wordMatch('saipa', 'sapco')).toBe(0);
  });

  it('matches vocabulary only exactly, by stem or with a typo', () => {
    expect(wordMatch('khodrow', 'خودرو', true)).toBe(0);
    expect(wordMatch('car', 'carbon', true)).toBe(0);
    expect(wordMatch('carz', 'car', true)).toBeGreaterThan(0);
  });
});

describe('rankSearch', () => {
  const n = (id: string, kind: string, name: string, extra: Record<string, unknown> = {}) => ({ node: { id, kind, name, nameFa: '', ...extra }, degree: 0 });
  const candidates = [
    n('part:tyre', 'Part', 'Passenger car tyre'),
    n('part:carbon-black', 'Part', 'Carbon black'),
    n('product:pars', 'Product', 'Peugeot Pars', { category: 'PASSENGER_CAR' }),
    n('source:a', 'Source', 'Car makers and their tyres'),
    n('part:ingot', 'Product', 'Primary aluminium ingot', { hsCode: '7601.10' }),
  ];

  it('puts the category named first, whole words next, fragments after, Sources below', () => {
    expect(rankSearch('car', candidates, 10).map((h) => h.node.id)).toEqual(['product:pars', 'part:tyre', 'part:carbon-black', 'source:a']);
  });

  it('finds HS codes by prefix and says what matched', () => {
    expect(rankSearch('7601', candidates, 10)).toEqual([{ node: candidates[4]!.node, score: expect.any(Number), matched: 'HS 7601.10' }]);
  });

  it('drops what matches nothing', () => {
    expect(rankSearch('zirconium', candidates, 10)).toEqual([]);
  });

  it('names the categories a query means', () => {
    expect(matchingCategories('cars')).toEqual(['PASSENGER_CAR']);
    expect(matchingCategories('خودرو')).toEqual(['PASSENGER_CAR']);
    expect(matchingCategories('zirconium')).toEqual([]);
  });

  it('has a bilingual name and a sector for every category', () => {
    for (const c of CATEGORY_CODES) {
      expect(CATEGORIES[c].name).toMatch(/[A-Za-z]/);
      expect(CATEGORIES[c].nameFa).toMatch(/[\u0600-\u06FF]/);
    }
  });
});

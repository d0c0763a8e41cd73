// Words as search compares them: tokens, light stems, a consonant skeleton shared by Latin and
// Persian spellings, a rough romanisation of Persian, and a bounded edit distance. Pure; used
// both for what is stored (search-text.ts) and for ranking (search-rank.ts), so the two agree.

import { normalizeText } from './persian.js';

/** Latin ezafe particles ("Gol-e-Gohar", "Azarbaijan-e Sharqi"): not words of a name. */
const EZAFE = new Set(['e', 'ye']);

/** Splits text into normalised words: letters and digits, Persian or Latin; no punctuation. */
export function words(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !EZAFE.has(w));
}

export function isPersian(word: string): boolean {
  return /[\u0600-\u06FF]/.test(word);
}

/**
 * A light stem: English plurals (cars → car, batteries → battery, boxes → box) and the Persian
 * plural suffix ها/های («خودروها» → «خودرو»; the ZWNJ before it is already folded away).
 */
export function stem(word: string): string {
  if (isPersian(word)) {
    const m = /^(.{2,}?)(?:هایی|های|ها)$/.exec(word);
    return m ? m[1]! : word;
  }
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:sses|xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

// The skeleton alphabet: consonants only, one symbol per sound both scripts can write.
// kh/خ → x, gh/غ/ق/q → q, sh/ش → 1, ch/چ → 2, zh/ژ → z. Vowels, w/v/y (و and ی are vowels as often
// as consonants) and ع are dropped; a final h after a vowel (Mobarakeh, «مبارکه») is silent.
const PERSIAN_SKELETON: Record<string, string> = {
  'ب': 'b', 'پ': 'p', 'ت': 't', 'ث': 's', 'ج': 'j', 'چ': '2', 'ح': 'h', 'خ': 'x', 'د': 'd', 'ذ': 'z',
  'ر': 'r', 'ز': 'z', 'ژ': 'z', 'س': 's', 'ش': '1', 'ص': 's', 'ض': 'z', 'ط': 't', 'ظ': 'z', 'غ': 'q',
  'ف': 'f', 'ق': 'q', 'ک': 'k', 'گ': 'g', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h',
};
const LATIN_DIGRAPHS: [RegExp, string][] = [
  [/kh/g, 'x'], [/gh/g, 'q'], [/sh/g, '1'], [/ch/g, '2'], [/zh/g, 'z'], [/ph/g, 'f'], [/th/g, 't'], [/ck/g, 'k'],
];
const LATIN_SKELETON: Record<string, string> = {
  b: 'b', c: 'k', d: 'd', f: 'f', g: 'g', h: 'h', j: 'j', k: 'k', l: 'l', m: 'm', n: 'n', p: 'p',
  q: 'q', r: 'r', s: 's', t: 't', x: 'x', z: 'z', '1': '1', '2': '2',
};

/**
 * The consonant skeleton of a word, the same for its Latin and Persian spellings:
 * Isfahan, Esfahan and «اصفهان» → "sfhn"; Sungun, Songun and «سونگون» → "sngn"; fulad, Foolad and
 * «فولاد» → "fld". Digits and other scripts give "".
 */
export function skeleton(word: string): string {
  let out = '';
  if (isPersian(word)) {
    const letters = [...word.replace(/\d/g, '')];
    letters.forEach((ch, i) => {
      // A final ه after a long vowel letter or a consonant is usually the silent "-eh".
      if (ch === 'ه' && i === letters.length - 1 && i > 0) return;
      out += PERSIAN_SKELETON[ch] ?? '';
    });
  } else {
    // Digits are not sounds (and 1 and 2 stand for sh and ch below).
    let w = word.toLowerCase().replace(/\d/g, '');
    if (/[aeiou]h$/.test(w)) w = w.slice(0, -1);
    for (const [re, sub] of LATIN_DIGRAPHS) w = w.replace(re, sub);
    for (const ch of w) out += LATIN_SKELETON[ch] ?? '';
  }
  return out.replace(/(.)\1+/g, '$1');
}

const ROMAN: Record<string, string> = {
  'ا': 'a', 'آ': 'a', 'ب': 'b', 'پ': 'p', 'ت': 't', 'ث': 's', 'ج': 'j', 'چ': 'ch', 'ح': 'h', 'خ': 'kh',
  'د': 'd', 'ذ': 'z', 'ر': 'r', 'ز': 'z', 'ژ': 'zh', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'z', 'ط': 't',
  'ظ': 'z', 'ع': '', 'غ': 'gh', 'ف': 'f', 'ق': 'gh', 'ک': 'k', 'گ': 'g', 'ل': 'l', 'م': 'm', 'ن': 'n',
  'و': 'u', 'ه': 'h', 'ی': 'i', 'ء': '', 'ئ': 'y', 'ؤ': 'u',
};

/** A rough Latin reading of a Persian word («سونگون» → "sungun"), for edit distances across scripts. */
export function romanize(word: string): string {
  if (!isPersian(word)) return word;
  return [...word].map((ch) => ROMAN[ch] ?? ch).join('');
}

/**
 * Damerau–Levenshtein (optimal string alignment) distance, or max + 1 as soon as it must exceed
 * max: the bound keeps comparing a query against hundreds of names cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  for (let i = 1; i <= la; i += 1) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= lb; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[lb]!;
}

/** Typos tolerated in a word of this length: none under 4 letters, one up to 6, two from 7. */
export function allowedTypos(length: number): number {
  if (length < 4) return 0;
  return length < 7 ? 1 : 2;
}

/** An HS code as typed or stored ("7601", "7601.10", "۷۶۰۱"): its digits, or null when it is not one. */
export function hsDigits(text: string): string | null {
  const t = normalizeText(text).replace(/\s+/g, '');
  if (!/^\d{2,4}(?:\.?\d{1,2}){0,3}$/.test(t)) return null;
  const digits = t.replace(/\./g, '');
  return digits.length >= 2 && digits.length <= 10 ? digits : null;
}

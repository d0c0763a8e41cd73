// Ranks search candidates the way a person reads a result list: the whole name typed first, then
// the category typed ("car" → the cars), names holding every word typed (whole words above word
// fragments), spelling variants across scripts and typos after exact words, and Sources last.
// Pure: the database only gathers candidates (src/db/chain-store.ts); the order is decided here.

import { CATEGORIES, CATEGORY_CODES, isCategory, type Category, type CategoryDef } from './categories.js';
import { provinceKey, provinceSpellings } from './provinces.js';
import { allowedTypos, editDistance, hsDigits, isPersian, romanize, skeleton, stem, words } from './search-words.js';

/** The fields of a node that search reads. */
export interface Searchable {
  id: string;
  kind: string;
  name: string;
  nameFa: string;
  aliases?: unknown;
  category?: unknown;
  hsCode?: unknown;
  operator?: unknown;
  owner?: unknown;
}

export interface SearchCandidate<T extends Searchable = Searchable> {
  node: T;
  /** Relationships of the node: the tie-breaker between equally good matches (the better-connected first). */
  degree: number;
}

export interface RankedHit<T extends Searchable = Searchable> {
  node: T;
  score: number;
  /** What matched, for people: `name`, `alias: Golgohar`, `category: Passenger car`, `HS 7601.10`… */
  matched: string;
}

/** Most words a search may hold: enough for any name, few enough that the index query stays small. */
export const MAX_SEARCH_WORDS = 12;
export const MAX_SEARCH_CHARS = 200;

interface Field {
  text: string;
  weight: number;
  label: string;
  /** Vocabulary fields match exactly, by stem or with a typo, never by fragment or sound. */
  vocabulary?: boolean;
}

const SOURCE_FACTOR = 0.5;
const ID_MATCH = 5;

interface WordInfo {
  word: string;
  stem: string;
  persian: boolean;
  /** Skeletons of the word and of its stem. */
  skeleton: string;
  stemSkeleton: string;
  /** The stem read in Latin letters with vowels folded, for distances between spellings. */
  reading: string;
  province: string | null;
}

const infoCache = new Map<string, WordInfo>();
function info(word: string): WordInfo {
  let i = infoCache.get(word);
  if (!i) {
    if (infoCache.size > 100_000) infoCache.clear();
    const s = stem(word);
    const spellings = provinceSpellings(word);
    i = {
      word,
      stem: s,
      persian: isPersian(word),
      skeleton: skeleton(word),
      stemSkeleton: skeleton(s),
      reading: fold(romanize(s)),
      province: spellings.length > 0 ? provinceKey(spellings[0]!) : null,
    };
    infoCache.set(word, i);
  }
  return i;
}

/**
 * How well one typed word matches one word of a name, 0..1: exact 1, another spelling of a known
 * province 0.97, same stem 0.95, the same consonants in another spelling 0.9 (0.85 across scripts)
 * less a little per differing letter, a typo 0.8 (0.72 for two), the start of the word 0.55–0.65,
 * inside it 0.3. Vocabulary (category terms) matches only exactly, by stem or with a typo.
 */
export function wordMatch(typed: string, stored: string, vocabulary = false): number {
  if (typed === stored) return 1;
  const q = info(typed);
  const w = info(stored);
  if (!vocabulary && q.province !== null && q.province === w.province) return 0.97;
  if (q.stem === w.stem) return 0.95;
  const sameScript = q.persian === w.persian;
  if (!vocabulary && q.stemSkeleton.length >= 3 && (q.stemSkeleton === w.stemSkeleton || q.skeleton === w.skeleton)) {
    // Tell Sungun from Sangan: what differs between the two readings, vowels counting less.
    const d = readingDistance(q.reading, w.reading);
    const limit = sameScript ? Math.max(1, q.stem.length / 3) : Math.max(2, q.stem.length / 2);
    if (d <= limit) return (sameScript ? 0.9 : 0.85) - 0.04 * d;
  }
  if (sameScript) {
    const typos = allowedTypos(q.word.length);
    if (typos > 0) {
      const d = Math.min(editDistance(q.word, w.word, typos), editDistance(q.stem, w.stem, typos));
      if (d <= typos) return 0.8 - 0.08 * (d - 1);
    }
    if (!vocabulary) {
      if (q.word.length >= 2 && w.word.startsWith(q.word)) return 0.55 + (0.1 * q.word.length) / w.word.length;
      if (q.word.length >= 3 && w.word.includes(q.word)) return 0.3;
    }
  }
  return 0;
}

/** Latin vowels folded the way Persian is romanised: o → u, e → i, w → v, y → i. */
function fold(word: string): string {
  return word.replace(/o/g, 'u').replace(/e/g, 'i').replace(/w/g, 'v').replace(/y/g, 'i');
}

const VOWELS = new Set(['a', 'i', 'u']);

/**
 * Edit distance between two readings where a vowel added or dropped costs 0.5 and one vowel for
 * another 0.75 (spellings differ most in vowels), anything else 1.
 */
export function readingDistance(a: string, b: string): number {
  const indel = (c: string) => (VOWELS.has(c) ? 0.5 : 1);
  let prev = [0];
  for (let j = 1; j <= b.length; j += 1) prev.push(prev[j - 1]! + indel(b[j - 1]!));
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [prev[0]! + indel(a[i - 1]!)];
    for (let j = 1; j <= b.length; j += 1) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const sub = x === y ? 0 : VOWELS.has(x) && VOWELS.has(y) ? 0.75 : 1;
      cur.push(Math.min(prev[j]! + indel(x), cur[j - 1]! + indel(y), prev[j - 1]! + sub));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

interface FieldMatch {
  score: number;
  /** The quality-weighted share of the query's words found in the field. */
  queryShare: number;
}

/**
 * Scores a query against one field: 2 × the share of query words found (quality-weighted), 0.6 ×
 * the share of the field's words covered, +1 × the weakest word when query and field are the same
 * words, +0.1 when the words are found in order and side by side; times the field's weight.
 */
function matchField(query: QueryWords, field: Field, match: (q: string, w: string, vocabulary: boolean) => number): FieldMatch {
  const fw = wordsOf(field.text);
  if (fw.length === 0) return { score: 0, queryShare: 0 };
  const n = query.words.length;
  const quality = new Array<number>(n).fill(0);
  const position = new Array<number>(n).fill(-1);
  const covered = new Map<number, number>();
  const cover = (j: number, v: number) => covered.set(j, Math.max(covered.get(j) ?? 0, v));

  for (let i = 0; i < n; i += 1) {
    const q = query.words[i]!;
    for (let j = 0; j < fw.length; j += 1) {
      const v = match(q, fw[j]!, field.vocabulary === true);
      if (v > quality[i]!) {
        quality[i] = v;
        position[i] = j;
      }
      // "golgohar" typed, "Gol Gohar" stored: one word against two.
      if (j + 1 < fw.length) {
        const joined = match(q, fw[j]! + fw[j + 1]!, field.vocabulary === true);
        if (joined > quality[i]! && joined >= 0.7) {
          quality[i] = joined;
          position[i] = j;
          cover(j + 1, joined);
        }
      }
    }
    if (position[i]! >= 0) cover(position[i]!, quality[i]!);
  }
  // "gol gohar" typed, "Golgohar" stored: two words against one.
  for (let i = 0; i + 1 < n; i += 1) {
    const joined = query.words[i]! + query.words[i + 1]!;
    for (let j = 0; j < fw.length; j += 1) {
      const v = match(joined, fw[j]!, field.vocabulary === true);
      if (v >= 0.7 && v > Math.min(quality[i]!, quality[i + 1]!)) {
        quality[i] = Math.max(quality[i]!, v);
        quality[i + 1] = Math.max(quality[i + 1]!, v);
        position[i] = j;
        position[i + 1] = j;
        cover(j, v);
      }
    }
  }
  const found = quality.reduce((s, v) => s + v, 0);
  if (found === 0) return { score: 0, queryShare: 0 };
  const queryShare = found / n;
  const fieldShare = [...covered.values()].reduce((s, v) => s + v, 0) / fw.length;
  const same = covered.size === fw.length && quality.every((v) => v > 0) ? Math.min(...quality) : 0;
  const inOrder = n > 1 && position.every((p, i) => p >= 0 && (i === 0 || p - position[i - 1]! <= 1 && p >= position[i - 1]!));
  return { score: field.weight * (2 * queryShare + 0.6 * fieldShare + same + (inOrder ? 0.1 : 0)), queryShare };
}

const wordCache = new Map<string, string[]>();
function wordsOf(text: string): string[] {
  let w = wordCache.get(text);
  if (!w) {
    if (wordCache.size > 50_000) wordCache.clear();
    w = words(text);
    wordCache.set(text, w);
  }
  return w;
}

interface QueryWords {
  text: string;
  words: string[];
  hs: string | null;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : [];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
}

function fieldsOf(node: Searchable): Field[] {
  const fields: Field[] = [
    { text: node.name, weight: 1, label: 'name' },
    { text: node.nameFa, weight: 1, label: 'nameFa' },
    ...strings(node.aliases).map((a) => ({ text: a, weight: 1, label: `alias: ${a}` })),
    { text: node.id.slice(node.id.indexOf(':') + 1), weight: 0.9, label: `id` },
    ...strings(node.operator).map((o) => ({ text: o, weight: 0.85, label: `operator: ${o}` })),
    ...strings(node.owner).map((o) => ({ text: o, weight: 0.85, label: `owner: ${o}` })),
  ];
  if (isCategory(node.category)) {
    const c: CategoryDef = CATEGORIES[node.category];
    for (const term of c.terms) fields.push({ text: term, weight: 0.95, label: `category: ${c.name}`, vocabulary: true });
  }
  return fields;
}

function queryWords(text: string): QueryWords {
  return { text, words: words(text).slice(0, MAX_SEARCH_WORDS), hs: hsDigits(text) };
}

function memoMatch(): (q: string, w: string, vocabulary: boolean) => number {
  const memo = new Map<string, number>();
  return (q, w, vocabulary) => {
    const key = `${vocabulary ? 1 : 0}\u0000${q}\u0000${w}`;
    let v = memo.get(key);
    if (v === undefined) {
      v = wordMatch(q, w, vocabulary);
      memo.set(key, v);
    }
    return v;
  };
}

/** The categories a query names: one of their terms holds at least half of the words typed. */
export function matchingCategories(text: string): Category[] {
  const query = queryWords(text);
  if (query.words.length === 0) return [];
  const match = memoMatch();
  return CATEGORY_CODES.filter((code) =>
    (CATEGORIES[code] as CategoryDef).terms.some((term) => matchField(query, { text: term, weight: 1, label: '', vocabulary: true }, match).queryShare >= 0.5),
  );
}

/** Ranks candidates for a query, best first; drops those that match nothing. */
export function rankSearch<T extends Searchable>(text: string, candidates: readonly SearchCandidate<T>[], limit: number): RankedHit<T>[] {
  const query = queryWords(text);
  if (query.words.length === 0 && !query.hs) return [];
  const match = memoMatch();
  const typedId = text.trim().toLowerCase();

  const ranked: (RankedHit<T> & { degree: number; hsCode: string })[] = [];
  const seen = new Set<string>();
  for (const { node, degree } of candidates) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    let best = 0;
    let matched = '';
    if (node.id.toLowerCase() === typedId) {
      best = ID_MATCH;
      matched = 'id';
    }
    const code = typeof node.hsCode === 'string' ? node.hsCode : '';
    const codeDigits = code.replace(/\D/g, '');
    if (query.hs && codeDigits.startsWith(query.hs)) {
      // The whole code typed ranks like a whole name; a heading (7601) lists its lines.
      const score = codeDigits === query.hs ? 3.6 : 3.4 + (0.1 * query.hs.length) / codeDigits.length;
      if (score > best) {
        best = score;
        matched = `HS ${code}`;
      }
    }
    for (const field of fieldsOf(node)) {
      const { score } = matchField(query, field, match);
      if (score > best) {
        best = score;
        matched = field.label;
      }
    }
    if (best <= 0) continue;
    if (node.kind === 'Source') best *= SOURCE_FACTOR;
    ranked.push({ node, score: Math.round(best * 1e6) / 1e6, matched, degree, hsCode: matched.startsWith('HS ') ? codeDigits : '' });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      a.hsCode.localeCompare(b.hsCode) ||
      b.degree - a.degree ||
      a.node.name.length - b.node.name.length ||
      a.node.name.localeCompare(b.node.name) ||
      a.node.id.localeCompare(b.node.id),
  );
  return ranked.slice(0, limit).map(({ node, score, matched }) => ({ node, score, matched }));
}

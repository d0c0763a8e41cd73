// The derived search fields stored on every node, and the full-text query built from a user's
// text. Both go through the same normalisation, so what is stored and what is asked meet.

import { normalizeForMatch, normalizeText } from './persian.js';
import { provinceSpellings } from './provinces.js';
import { MAX_SEARCH_WORDS } from './search-rank.js';
import { allowedTypos, hsDigits, skeleton, stem, words } from './search-words.js';

interface Named {
  id: string;
  name: string;
  nameFa: string;
  aliases?: unknown;
}

function namesOf(node: Named): string[] {
  const aliases = Array.isArray(node.aliases) ? node.aliases.filter((a): a is string => typeof a === 'string') : [];
  return [node.name, node.nameFa, ...aliases];
}

/**
 * "|key1|key2|…|": each name folded by normalizeForMatch. Substring search runs CONTAINS on it;
 * an exact name is "|key|", a prefix "|key".
 */
export function searchKey(node: Named): string {
  const keys = new Set([node.id.toLowerCase(), ...namesOf(node).map(normalizeForMatch)].filter(Boolean));
  return `|${[...keys].join('|')}|`;
}

/**
 * Bumped whenever searchText changes shape: a database whose stored fields are older is refreshed
 * at start-up (src/db/search-keys.ts), so search never runs on half-old fields.
 */
export const SEARCH_FIELDS_VERSION = 3;

interface Indexed extends Named {
  hsCode?: unknown;
  operator?: unknown;
  owner?: unknown;
}

/**
 * What the full-text index reads: names and aliases normalised with word boundaries kept, the
 * operator or owner, then one line of derived tokens: `zk…` consonant skeletons of every word and
 * of adjacent word pairs (so «اصفهان» is found by "Isfahan" and "Golgohar" by "Gol Gohar"), and
 * `hs…` the HS code's digits (so "7601" finds 7601.10 by prefix).
 */
export function searchText(node: Indexed): string {
  const names = namesOf(node);
  const owners = [node.operator, node.owner].filter((v): v is string => typeof v === 'string' && v.length > 0);
  const lines = [...new Set([...names, ...owners].map(normalizeText))];
  const tokens = new Set<string>();
  for (const name of names) {
    const ws = words(name);
    ws.forEach((w, i) => {
      for (const k of [skeleton(w), skeleton(stem(w))]) if (k.length >= 3) tokens.add(`zk${k}`);
      if (i + 1 < ws.length) {
        const pair = skeleton(w + ws[i + 1]!);
        if (pair.length >= 3) tokens.add(`zk${pair}`);
      }
    });
  }
  const hs = typeof node.hsCode === 'string' ? hsDigits(node.hsCode) : null;
  if (hs) tokens.add(`hs${hs}`);
  if (tokens.size > 0) lines.push([...tokens].join(' '));
  return lines.join('\n');
}

/**
 * A Lucene query for the entity_names index, built only from normalised words (no operator or
 * special character of the user's reaches the parser). Each word: exact (boosted), as a prefix,
 * with the typos its length allows (bounded: Lucene expands a fuzzy term to at most 50 terms), by
 * its stem, by its consonant skeleton, and by the other spellings of a known province; two words
 * also joined; an HS code by prefix. Callers bound the number of words (MAX_SEARCH_WORDS).
 */
export function fullTextQuery(text: string): string | null {
  // Bounded here too, whatever the caller checked: every word adds clauses to the index query.
  const ws = words(text).slice(0, MAX_SEARCH_WORDS);
  const clauses: string[] = [];
  ws.forEach((w, i) => {
    const parts = [`${w}^4`];
    if (w.length >= 2) parts.push(`${w}*`);
    // One typo at most in the index query: a Levenshtein automaton of two edits costs far more to
    // run over the term dictionary, and two-letter slips of a name are found by its skeleton
    // (Sungoon → zksngn); the ranking still weighs up to two typos among the candidates.
    if (!/^\d+$/.test(w) && allowedTypos(w.length) > 0) parts.push(`${w}~1`);
    const s = stem(w);
    if (s !== w) parts.push(`${s}^3`);
    for (const k of new Set([skeleton(w), skeleton(s)])) if (k.length >= 3) parts.push(`zk${k}^2`);
    for (const spelling of provinceSpellings(w)) for (const x of words(spelling)) if (x !== w) parts.push(`${x}^3`);
    if (i + 1 < ws.length) {
      const joined = w + ws[i + 1]!;
      parts.push(`${joined}^2`);
      const k = skeleton(joined);
      if (k.length >= 3) parts.push(`zk${k}`);
    }
    clauses.push(`(${[...new Set(parts)].join(' OR ')})`);
  });
  const hs = hsDigits(text);
  if (hs) clauses.push(`hs${hs}*^4`);
  return clauses.length > 0 ? clauses.join(' ') : null;
}

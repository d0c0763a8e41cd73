// The derived search fields stored on every node, and the full-text query built from a user's
// text. Both go through the same normalisation, so what is stored and what is asked meet.

import { normalizeForMatch, normalizeText } from './persian.js';

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

/** Names and aliases, normalised but with word boundaries kept, for the full-text index. */
export function searchText(node: Named): string {
  return [...new Set(namesOf(node).map(normalizeText))].join('\n');
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** A Lucene query for the entity_names index: each word exact (boosted) or as a prefix. */
export function fullTextQuery(text: string): string | null {
  const terms = normalizeText(text)
    .split(' ')
    .map((t) => t.replace(LUCENE_SPECIAL, ''))
    .filter((t) => t.length > 0);
  if (terms.length === 0) return null;
  return terms.map((t) => `(${t}^2 OR ${t}*)`).join(' ');
}

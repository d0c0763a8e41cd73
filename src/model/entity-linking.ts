// Entity linking: which nodes a text names. Texts and names are normalised the same way
// (src/model/persian.ts) and cut into words; a name matches where a run of whole words, joined
// without spaces, equals the name joined without spaces. So «ایران‌خودرو», «ایران خودرو» and
// «ايران خودرو» all match, while «مس» (copper) does not match inside «مسئولیت» (responsibility).

import { normalizeText } from './persian.js';

export interface LinkableNode {
  id: string;
  name: string;
  nameFa: string;
  aliases?: readonly string[];
}

export interface Mention {
  nodeId: string;
  /** How often the node is named in the text. */
  count: number;
  /** The first name form that matched, as normalised. */
  matched: string;
}

/**
 * Names shorter than this (after folding) match too much by accident. Persian words of two
 * letters are real names («مس», copper); Latin ones are mostly codes («Fe», «IR»).
 */
const MIN_KEY_LENGTH = 2;
const MIN_LATIN_KEY_LENGTH = 3;
/** Longest name, in words, looked for. */
const MAX_WORDS = 8;

const WORD_SPLIT = /[\s\p{P}\p{S}]+/u;

export function words(text: string): string[] {
  return normalizeText(text)
    .split(WORD_SPLIT)
    .filter((w) => w.length > 0);
}

/** An index from folded name to the nodes bearing it, built once for many texts. */
export class NameIndex {
  private readonly byKey = new Map<string, Set<string>>();

  constructor(nodes: Iterable<LinkableNode>) {
    for (const node of nodes) {
      for (const name of [node.name, node.nameFa, ...(node.aliases ?? [])]) {
        const key = words(name).join('');
        if (key.length < (/^[\x00-\x7f]*$/.test(key) ? MIN_LATIN_KEY_LENGTH : MIN_KEY_LENGTH)) continue;
        const ids = this.byKey.get(key) ?? new Set<string>();
        ids.add(node.id);
        this.byKey.set(key, ids);
      }
    }
  }

  /** The nodes the text names, most often named first. */
  mentionsIn(text: string): Mention[] {
    const tokens = words(text);
    const found = new Map<string, Mention>();
    for (let i = 0; i < tokens.length; i += 1) {
      let key = '';
      for (let j = i; j < Math.min(tokens.length, i + MAX_WORDS); j += 1) {
        key += tokens[j];
        const ids = this.byKey.get(key);
        if (!ids) continue;
        for (const id of ids) {
          const m = found.get(id);
          if (m) m.count += 1;
          else found.set(id, { nodeId: id, count: 1, matched: key });
        }
      }
    }
    return [...found.values()].sort((a, b) => b.count - a.count || a.nodeId.localeCompare(b.nodeId));
  }
}

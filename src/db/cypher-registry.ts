// Loads the named queries in cypher/ once at start-up. A query is one .cypher file; its name is
// its path without the extension ("walk/upstream-step"). Labels and relationship types cannot be
// Cypher parameters, so a file may hold {{placeholders}} that render() fills only from the model's
// allow-lists. A declared query whose file is missing, or a file no code declares, fails the boot.

import fs from 'node:fs';
import path from 'node:path';
import { ENTITY_LABEL, isEdgeType, isNodeKind } from '../model/kinds.js';
import { QUERIES, type QueryName, type Placeholder } from './queries.js';
import { ORDER_KEYS, isOrderField } from './order-keys.js';
import { parseTouches, type Touches } from './change-set.js';

/** Folders of cypher/ that are not named queries: schema statements and the researchers' cookbook. */
const NOT_QUERIES = new Set(['schema', 'cookbook']);
const NO_TOUCH: Touches = { kind: 'none' };
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export type Substitutions = Partial<Record<Placeholder, string | number | readonly string[]>>;

export class CypherRegistry {
  private constructor(
    private readonly texts: ReadonlyMap<QueryName, string>,
    private readonly touched: ReadonlyMap<QueryName, Touches>,
  ) {}

  static load(root: string): CypherRegistry {
    const files = listCypherFiles(root).filter((name) => !NOT_QUERIES.has(name.split('/')[0]!));
    const declared = new Set<string>(Object.keys(QUERIES));
    const undeclared = files.filter((f) => !declared.has(f));
    const missing = [...declared].filter((d) => !files.includes(d));
    if (undeclared.length || missing.length) {
      throw new Error(
        `cypher/ does not match src/db/queries.ts:` +
          (missing.length ? ` missing files: ${missing.map((m) => `${m}.cypher`).join(', ')}.` : '') +
          (undeclared.length ? ` unused files: ${undeclared.map((m) => `${m}.cypher`).join(', ')}.` : ''),
      );
    }
    const texts = new Map<QueryName, string>();
    const touched = new Map<QueryName, Touches>();
    for (const name of Object.keys(QUERIES) as QueryName[]) {
      const text = fs.readFileSync(path.join(root, `${name}.cypher`), 'utf8');
      const used = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]));
      const expected = new Set<string>(QUERIES[name]);
      if (used.size !== expected.size || [...used].some((u) => !expected.has(u!))) {
        throw new Error(`cypher/${name}.cypher uses placeholders {${[...used].join(', ')}} but queries.ts declares {${[...expected].join(', ')}}`);
      }
      texts.set(name, text);
      const touches = parseTouches(name, text);
      if (touches) touched.set(name, touches);
    }
    return new CypherRegistry(texts, touched);
  }

  /** What a query writes, as its `// touches:` line says (none for a read). */
  touches(name: QueryName): Touches {
    return this.touched.get(name) ?? NO_TOUCH;
  }

  /** The query text with its placeholders filled; throws on any value not in an allow-list. */
  render(name: QueryName, substitutions: Substitutions = {}): string {
    const text = this.texts.get(name);
    if (text === undefined) throw new Error(`unknown query ${name}`);
    return text.replace(PLACEHOLDER, (_, key: string) => renderValue(name, key as Placeholder, substitutions[key as Placeholder]));
  }
}

function renderValue(name: string, key: Placeholder, value: Substitutions[Placeholder]): string {
  switch (key) {
    case 'label':
      if (typeof value === 'string' && (isNodeKind(value) || value === ENTITY_LABEL)) return value;
      break;
    case 'types':
      if (Array.isArray(value) && value.length > 0 && value.every(isEdgeType)) return value.join('|');
      break;
    case 'type':
      if (isEdgeType(value)) return value;
      break;
    case 'depth':
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000) return String(value);
      break;
    case 'order':
      if (value === 'ASC' || value === 'DESC') return value;
      break;
    case 'cmp':
      if (value === '<' || value === '>') return value;
      break;
    case 'orderKey':
      if (isOrderField(value)) return ORDER_KEYS[value];
      break;
  }
  throw new Error(`query ${name}: ${key} = ${JSON.stringify(value)} is not an allowed value`);
}

function listCypherFiles(root: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listCypherFiles(root, rel));
    else if (entry.name.endsWith('.cypher')) out.push(rel.slice(0, -'.cypher'.length));
  }
  return out.sort();
}

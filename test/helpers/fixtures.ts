import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(here, '..', 'fixtures');

export function fixture(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** Small builders for hand-made graphs: names default to the id, Persian names are required. */
export function node(id: string, kind: string, extra: Record<string, unknown> = {}) {
  return { id, kind, name: id, nameFa: `نام ${id}`, ...extra };
}

export function edge(type: string, from: string, to: string, extra: Record<string, unknown> = {}) {
  return { type, from, to, ...extra };
}

export function doc(nodes: unknown[], edges: unknown[] = [], homeCountry = 'IR') {
  return { format: 'zanjir/1', homeCountry, nodes, edges };
}

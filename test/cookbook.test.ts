// Every query of cypher/cookbook runs, read-only, against the seed graph and returns rows, with
// the parameters its header gives.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYPHER_ROOT } from '../src/db/database.js';
import { seedIfEmpty } from '../src/io/seed.js';
import { startHarness, type Harness } from './helpers/harness.js';

const dir = path.join(CYPHER_ROOT, 'cookbook');
const recipes = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.cypher'))
  .sort()
  .map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const params = /^\/\/ params: (.*)$/m.exec(text)?.[1];
    return { file, text, params: params ? (JSON.parse(params) as Record<string, unknown>) : null, title: text.split('\n')[0]!.replace(/^\/\/\s*/, '') };
  });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedIfEmpty(h.db, 'default');
});
afterAll(async () => {
  await h.close();
});

describe('cypher/cookbook', () => {
  it('holds 15 or more documented queries, each with a title, what it answers, parameters and what it returns', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(15);
    for (const r of recipes) {
      expect(r.text, r.file).toMatch(/^\/\/ .+\n\/\/ Answers: .+\n\/\/ params: .+\n\/\/ Returns: .+/);
      expect(r.params, r.file).not.toBeNull();
    }
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    for (const r of recipes) expect(readme, r.file).toContain(r.file);
  });

  it.each(recipes.map((r) => [r.file, r] as const))('%s returns rows on the seed graph', async (_file, recipe) => {
    const result = await h.db.executor.runReadOnlyCypher(recipe.text, recipe.params ?? {}, { rowCap: 10_000, timeoutMs: 30_000 });
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.columns.length).toBeGreaterThan(0);
  });

  it('answers one known question exactly: the shortest path from Gol-e-Gohar to the Peugeot Pars', async () => {
    const recipe = recipes.find((r) => r.file.includes('shortest-path'))!;
    const { rows, columns } = await h.db.executor.runReadOnlyCypher(recipe.text, recipe.params!, { rowCap: 10, timeoutMs: 30_000 });
    const path = rows[0]![columns.indexOf('path')] as string[];
    expect(path[0]).toBe('mine:gol-e-gohar');
    expect(path.at(-1)).toBe('product:peugeot-pars');
    expect(path).toContain('product:iron-ore');
  });
});

// The README's answers come from the code (issue 15): every example block in the README and the
// docs must be what its query in docs/examples answers now on the seed graph, rendered by
// docs/examples/answers.ts. When the code or the seed changes an answer, this fails until
// `npm run docs:examples` rewrites the block.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS } from '../docs/examples/answers.js';
import { blocksIn, docFiles, exampleNames, renderBlock } from '../docs/examples/blocks.js';
import { seedIfEmpty } from '../src/io/seed.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedIfEmpty(h.db, 'default');
});
afterAll(async () => {
  await h.close();
});

const ask = async (query: string, variables: Record<string, unknown> = {}) => h.query(query, variables);
const blocks = docFiles().flatMap(blocksIn);

describe('example blocks in the docs', () => {
  it('gives every example query a renderer and a place in the docs, and nothing else', () => {
    expect(Object.keys(ANSWERS).sort()).toEqual(exampleNames());
    const placed = new Set(blocks.map((b) => b.name));
    expect(exampleNames().filter((n) => !placed.has(n))).toEqual([]);
  });

  it.each(blocks.map((b) => [`${b.file}: ${b.name}`, b] as const))('%s is what the code answers now (npm run docs:examples)', async (_label, block) => {
    expect(block.content).toBe(await renderBlock(block.name, ask));
  });
});

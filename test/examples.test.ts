// Every example question in docs/examples (shown on the landing page and in the README) runs
// without errors on the seed graph and finds something.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../src/http/landing.js';
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

const examples = loadExamples();

describe('docs/examples', () => {
  it('has the dozen analyst questions', () => {
    expect(examples.length).toBeGreaterThanOrEqual(12);
  });

  it.each(examples.map((e) => [e.file, e] as const))('%s runs on the seed graph', async (_file, example) => {
    const res = await h.gql(example.query, example.variables ? JSON.parse(example.variables) : {});
    expect(res.errors).toBeUndefined();
    const found = JSON.stringify(res.data);
    expect(found).not.toMatch(/^\{"[^"]+":(\[\]|null)\}$/);
    expect(found.length).toBeGreaterThan(40);
  });

  it('serves them on the landing page', async () => {
    const html = await (await fetch(`${h.server.url}/`)).text();
    for (const e of examples) expect(html).toContain(e.title.replace(/'/g, '&#39;').replace(/"/g, '&#34;').replace(/&(?!#)/g, '&#38;'));
  });

  it('links the embeddable views for nodes the seed graph has', async () => {
    const html = await (await fetch(`${h.server.url}/`)).text();
    const ids = [...html.matchAll(/href="\/view\/(?:dependencies|flows)\?id=([^&"]+)/g)].map((m) => decodeURIComponent(m[1]));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      const res = await h.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id });
      expect(res.data?.node?.id, id).toBe(id);
    }
    expect(html).toContain('href="/view/balance?stage=INTERMEDIATE"');
    expect(html).toContain('href="/view/plan?budget=5e8"');
    expect(html).toContain('href="/view/schedule?budgets=1e8,1e8,1e8&amp;start=2027"');
  });
});

// An embedded view on a server that gives callers without a key nothing (ZANJIR_ANONYMOUS_ROLE=none):
// with the dashboard's key in the URL fragment (which never reaches a server or its logs) the
// view draws; without it, it shows the server's refusal instead of a broken page.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/access/api-key.js';
import { AccessStore } from '../../src/db/access-store.js';
import { fixture } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { ensureViewsBuilt, launchChromium } from './browser.js';

declare const document: any;

let h: Harness;
let browser: Browser;
let key: string;
const seenByServer: string[] = [];

beforeAll(async () => {
  ensureViewsBuilt();
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'none' });
  await h.load(fixture('worked-example.json'));
  const made = generateApiKey();
  await new AccessStore(h.db.executor).create({ keyId: made.keyId, hash: made.hash, role: 'reader', name: 'embedded view', createdBy: 'test' });
  key = made.key;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function open(fragment: string) {
  const page = await browser.newPage();
  page.on('request', (req) => seenByServer.push(req.url()));
  await page.goto(`${h.server.url}/view/dependencies?id=product:steel&depth=2${fragment}`);
  await page.waitForFunction(() => ['ready', 'error', 'unavailable'].includes(document.body.dataset.state ?? ''), null, { timeout: 30_000 });
  return page;
}

describe('a view behind an API key', () => {
  it('draws with the key from the fragment, and the key never appears in a URL the server sees', async () => {
    const page = await open(`#key=${key}`);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('ready');
    await page.close();
    expect(seenByServer.some((u) => u.includes(key.slice(16)) && !u.includes('#'))).toBe(false);
  });

  it('says the server wants a key when there is none', async () => {
    const page = await open('');
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('error');
    expect(await page.evaluate(() => document.body.innerText)).toMatch(/API key/);
    await page.close();
  });
});

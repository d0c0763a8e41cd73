// Groups in the dependency view (issue 14): a node that stands for many firms or sites is drawn
// apart (a dashed, stacked outline and "×N" in its label), says so in its details, and the chain
// around it is otherwise drawn as GraphQL answers. On test/fixtures/organizations.json, where the
// widget's part two comes 40 % from a cluster of 12 workshops.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { OUTPUT_DIR, ensureViewsBuilt, launchChromium } from './browser.js';

declare const window: any;
declare const document: any;

let h: Harness;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  ensureViewsBuilt();
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  h = await startHarness();
  await h.load(fixture('organizations.json'));
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await h?.close();
});

async function open(pathAndQuery: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.server.url}${pathAndQuery}`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state ?? ''), undefined, { timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

const view = (page: Page) => page.evaluate(() => window.__zanjirView as Record<string, any>);

describe('groups in /view/dependencies', () => {
  it('draws the groups GraphQL names, and only them, with a dashed stacked outline and their size', async () => {
    const page = await open('/view/dependencies?id=product:widget&depth=6');
    const drawn = await view(page);
    expect(drawn.state).toBe('ready');
    const answer = (await h.query(`{ upstream(id: "product:widget", maxDepth: 6) { nodes { id node { group } } } }`)).upstream.nodes;
    const groups = answer.filter((n: { node: { group: boolean } }) => n.node.group).map((n: { id: string }) => n.id);
    expect(groups).toEqual(['plant:p2b']);
    expect(drawn.firmGroups).toEqual(groups);
    expect(drawn.labels['plant:p2b']).toBe('Part two workshops (cluster) ×12');
    expect(drawn.labels['plant:p2']).toBe('Part two plant');
    expect(await page.evaluate(() => window.__zanjirView.borderStyleOf('plant:p2b'))).toBe('dashed');
    expect(await page.evaluate(() => window.__zanjirView.borderStyleOf('plant:p2'))).toBe('solid');
    await page.waitForTimeout(350);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'dependencies-groups.png') });

    // Its details say it is a group, and of how many.
    const at = await page.evaluate(() => window.__zanjirView.positionOf('plant:p2b'));
    await page.mouse.click(at.x, at.y);
    const details = page.locator('.details');
    await details.waitFor({ state: 'visible' });
    expect(await details.innerText()).toMatch(/Group of firms or sites\s*12 members/);
    await page.close();
  });

  it('in Persian too', async () => {
    const page = await open('/view/dependencies?id=product:widget&depth=6&lang=fa');
    const drawn = await view(page);
    expect(drawn.labels['plant:p2b']).toBe('کارگاه‌های قطعه دو ×۱۲');
    await page.close();
  });
});

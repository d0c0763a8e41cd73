// /view/plan in headless Chromium, used as a person would, on DOMAIN.md's worked example with its
// projects S, S2 and E: what is drawn is compared with the GraphQL answer (bar widths are the
// remaining costs, heights the saving per dollar, S2 drawn apart as parallel work), in Persian
// right to left, embedded, dark, saved as PNG and SVG, and with a clear error for a bad budget.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, edge, fixture, node } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { OUTPUT_DIR, ensureViewsBuilt, launchChromium } from './browser.js';

declare const window: any;
declare const document: any;

let h: Harness;
let browser: Browser;
let context: BrowserContext;
const requested: string[] = [];

beforeAll(async () => {
  ensureViewsBuilt();
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  h = await startHarness();
  await h.load(fixture('worked-example.json'));
  await h.load(
    doc(
      [
        node('project:s', 'Project', { name: 'Steel plant S', nameFa: 'طرح فولاد اس', owner: 'A', status: 'ACTIVE', budget: 200_000, progress: 0.5 }),
        node('project:s2', 'Project', { name: 'Steel plant S2', nameFa: 'طرح فولاد اس۲', owner: 'B', status: 'ACTIVE', budget: 150_000, progress: 0.2 }),
        node('project:e', 'Project', { name: 'Electrode plant E', nameFa: 'طرح الکترود ای', owner: 'C', status: 'PLANNED', budget: 1_000_000, progress: 0.6 }),
        node('project:nb', 'Project', { name: 'Unfunded electrode idea', nameFa: 'ایدهٔ الکترود بی‌بودجه', owner: 'D', status: 'PLANNED' }),
      ],
      [
        edge('LOCALIZES', 'project:s', 'product:steel', { capacityTpy: 150 }),
        edge('LOCALIZES', 'project:s2', 'product:steel', { capacityTpy: 80 }),
        edge('LOCALIZES', 'project:e', 'part:electrode', { inputImportShare: 0.3 }),
        edge('LOCALIZES', 'project:nb', 'part:electrode'),
      ],
    ),
  );
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  context.on('request', (req) => requested.push(req.url()));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await h?.close();
});

async function open(pathAndQuery: string, page?: Page): Promise<Page> {
  const p = page ?? (await context.newPage());
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${h.server.url}${pathAndQuery}`);
  await p.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state ?? ''), undefined, { timeout: 30_000 });
  expect(errors).toEqual([]);
  return p;
}

const view = (page: Page) => page.evaluate(() => window.__zanjirView as Record<string, any>);

async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`) });
}

/** Each drawn bar's rectangle, read from the page. */
async function rects(page: Page): Promise<Record<string, { kind: string; width: number; height: number; x: number }>> {
  return page.evaluate(() => {
    const out: Record<string, any> = {};
    for (const g of document.querySelectorAll('.chart svg g[data-id]')) {
      const r = g.querySelector('rect').getBBox();
      out[g.getAttribute('data-id')] = { kind: g.getAttribute('data-kind'), width: r.width, height: r.height, x: r.x };
    }
    return out;
  });
}

const PLAN = `query ($b: Float!) { localizationPlan(budgetUsd: $b) { totalSavingUsd
  steps { project { id } remainingCostUsd savingPerUsd cumulativeCostUsd netSavingUsd }
  skipped { project { id } reason remainingCostUsd standaloneNetSavingUsd marginalNetSavingUsd } } }`;

describe('/view/plan', () => {
  it('draws the plan as a marginal-cost curve: widths the remaining costs, heights the saving per dollar, as GraphQL answers', async () => {
    const page = await open('/view/plan?budget=250000');
    const drawn = await view(page);
    const plan = (await h.query(PLAN, { b: 250_000 })).localizationPlan;
    expect(drawn.state).toBe('ready');
    expect(drawn.totalSavingUsd).toBeCloseTo(plan.totalSavingUsd, 6);
    expect(drawn.picked.map((b: any) => [b.id, b.cost, b.ratio, b.x0, b.x1])).toEqual(
      plan.steps.map((s: any) => [s.project.id, s.remainingCostUsd, s.savingPerUsd, s.cumulativeCostUsd - s.remainingCostUsd, s.cumulativeCostUsd]),
    );
    // The worked example: S picked (100,000 to go, 0.45 $ a year per $); E beyond the budget;
    // S2 apart as parallel work at what it would save alone (36,000 / 120,000 = 0.3).
    expect(drawn.picked.map((b: any) => b.id)).toEqual(['project:s']);
    expect(drawn.over).toEqual([{ id: 'project:e', x0: 100_000, x1: 500_000, cost: 400_000, ratio: expect.closeTo(7_000 / 400_000, 9), saving: expect.closeTo(7_000, 6) }]);
    expect(drawn.redundant).toEqual([{ id: 'project:s2', x0: 0, x1: 120_000, cost: 120_000, ratio: expect.closeTo(0.3, 9), saving: expect.closeTo(36_000, 6) }]);
    expect(drawn.unranked).toEqual([{ id: 'project:nb', reason: 'NO_BUDGET' }]);
    const skippedIds = plan.skipped.map((s: any) => s.project.id).sort();
    expect([...drawn.over, ...drawn.redundant, ...drawn.unranked].map((b: any) => b.id).sort()).toEqual(skippedIds);

    // On the page: widths in proportion to remaining cost, heights to saving per dollar.
    const r = await rects(page);
    expect(r['project:s']!.kind).toBe('picked');
    expect(r['project:e']!.kind).toBe('over');
    expect(r['project:s2']!.kind).toBe('redundant');
    expect(r['project:e']!.width / r['project:s']!.width).toBeCloseTo(4, 1);
    expect(r['project:e']!.height / r['project:s']!.height).toBeCloseTo(0.0175 / 0.45, 1);
    expect(await page.locator('[data-part="budget"]').count()).toBe(1);
    expect(await page.locator('.plan-unranked [data-reason="NO_BUDGET"]').innerText()).toContain('Unfunded electrode idea');
    expect(await page.locator('footer.statusbar').innerText()).toContain('1 of 4 projects');
    await screenshot(page, 'plan-250k');
    await page.close();
  });

  it('speaks Persian right to left with lang=fa, mirrored, and hides the chrome with embed=1 in the dark theme', async () => {
    const page = await open('/view/plan?budget=250000&lang=fa&embed=1&theme=dark');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang, document.documentElement.dataset.theme])).toEqual(['rtl', 'fa', 'dark']);
    expect(await page.locator('header.header').isVisible()).toBe(false);
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    const svgText = await page.locator('.chart svg').innerHTML();
    expect(svgText).toContain('طرح فولاد اس');
    expect(svgText).toContain('موازی‌کاری');
    // Mirrored: the first picked bar starts at the right-hand side.
    const r = await rects(page);
    const width = await page.evaluate(() => document.querySelector('.chart svg').getBBox().width);
    expect(r['project:s']!.x).toBeGreaterThan(width / 2);
    await screenshot(page, 'plan-250k-fa-embed-dark');
    await page.close();
  });

  it('re-plans for a budget typed in the toolbar, and saves the curve as PNG and SVG', async () => {
    const page = await open('/view/plan?budget=250000');
    await page.locator('#budget').fill('1e6');
    await Promise.all([page.waitForURL(/budget=1e6/), page.locator('[data-action="plan"]').click()]);
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    expect((await view(page)).picked.map((b: any) => b.id)).toEqual(['project:s', 'project:e']);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="png"]').click()]);
    expect(png.suggestedFilename()).toBe('zanjir-plan-1e6-en.png');
    const bytes = fs.readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="svg"]').click()]);
    const text = fs.readFileSync((await svgFile.path())!, 'utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('Electrode plant E');
    await page.close();
  });

  it('shows a clear error for a missing, unreadable or negative budget', async () => {
    const page = await open('/view/plan');
    expect(await page.locator('.error-card').innerText()).toContain('?budget=');
    await open('/view/plan?budget=lots', page);
    expect(await page.locator('.error-card').innerText()).toContain('must be a number of US dollars');
    await open('/view/plan?budget=-5', page);
    expect((await view(page)).error).toEqual({ code: 'BAD_USER_INPUT', message: 'budgetUsd must not be negative; got -5.' });
    await screenshot(page, 'plan-negative-budget');
    await page.close();
  });

  it('asked for nothing outside the server it came from', () => {
    const origin = new URL(h.server.url).origin;
    expect(requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(requested.some((u) => /\/view\/assets\/plan-[\w-]+\.js$/.test(u))).toBe(true);
  });
});

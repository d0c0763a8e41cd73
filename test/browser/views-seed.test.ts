// The views on the seed graph, where issue 13 found them hard to read: a depth-3 car opened zoomed
// into one corner, "Other imports" that could not be opened, balance figures cut by a scrollbar,
// labels cut mid-word. Each test measures what a person sees, in headless Chromium.

import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../src/io/seed.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { OUTPUT_DIR, chromiumPath, ensureViewsBuilt } from './browser.js';

declare const window: any;
declare const document: any;

let h: Harness;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  ensureViewsBuilt();
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  h = await startHarness();
  await seedIfEmpty(h.db, 'default');
  // Scrollbars shown and taking room, as on a desktop (headless Chromium hides them by default).
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    ignoreDefaultArgs: ['--hide-scrollbars'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await h?.close();
});

async function open(pathAndQuery: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.server.url}${pathAndQuery}`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state ?? ''), undefined, { timeout: 60_000 });
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => document.body.dataset.state)).toBe('ready');
  return page;
}

const view = (page: Page) => page.evaluate(() => window.__zanjirView as Record<string, any>);
const settle = (page: Page) => page.waitForTimeout(500);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`) });

/** Cut labels: every "…" label ends at a word's end (or is one word too long) and has the full name as its tooltip. */
async function cutLabels(page: Page, selector: string): Promise<{ text: string; title: string | null }[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)].map((el: any) => ({
        // The name only: the flows view puts it in a tspan beside the value; the balance view after its <title>.
        text: el.querySelector('[data-part="name"]')?.textContent ?? el.childNodes[el.childNodes.length - 1]?.textContent ?? '',
        title: el.querySelector('title')?.textContent ?? null,
      })),
    selector,
  );
}

function expectWholeWordCuts(labels: { text: string; title: string | null }[], fullName: (title: string) => string = (x) => x) {
  const cut = labels.filter((l) => l.text.endsWith('…'));
  for (const l of cut) {
    expect(l.title, `cut label ${l.text} has a tooltip`).not.toBeNull();
    const full = fullName(l.title!);
    const kept = l.text.slice(0, -1);
    expect(full.startsWith(kept), `${l.text} is a cut of ${full}`).toBe(true);
    const next = full[kept.length];
    const firstWordTooLong = !kept.includes(' ') && !full.slice(0, kept.length + 1).includes(' ');
    expect(next === ' ' || firstWordTooLong, `${l.text} ends at a word's end of ${full}`).toBe(true);
  }
  return cut.length;
}

describe('dependencies of a car at depth 3', () => {
  for (const variant of ['', '&lang=fa', '&theme=dark', '&embed=1']) {
    it(`opens fitted to the frame, every node in sight, outer tiers grouped by kind${variant}`, async () => {
      const page = await open(`/view/dependencies?id=product:peugeot-pars&depth=3${variant}`);
      await settle(page);
      const drawn = await view(page);
      const answer = (await h.query(`{ upstream(id: "product:peugeot-pars", maxDepth: 3, maxNodes: 400) { nodes { id } } }`)).upstream;
      expect(drawn.nodes).toHaveLength(answer.nodes.length);
      expect(answer.nodes.length).toBeGreaterThan(60);
      // Grouped: fewer things on the canvas, and the groups account for every node.
      expect(drawn.groups.length).toBeGreaterThan(0);
      const grouped = drawn.groups.reduce((s: number, g: any) => s + g.count, 0);
      expect(drawn.drawn.length - drawn.groups.length + grouped).toBe(answer.nodes.length);
      expect(drawn.drawn.length).toBeLessThan(60);
      // Fitted: every drawn node, label included, lies inside the frame.
      const boxes = await page.evaluate(() => window.__zanjirView.boxes());
      const { width, height } = drawn.frame;
      const outside = boxes.filter((b: any) => b.x1 < -1 || b.y1 < -1 || b.x2 > width + 1 || b.y2 > height + 1).map((b: any) => b.id);
      expect(outside).toEqual([]);
      expect(boxes).toHaveLength(drawn.drawn.length);
      // And legible: not shrunk to a speck to fit.
      expect(drawn.zoom).toBeGreaterThan(0.35);
      const status = await page.locator('footer').textContent();
      if (!variant.includes('embed')) expect(status).toContain(variant.includes('fa') ? 'گروه' : 'groups');
      await shot(page, `dependencies-pars-depth3${variant.replace(/[&=]/g, '-')}`);
      await page.close();
    });
  }

  it('opens a group on click, showing its members one by one', async () => {
    const page = await open('/view/dependencies?id=product:peugeot-pars&depth=3');
    await settle(page);
    const before = await view(page);
    const group = [...before.groups].sort((a: any, b: any) => a.count - b.count)[0];
    const at = await page.evaluate((id) => window.__zanjirView.positionOf(id), group.id);
    expect(at).not.toBeNull();
    // The tooltip names what the group holds.
    await page.mouse.move(at.x, at.y);
    const title = await page.locator('[data-testid="graph"]').getAttribute('title');
    expect(title).toContain(String(group.count));
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((id) => !window.__zanjirView.groups.some((g: any) => g.id === id), group.id);
    await settle(page);
    const after = await view(page);
    for (const m of group.members) expect(after.drawn).toContain(m);
    const boxes = await page.evaluate(() => window.__zanjirView.boxes());
    expect(boxes.filter((b: any) => b.x2 > after.frame.width + 1 || b.y2 > after.frame.height + 1)).toEqual([]);
    await shot(page, 'dependencies-pars-group-opened');
    await page.close();
  });

  it('gives every node its full name as a tooltip', async () => {
    const page = await open('/view/dependencies?id=product:peugeot-pars&depth=1');
    const at = await page.evaluate(() => window.__zanjirView.positionOf('part:power-semiconductor') ?? window.__zanjirView.positionOf('part:ecu'));
    await page.mouse.move(at.x, at.y);
    expect(await page.locator('[data-testid="graph"]').getAttribute('title')).toMatch(/^(Power semiconductors \(MOSFET, IGBT\)|Engine control unit \(ECU\))\n/);
    await page.close();
  });
});

describe('the Sankey’s gathered nodes', () => {
  it('lists the members of "Other imports" on hover and draws them on click', async () => {
    const page = await open('/view/flows?id=product:peugeot-pars');
    const drawn = await view(page);
    const group = drawn.groups.find((g: any) => g.role === 'OTHER_IMPORTS');
    expect(group, 'the car has gathered imports').toBeDefined();
    const answer = (await h.query(`{ valueFlows(id: "product:peugeot-pars") { nodes { key members { key name value } } } }`)).valueFlows;
    const members = answer.nodes.find((n: any) => n.key === group.key).members;
    expect(members.map((m: any) => m.key)).toEqual(group.members);
    const rect = page.locator(`rect[data-key="${group.key}"]`);
    await rect.hover();
    const listed = await page.locator('.tooltip [data-part="members"] li').allTextContents();
    for (const m of members.slice(0, 10)) expect(listed.some((l) => l.startsWith(`${m.name}:`)), m.name).toBe(true);
    await shot(page, 'flows-pars-other-imports-hover');
    await rect.click();
    await page.waitForFunction(() => window.__zanjirView?.state === 'ready' && window.__zanjirView.minShare < 0.02, undefined, { timeout: 60_000 });
    const opened = await view(page);
    for (const key of group.members) expect(opened.nodes, key).toContain(key);
    expect(page.url()).toContain('minShare=');
    await shot(page, 'flows-pars-other-imports-opened');
    await page.close();
  });

  it('cuts labels only at the end of a word, the full name in the tooltip', async () => {
    for (const q of ['', '&lang=fa']) {
      const page = await open(`/view/flows?id=product:peugeot-pars${q}`, { width: 1000, height: 700 });
      const labels = await cutLabels(page, 'text[data-key]');
      expect(labels.length).toBeGreaterThan(10);
      expect(expectWholeWordCuts(labels), 'some labels are cut at this width').toBeGreaterThan(0);
      await page.close();
    }
  });
});

describe('the balance view', () => {
  for (const [q, viewport] of [['', { width: 1280, height: 800 }], ['?lang=fa', { width: 1280, height: 800 }], ['', { width: 700, height: 560 }], ['?lang=fa', { width: 700, height: 560 }]] as const) {
    it(`never cuts its figures under the scrollbar ${q} ${viewport.width}px`, async () => {
      const page = await open(`/view/balance${q}`, viewport);
      const scrollbar = await page.evaluate(() => {
        const chart = document.querySelector('[data-testid="chart"]');
        return { overflows: chart.scrollHeight > chart.clientHeight, width: chart.offsetWidth - chart.clientWidth };
      });
      expect(scrollbar.overflows, 'all items: more rows than fit, so a scrollbar shows').toBe(true);
      expect(scrollbar.width, 'the scrollbar takes room, as on a desktop').toBeGreaterThanOrEqual(14);
      const clipped = await page.evaluate(() => {
        const chart = document.querySelector('[data-testid="chart"]');
        // The area not under the scrollbar (on the left in a right-to-left page: clientLeft covers it).
        const left = chart.getBoundingClientRect().left + chart.clientLeft;
        const right = left + chart.clientWidth;
        return [...chart.querySelectorAll('text')]
          .map((t: any) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
          .filter((x: any) => x.r.right > right + 0.5 || x.r.left < left - 0.5)
          .map((x: any) => x.text);
      });
      expect(clipped).toEqual([]);
      const labels = await cutLabels(page, 'a > text');
      expect(labels.length).toBeGreaterThan(50);
      const cut = expectWholeWordCuts(labels, (title) => title.replace(/ \([^)]*\)$/, ''));
      if (viewport.width < 800 && !q) expect(cut, 'names are cut at this width').toBeGreaterThan(0);
      await shot(page, `balance-all${q.replace(/[?=&]/g, '-')}-${viewport.width}`);
      await page.close();
    });
  }

  it('keeps the links to the other views in its top bar', async () => {
    const page = await open('/view/balance?id=product:dena-plus&stage=FINISHED');
    const links = await page.locator('header nav a').evaluateAll((as: any[]) => as.map((a) => [a.dataset.view, a.getAttribute('href')]));
    expect(links.map((l: any) => l[0])).toEqual(['dependencies', 'flows', 'balance']);
    expect(links[0][1]).toContain('id=product%3Adena-plus');
    const plain = await open('/view/balance');
    const plainLinks = await plain.locator('header nav a').evaluateAll((as: any[]) => as.map((a) => a.dataset.view));
    expect(plainLinks).toEqual(['dependencies', 'flows', 'balance']);
    // And the other views link here keeping the item, so the way back is there.
    const deps = await open('/view/dependencies?id=product:dena-plus&depth=1');
    expect(await deps.locator('header nav a[data-view="balance"]').getAttribute('href')).toContain('id=product%3Adena-plus');
    await Promise.all([page.close(), plain.close(), deps.close()]);
  });
});

// The embeddable views, used as a person would: headless Chromium loads each page from a real
// Zanjir server on a small graph (DOMAIN.md's worked example, a car and a chip), and the tests
// compare what is drawn with what GraphQL answers, click, search, switch to Persian, embed, save
// pictures, and keep screenshots in test-output/views/ for a human to look at.

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, fixture, node } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { OUTPUT_DIR, ensureViewsBuilt, launchChromium } from './browser.js';

// The worked example, plus a car assembled at home from steel and chips, 60 % of the chips
// imported from China (by volume), and a Persian alias to search by.
const GRAPH = (() => {
  const doc = fixture('worked-example.json');
  doc.nodes.push(
    node('product:car', 'Product', { name: 'Family car', nameFa: 'خودروی خانوادگی', stage: 'FINISHED', unit: 'car', unitValueUsd: 10000 }),
    node('part:chip', 'Part', { name: 'Engine control chip', nameFa: 'تراشه کنترل موتور', unit: 'piece', unitValueUsd: 50 }),
    node('supplier:cn-chips', 'Supplier', { name: 'Chinese chip makers', nameFa: 'سازندگان چینی تراشه', country: 'CN' }),
    node('supplier:ir-chips', 'Supplier', { name: 'Domestic chip packager', nameFa: 'بسته‌بندی داخلی تراشه' }),
  );
  doc.edges.push(
    edge('COMPONENT_OF', 'product:steel', 'product:car', { quantity: 1 }),
    edge('COMPONENT_OF', 'part:chip', 'product:car', { quantity: 20 }),
    edge('SUPPLIES', 'supplier:cn-chips', 'part:chip', { volumePerYear: 600 }),
    edge('SUPPLIES', 'supplier:ir-chips', 'part:chip', { volumePerYear: 400 }),
  );
  return doc;
})();

// Code passed to page.evaluate() runs in the browser; the root tsconfig has no DOM types.
declare const window: any;
declare const document: any;

const READY = ['ready', 'error', 'unavailable'];

let h: Harness;
let browser: Browser;
let context: BrowserContext;
let origin: string;
/** Every URL any page asked for, to check that none left the server. */
const requested: string[] = [];
/** Pages the tests serve themselves as a dashboard would. */
const dashboards = new Set<string>();

beforeAll(async () => {
  ensureViewsBuilt();
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  h = await startHarness();
  await h.load(GRAPH);
  origin = new URL(h.server.url).origin;
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
  await p.waitForFunction((states) => states.includes(document.body.dataset.state ?? ''), READY, { timeout: 30_000 });
  expect(errors).toEqual([]);
  return p;
}

const view = (page: Page) => page.evaluate(() => window.__zanjirView as Record<string, any>);

async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(350); // let animations (layout, fit) settle
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`) });
}

async function clickNode(page: Page, id: string): Promise<void> {
  const at = await page.evaluate((nodeId) => (window.__zanjirView as any).positionOf(nodeId), id);
  expect(at, `node ${id} is drawn`).not.toBeNull();
  await page.mouse.click(at.x, at.y);
}

const UPSTREAM = `query ($id: ID!, $d: Int) { upstream(id: $id, maxDepth: $d) { nodes { id nameFa } edges { type from to } } }`;
const sorted = <T>(list: T[]) => [...list].sort();

describe('/view/dependencies', () => {
  it('draws exactly the nodes and edges of the upstream answer, coloured by direct import share', async () => {
    const page = await open('/view/dependencies?id=product:steel&depth=6');
    const drawn = await view(page);
    const answer = (await h.query(UPSTREAM, { id: 'product:steel', d: 6 })).upstream;
    expect(drawn.state).toBe('ready');
    expect(sorted(drawn.nodes)).toEqual(sorted(answer.nodes.map((n: { id: string }) => n.id)));
    expect(sorted(drawn.edges.map((e: any) => `${e.type} ${e.from} ${e.to}`))).toEqual(sorted(answer.edges.map((e: any) => `${e.type} ${e.from} ${e.to}`)));
    expect(drawn.nodes).toHaveLength(9);
    // DOMAIN.md: steel m = 0.2 (the Turkish importer), electrode m = 1, pellet and ore 0.
    expect(drawn.importShares['product:steel']).toBeCloseTo(0.2, 12);
    expect(drawn.importShares['part:electrode']).toBe(1);
    expect(drawn.importShares['product:pellet']).toBe(0);
    expect(drawn.importShares['supplier:cn-electrodes']).toBe(1);
    // Every item is coloured by the server's own m.
    const m = (await h.query(`{ nodes(first: 100) { edges { node { id ... on Product { directImportShare } ... on Part { directImportShare } } } } }`)).nodes.edges;
    for (const { node: n } of m) if (n.directImportShare !== undefined && n.id in drawn.importShares) expect(drawn.importShares[n.id], n.id).toBe(n.directImportShare);
    expect(drawn.labels['product:steel']).toBe('Steel');
    expect(await page.locator('.legend').isVisible()).toBe(true);
    expect(await page.locator('.legend').textContent()).toContain('share imported directly');
    await screenshot(page, 'dependencies-steel-upstream');
    await page.close();
  });

  it('says when the walk is not the whole chain: nodes lie beyond the chosen depth', async () => {
    // steel ← its plant and the Turkish importer (depth 1) ← pellet and electrodes (depth 2).
    const page = await open('/view/dependencies?id=product:steel&depth=1');
    const drawn = await view(page);
    expect(drawn.depthLimited).toBe(true);
    expect(drawn.nodesAtNextDepth).toBe(2);
    // Beyond: pellet and electrodes (2), the pellet plant and the Chinese supplier (3), ore (4), mine (5).
    expect(drawn.nodesBeyondDepth).toBe(6);
    expect(await page.locator('.statusbar').textContent()).toContain('Not the whole chain: 6 more nodes lie beyond this depth, 2 of them at depth 2');
    await page.close();
    const whole = await open('/view/dependencies?id=product:steel&depth=6');
    expect((await view(whole)).depthLimited).toBe(false);
    expect(await whole.locator('.statusbar').textContent()).not.toContain('Not the whole chain');
    await whole.close();
  });

  it('draws the downstream walk too, material still flowing left to right', async () => {
    const page = await open('/view/dependencies?id=product:ore&direction=down&depth=6');
    const drawn = await view(page);
    expect(drawn.direction).toBe('down');
    expect(drawn.nodes).toEqual(expect.arrayContaining(['product:ore', 'plant:pellet', 'product:pellet', 'plant:steel', 'product:steel', 'product:car']));
    const x = async (id: string) => (await page.evaluate((nodeId) => (window.__zanjirView as any).positionOf(nodeId), id)).x;
    expect(await x('product:ore')).toBeLessThan(await x('plant:pellet'));
    expect(await x('product:steel')).toBeLessThan(await x('product:car'));
    await screenshot(page, 'dependencies-ore-downstream');
    await page.close();
  });

  it('opens a node’s details on click, and expands its neighbours', async () => {
    const page = await open('/view/dependencies?id=product:steel&depth=2');
    expect((await view(page)).nodes).not.toContain('plant:pellet');
    await clickNode(page, 'part:electrode');
    const details = page.locator('.details');
    await details.waitFor({ state: 'visible' });
    const text = await details.innerText();
    expect(text).toContain('Graphite electrode');
    expect(text).toContain('الکترود گرافیتی');
    expect(text).toContain('Part');
    expect(text).toContain('Chinese electrode maker');
    expect(text).toContain('CN');
    expect(text).toContain('100%');
    expect((await view(page)).selected).toBe('part:electrode');
    await screenshot(page, 'dependencies-details');

    // Expand the pellet: its plant (upstream) arrives and is merged into the picture.
    await clickNode(page, 'product:pellet');
    await page.locator('.details [data-action="expand"]').click();
    await page.waitForFunction(() => (window.__zanjirView as any).expanded.includes('product:pellet'));
    const after = await view(page);
    expect(after.nodes).toEqual(expect.arrayContaining(['plant:pellet', 'product:pellet', 'plant:steel']));
    expect(after.edges).toContainEqual({ type: 'PRODUCES', from: 'plant:pellet', to: 'product:pellet' });
    expect(new Set(after.nodes).size).toBe(after.nodes.length);
    await page.close();
  });

  it('finds a node by its Persian name in the search box and jumps to it', async () => {
    const page = await open('/view/dependencies?id=product:steel&depth=6');
    await page.locator('[data-control="search"]').fill('گندله');
    const hit = page.locator('.results li[data-id="product:pellet"]');
    await hit.waitFor({ state: 'visible' });
    await hit.click();
    await page.waitForFunction(() => (window.__zanjirView as any).selected === 'product:pellet');
    expect(await page.locator('.details h2').innerText()).toBe('Iron ore pellet');

    // A node outside the picture: the view moves to it.
    await page.locator('[data-control="search"]').fill('Family car');
    await page.locator('.results li[data-id="product:car"]').click();
    await page.waitForURL(/id=product%3Acar|id=product:car/);
    await page.waitForFunction(() => (window.__zanjirView as any)?.root === 'product:car');
    await page.close();
  });

  it('speaks Persian with lang=fa: Persian labels, right to left', async () => {
    const page = await open('/view/dependencies?id=product:steel&depth=6&lang=fa');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('fa');
    const drawn = await view(page);
    const answer = (await h.query(UPSTREAM, { id: 'product:steel', d: 6 })).upstream;
    for (const n of answer.nodes as { id: string; nameFa: string }[]) expect(drawn.labels[n.id]).toBe(n.nameFa);
    expect(await page.locator('header .title').innerText()).toBe('فولاد به چه وابسته است');
    // Material flows right to left, as the page reads: the pellet is right of the plant, the plant of steel.
    const x = async (id: string) => (await page.evaluate((nodeId) => (window.__zanjirView as any).positionOf(nodeId), id)).x;
    expect(await x('product:pellet')).toBeGreaterThan(await x('plant:steel'));
    expect(await x('plant:steel')).toBeGreaterThan(await x('product:steel'));
    await clickNode(page, 'product:steel');
    await page.locator('.details').waitFor({ state: 'visible' });
    expect(await page.locator('.details').innerText()).toContain('سهم واردات مستقیم');
    // The details panel sits on the left in a right-to-left page.
    const panel = await page.locator('.details').boundingBox();
    expect(panel!.x).toBeLessThan(640);
    await screenshot(page, 'dependencies-steel-fa');
    await page.close();
  });

  it('hides all chrome with embed=1, fills its frame and follows its size', async () => {
    const page = await open('/view/dependencies?id=product:steel&depth=6&embed=1&theme=dark');
    for (const selector of ['header', '.toolbar', '.statusbar']) expect(await page.locator(selector).isVisible(), selector).toBe(false);
    expect(await page.locator('.zoom-mini').isVisible()).toBe(true);
    expect(await page.locator('.zoom-mini [data-action="fit"]').isVisible()).toBe(true);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    const box = await page.locator('.graph').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
    await screenshot(page, 'dependencies-embed-dark');
    await page.setViewportSize({ width: 640, height: 400 });
    await page.waitForFunction(() => document.querySelector('.graph canvas')?.getBoundingClientRect().width === 640);
    expect(await page.locator('.graph').boundingBox()).toEqual({ x: 0, y: 0, width: 640, height: 400 });
    await page.close();
  });

  it('works inside an iframe of a dashboard on another origin', async () => {
    // The dashboard: another server (another port) whose page frames the view.
    const dashboard = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Dashboard</title><body style="margin:0;background:#eee"><h1 style="font:16px sans-serif;margin:8px">Ministry dashboard</h1><iframe src="${h.server.url}/view/dependencies?id=product:steel&embed=1&depth=6" width="760" height="460" style="border:1px solid #999"></iframe></body>`);
    });
    await new Promise<void>((resolve) => dashboard.listen(0, '127.0.0.1', resolve));
    try {
      const page = await context.newPage();
      const url = `http://localhost:${(dashboard.address() as AddressInfo).port}/`;
      dashboards.add(url);
      await page.goto(url);
      const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
      await frame.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
      expect(await frame.evaluate(() => (window.__zanjirView as any).nodes.length)).toBe(9);
      expect(await frame.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([760, 460]);
      await screenshot(page, 'dependencies-in-dashboard-iframe');
      await page.close();
    } finally {
      await new Promise((resolve) => dashboard.close(resolve));
    }
  });

  it('shows a clear error for an unknown id (NOT_FOUND) and for a missing one', async () => {
    const page = await open('/view/dependencies?id=product:unobtainium');
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('error');
    expect((await view(page)).error.code).toBe('NOT_FOUND');
    const card = await page.locator('.error-card').innerText();
    expect(card).toContain('No such node');
    expect(card).toContain('product:unobtainium');
    await screenshot(page, 'dependencies-not-found');
    await open('/view/dependencies', page);
    expect(await page.locator('.error-card').innerText()).toContain('?id=');
    await page.close();
  });

  it('saves the picture as PNG and SVG', async () => {
    const page = await open('/view/dependencies?id=product:steel&depth=6');
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="png"]').click()]);
    expect(png.suggestedFilename()).toBe('zanjir-product-steel-upstream-en.png');
    const pngBytes = fs.readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(5_000);
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="svg"]').click()]);
    expect(svgFile.suggestedFilename()).toBe('zanjir-product-steel-upstream-en.svg');
    const svgText = fs.readFileSync((await svgFile.path())!, 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('Graphite electrode');
    await page.close();
  });

  it('links to the balance view only when the server has chainBalance', async () => {
    const page = await open('/view/dependencies?id=product:steel');
    expect(await page.locator('header nav a[data-view="balance"]').count()).toBe(1);
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON();
      if (body.operationName !== 'Capabilities') return route.continue();
      await route.fulfill({ json: { data: { __type: { fields: [{ name: 'upstream' }, { name: 'downstream' }, { name: 'search' }] } } } });
    });
    await open('/view/dependencies?id=product:steel', page);
    expect(await page.locator('header nav a[data-view="balance"]').count()).toBe(0);
    expect(await page.locator('header nav a[data-view="flows"]').count()).toBe(1);
    await page.close();
  });
});

describe('/view/flows', () => {
  const IMPORT_CONTENT = `query ($id: ID!) { importContent(id: $id) { totalImportContent } }`;

  it('draws the value flowing into steel: $140 of $500 imported, as importContent says', async () => {
    const page = await open('/view/flows?id=product:steel');
    const drawn = await view(page);
    const t = (await h.query(IMPORT_CONTENT, { id: 'product:steel' })).importContent.totalImportContent;
    expect(drawn.total).toBe(500);
    expect(drawn.importedShare).toBeCloseTo(t, 9);
    expect(drawn.importedShare).toBeCloseTo(0.28, 9);
    // Plants are drawn as the items they make; sources stay; every node of the picture is upstream.
    expect(sorted(drawn.nodes)).toEqual(['added:product:steel', 'mine:a', 'part:electrode', 'product:ore', 'product:pellet', 'product:steel', 'supplier:cn-electrodes', 'supplier:tr-steel']);
    // Exactly what valueFlows answers: the same nodes and links.
    const flows = (await h.query(`{ valueFlows(id: "product:steel") { nodes { key } links { source target value } } }`)).valueFlows;
    expect(sorted(drawn.nodes)).toEqual(sorted(flows.nodes.map((n: { key: string }) => n.key)));
    expect(sorted(drawn.links.map((l: any) => `${l.source}>${l.target}:${l.value.toFixed(6)}`))).toEqual(sorted(flows.links.map((l: any) => `${l.source}>${l.target}:${l.value.toFixed(6)}`)));
    // The steel plant's own value added: $500 − pellet $200 − electrodes $40 − imported steel $100.
    expect(drawn.links.find((l: any) => l.source === 'added:product:steel').value).toBeCloseTo(160, 9);
    const rects = await page.locator('.chart svg rect[data-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    expect(sorted(rects)).toEqual(sorted(drawn.nodes));
    // Imports stand out: both foreign suppliers are drawn in the import colour.
    const fill = (key: string) => page.locator(`.chart svg rect[data-key="${key}"]`).getAttribute('fill');
    expect(await fill('supplier:tr-steel')).toBe(await fill('supplier:cn-electrodes'));
    expect(await fill('supplier:tr-steel')).not.toBe(await fill('mine:a'));
    expect(await page.locator('.caption').innerText()).toContain('$140');
    await screenshot(page, 'flows-steel');
    await page.close();
  });

  it('shows plants with detail=sites, and a car’s imports through every tier', async () => {
    const page = await open('/view/flows?id=product:steel&detail=sites');
    expect((await view(page)).nodes).toEqual(expect.arrayContaining(['plant:steel', 'plant:pellet']));
    await open('/view/flows?id=product:car&minShare=0', page);
    const car = await view(page);
    const t = (await h.query(IMPORT_CONTENT, { id: 'product:car' })).importContent.totalImportContent;
    // steel 0.05 × 0.28 + chips 0.1 × 0.6 = 0.074
    expect(car.importedShare).toBeCloseTo(t, 9);
    expect(car.importedShare).toBeCloseTo(0.074, 9);
    expect(car.nodes).toEqual(expect.arrayContaining(['part:chip', 'supplier:cn-chips', 'supplier:ir-chips', 'product:steel']));
    await screenshot(page, 'flows-car');
    await page.close();
  });

  it('labels in Persian with lang=fa, and hides chrome with embed=1', async () => {
    const page = await open('/view/flows?id=product:steel&lang=fa&embed=1');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const names = await page.locator('.chart svg text tspan[data-part="name"]').evaluateAll((els) => els.map((e) => e.textContent));
    expect(names).toEqual(expect.arrayContaining(['فولاد', 'گندله', 'الکترود گرافیتی']));
    // Value flows right to left, as the page reads: the mine on the right, steel on the left,
    // and each label beside its own bar.
    const bar = async (key: string) => (await page.locator(`.chart svg rect[data-key="${key}"]`).boundingBox())!;
    expect((await bar('mine:a')).x).toBeGreaterThan((await bar('product:pellet')).x);
    expect((await bar('product:pellet')).x).toBeGreaterThan((await bar('product:steel')).x);
    const steelLabel = (await page.locator('.chart svg text[data-key="product:steel"]').boundingBox())!;
    expect(steelLabel.x + steelLabel.width).toBeLessThanOrEqual((await bar('product:steel')).x + 1);
    for (const selector of ['header', '.toolbar', '.statusbar', '.caption']) expect(await page.locator(selector).isVisible(), selector).toBe(false);
    const box = await page.locator('.chart svg').boundingBox();
    expect(box!.width).toBe(1280);
    await screenshot(page, 'flows-steel-fa-embed');
    await page.close();
  });

  it('saves the Sankey as SVG and PNG', async () => {
    const page = await open('/view/flows?id=product:steel');
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="svg"]').click()]);
    const svgText = fs.readFileSync((await svgFile.path())!, 'utf8');
    expect(svgText).toContain('Turkish steel importer');
    expect(svgText).toContain('@font-face');
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="png"]').click()]);
    expect(fs.readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('shows NOT_FOUND for an unknown id', async () => {
    const page = await open('/view/flows?id=product:nothing');
    expect((await view(page)).error.code).toBe('NOT_FOUND');
    await page.close();
  });
});

describe('/view/balance', () => {
  it('charts every row chainBalance answers, gaps in red', async () => {
    const page = await open('/view/balance');
    const drawn = await view(page);
    const rows = (await h.query(`{ chainBalance { item { id } balance } }`)).chainBalance as { item: { id: string }; balance: number }[];
    expect(drawn.available).toBe(true);
    expect(sorted(drawn.nodes)).toEqual(sorted(rows.map((r) => r.item.id)));
    // DOMAIN.md: the electrode is short by 4 pieces; ore has 100 t to spare.
    expect(drawn.rows.find((r: any) => r.id === 'part:electrode').balance).toBeCloseTo(-4, 9);
    expect(drawn.rows.find((r: any) => r.id === 'product:ore').balance).toBeCloseTo(100, 9);
    expect(await page.locator('g[data-id="part:electrode"] rect[data-part="gap"]').count()).toBe(1);
    expect(await page.locator('g[data-id="product:ore"] rect[data-part="gap"]').count()).toBe(0);
    await screenshot(page, 'balance-all');
    await open('/view/balance?stage=ORE&lang=fa', page);
    expect((await view(page)).nodes).toEqual(['product:ore']);
    expect(await page.locator('.chart svg').innerHTML()).toContain('سنگ‌آهن');
    await screenshot(page, 'balance-ore-fa');
    await page.close();
  });

  it('says so when the server has no chainBalance yet', async () => {
    const page = await context.newPage();
    const asked: string[] = [];
    await page.route('**/graphql', async (route) => {
      asked.push(route.request().postDataJSON().operationName);
      await route.fulfill({ json: { data: { __type: { fields: [{ name: 'upstream' }] } } } });
    });
    await open('/view/balance?stage=ORE', page);
    expect(asked).toEqual(['Capabilities']);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('unavailable');
    expect(await page.locator('.error-card').innerText()).toContain('not available on this server yet');
    await screenshot(page, 'balance-unavailable');
    await page.close();
  });
});

describe('every page', () => {
  it('asked for nothing outside the server it came from', () => {
    expect(requested.length).toBeGreaterThan(20);
    // The one page from elsewhere is the test's own dashboard that frames a view.
    const outside = requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:') && !dashboards.has(url));
    expect(outside).toEqual([]);
    // And it did load its script, styles and font from there.
    expect(requested.some((u) => /\/view\/assets\/dependencies-[\w-]+\.js$/.test(u))).toBe(true);
    expect(requested.some((u) => /\/view\/assets\/vazirmatn-[\w-]+\.woff2$/.test(u))).toBe(true);
  });
});

// How the server hands out the views over HTTP: pages and hashed assets with their content types
// and cache headers, headers that let any dashboard frame them but load nothing from elsewhere,
// and a clear 503 when the views were never built.

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleViews } from '../src/http/views.js';
import { ensureViewsBuilt } from './browser/browser.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  ensureViewsBuilt();
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const get = (p: string, headers: Record<string, string> = {}) => fetch(`${h.server.url}${p}`, { headers, redirect: 'manual' });

describe('the view pages', () => {
  it.each(['dependencies', 'flows', 'balance', 'plan', 'schedule'])('/view/%s is an HTML page that may be framed by any dashboard', async (name) => {
    const res = await get(`/view/${name}?id=product:steel&embed=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-frame-options')).toBeNull();
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/[\w-]+\.js">/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves hashed assets with their types, cached for a year, gzipped when asked', async () => {
    const html = await (await get('/view/dependencies')).text();
    const assets = [...html.matchAll(/\.\/assets\/([\w.-]+)/g)].map((m) => m[1]!);
    const js = assets.find((a) => a.endsWith('.js'))!;
    const css = assets.find((a) => a.endsWith('.css'))!;
    const script = await get(`/view/assets/${js}`, { 'accept-encoding': 'gzip' });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect((await get(`/view/assets/${css}`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const font = fs.readdirSync(path.join('views', 'dist', 'assets')).find((f) => f.endsWith('.woff2'))!;
    expect((await get(`/view/assets/${font}`)).headers.get('content-type')).toBe('font/woff2');
    // Nothing in any bundle points at another host.
    for (const file of fs.readdirSync(path.join('views', 'dist', 'assets')).filter((f) => /\.(js|css)$/.test(f))) {
      const text = fs.readFileSync(path.join('views', 'dist', 'assets', file), 'utf8');
      expect(text, file).not.toMatch(/(?:src|href|url)\s*[=(]\s*["']?https?:\/\//);
    }
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await fetch(`${h.server.url}/view/flows`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100);
    expect(await res.text()).toBe('');
  });

  it('redirects /view and trailing slashes, and refuses unknown paths and writes', async () => {
    const bare = await get('/view');
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/view/dependencies');
    const slash = await get('/view/flows/?id=product:steel');
    expect(slash.headers.get('location')).toBe('/view/flows?id=product:steel');
    expect((await get('/view/nothing')).status).toBe(404);
    expect((await get('/view/assets/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await get('/view/assets/missing-123.js')).status).toBe(404);
    expect((await fetch(`${h.server.url}/view/dependencies`, { method: 'POST' })).status).toBe(405);
  });
});

describe('without a build', () => {
  it('answers 503 and says to run npm run build:views', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'zanjir-views-'));
    const server = http.createServer((req, res) => {
      void handleViews(req, res, new URL(req.url ?? '/', 'http://localhost'), { distDir: path.join(empty, 'dist') });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/view/dependencies?id=x`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:views');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

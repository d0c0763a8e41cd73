// GET /view/{dependencies,flows,balance,plan,schedule} and /view/assets/*: the embeddable views, built by
// `npm run build:views` into views/dist. Pages may be framed by any dashboard (frame-ancestors *),
// but load nothing from anywhere but this server (default-src 'self'). Hashed assets are cached for
// a year; pages are revalidated so a new build shows at once.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROJECT_ROOT } from '../config.js';

export const VIEWS = ['dependencies', 'flows', 'balance', 'plan', 'schedule'] as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.map']);

/**
 * Framing allowed from the configured dashboards (ZANJIR_FRAME_ANCESTORS); everything else only
 * from this origin. Styles allow 'unsafe-inline' because the graph library sets element styles;
 * blob: and data: serve the PNG/SVG downloads.
 */
export function viewSecurityHeaders(frameAncestors = '*'): Record<string, string> {
  return {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  };
}

/** The headers with framing from anywhere (a local, single-user run). */
export const VIEW_SECURITY_HEADERS = viewSecurityHeaders('*');

export interface ViewsOptions {
  /** Where the build output is; views/dist by default. */
  distDir?: string;
  /** Who may frame the views (CSP frame-ancestors); '*' by default. */
  frameAncestors?: string;
}

/** Answers /view and everything under it; returns false for other paths. */
export async function handleViews(req: IncomingMessage, res: ServerResponse, url: URL, options: ViewsOptions = {}): Promise<boolean> {
  const { pathname } = url;
  if (pathname !== '/view' && !pathname.startsWith('/view/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('The views are read with GET.\n');
    return true;
  }
  const dist = options.distDir ?? path.join(PROJECT_ROOT, 'views', 'dist');
  const rest = pathname.slice('/view'.length).replace(/^\/+/, '');

  // /view, /view/ and a trailing slash go to the page without it (relative asset URLs need that).
  if (rest === '' || rest.endsWith('/')) {
    const target = rest === '' ? 'dependencies' : rest.replace(/\/+$/, '');
    res.writeHead(308, { location: `/view/${target}${url.search}` });
    res.end();
    return true;
  }

  let file: string;
  let cache: string;
  if ((VIEWS as readonly string[]).includes(rest)) {
    file = path.join(dist, `${rest}.html`);
    cache = 'no-cache';
  } else if (/^assets\/[A-Za-z0-9._-]+$/.test(rest)) {
    file = path.join(dist, rest);
    cache = 'public, max-age=31536000, immutable';
  } else {
    sendText(res, 404, `No view at ${pathname}. The views are /view/${VIEWS.join(', /view/')}.\n`);
    return true;
  }

  let body: Buffer;
  try {
    body = await fs.promises.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!fs.existsSync(path.join(dist, `${VIEWS[0]}.html`))) {
      sendText(res, 503, 'The views are not built. Run `npm run build:views` (npm start and npm test do it for you), then reload.\n');
    } else {
      sendText(res, 404, `No asset ${rest}. The views were rebuilt since this page was loaded: reload it.\n`);
    }
    return true;
  }

  const ext = path.extname(file);
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'cache-control': cache,
    ...viewSecurityHeaders(options.frameAncestors),
  };
  if (COMPRESSIBLE.has(ext)) {
    headers.vary = 'accept-encoding';
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && body.length > 1024) {
      body = await gzip(file, body);
      headers['content-encoding'] = 'gzip';
    }
  }
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/** Compressed files, kept while the file's size and time stay the same (a rebuild changes them). */
const gzipCache = new Map<string, { stamp: string; data: Buffer }>();

async function gzip(file: string, body: Buffer): Promise<Buffer> {
  const stat = await fs.promises.stat(file);
  const stamp = `${stat.size}:${stat.mtimeMs}`;
  const hit = gzipCache.get(file);
  if (hit?.stamp === stamp) return hit.data;
  const data = await new Promise<Buffer>((resolve, reject) => zlib.gzip(body, { level: 9 }, (err, out) => (err ? reject(err) : resolve(out))));
  gzipCache.set(file, { stamp, data });
  return data;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...VIEW_SECURITY_HEADERS });
  res.end(text);
}

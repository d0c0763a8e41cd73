// GET /report/<name>.csv?…: every localization report as a CSV table a spreadsheet can open or
// import "from web" (a plain GET, no headers needed). The same service as GraphQL and the CLI
// computes it (src/reports/registry.ts). GET /report/ lists the reports: JSON, or a page for a browser.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../context.js';
import { serviceDeps } from '../services/deps.js';
import { toCsv } from '../reports/csv.js';
import { REPORTS, reportNamed, runReport, type ReportDef } from '../reports/registry.js';
import { REPORT_INDEX_HEADERS, reportIndexPage, wantsHtml } from './report-index.js';

/** `services` is the request's context: its executor and store count against the request's budget, which solves check too. */
export async function handleReport(services: Services & { budget?: { check(): void } }, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (url.pathname !== '/report' && !url.pathname.startsWith('/report/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Reports are read with GET.\n');
    return true;
  }
  const match = /^\/report\/([a-z-]+)\.csv$/.exec(url.pathname);
  if (!match || !reportNamed(match[1]!)) {
    const listing = Object.entries(REPORTS).map(([name, def]) => ({ url: `/report/${name}.csv`, title: def.title, graphql: def.graphql, params: def.params.map((p) => p.name), required: def.params.filter((p) => p.required).map((p) => p.name) }));
    const status = url.pathname === '/report' || url.pathname === '/report/' ? 200 : 404;
    if (status === 200 && wantsHtml(req)) {
      res.writeHead(200, REPORT_INDEX_HEADERS);
      res.end(req.method === 'HEAD' ? undefined : reportIndexPage(REPORTS as Record<string, ReportDef<unknown>>));
      return true;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(status === 200 ? { reports: listing } : { error: `No report at ${url.pathname}.`, reports: listing }));
    return true;
  }
  const name = match[1]!;
  const params = new Map<string, string>();
  for (const [key, value] of url.searchParams) params.set(key, params.has(key) ? `${params.get(key)},${value}` : value);
  // Computed before any byte is sent, so a bad id or parameter is a clean 4xx.
  const table = await runReport(serviceDeps({ store: services.store, executor: services.executor, limits: services.config.limits, snapshots: services.snapshots, budget: services.budget }), name, params);
  const body = Buffer.from(toCsv(table), 'utf8');
  const id = params.get('id');
  const file = [name, id, params.get('countries'), params.get('stage')].filter(Boolean).join('-').replace(/[^A-Za-z0-9_-]+/g, '-');
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8; header=present',
    'content-disposition': `attachment; filename="${file}.csv"`,
    'content-length': String(body.length),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

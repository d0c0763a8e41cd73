// GET /report/ from a browser: the reports as a page a person reads, with each report's parameters
// and a link that opens it. Scripts and spreadsheets get the JSON listing (src/http/report.ts).

import type { IncomingMessage } from 'node:http';
import type { ReportDef } from '../reports/registry.js';

/** Whether the client would rather read HTML than JSON (a browser's address bar sends text/html first). */
export function wantsHtml(req: IncomingMessage): boolean {
  const accept = String(req.headers.accept ?? '');
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}

/** Nothing loads from anywhere: the page is its own markup and inline style. */
export const REPORT_INDEX_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A link that opens the report: its required parameters filled with their examples, when they have one. */
function sampleUrl(name: string, def: ReportDef<unknown>): string {
  const query = new URLSearchParams();
  for (const p of def.params) if (p.required && p.example) query.set(p.name, p.example.split('|')[0]!);
  const q = query.toString();
  return `/report/${name}.csv${q ? `?${q}` : ''}`;
}

function paramCell(def: ReportDef<unknown>): string {
  if (def.params.length === 0) return '—';
  return def.params
    .map((p) => `<code>${escape(p.name)}</code>${p.required ? ' <b>required</b>' : ''}${p.example ? ` <span>e.g. ${escape(p.example)}</span>` : ''}`)
    .join('<br>');
}

export function reportIndexPage(reports: Record<string, ReportDef<unknown>>): string {
  const rows = Object.entries(reports)
    .map(([name, def]) => {
      const url = sampleUrl(name, def);
      return `<tr><td><a href="${escape(url)}">${escape(name)}.csv</a></td><td>${escape(def.title)}</td><td>${def.graphql ? `<code>${escape(def.graphql)}</code>` : '—'}</td><td>${paramCell(def)}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Zanjir reports</title>
<style>body{font:15px/1.45 system-ui,sans-serif;margin:2rem;max-width:78rem}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top}span{color:#666}code{font-size:13px}</style>
</head><body>
<h1>Reports</h1>
<p>Each report is a CSV table (UTF-8 with a BOM, so spreadsheets open it directly; "from web" imports it with a plain GET).
Parameters go in the query string, e.g. <code>/report/disruption.csv?countries=CN</code>. The same reports are GraphQL queries
and <code>zanjir report NAME</code> on the command line. Scripts get this list as JSON with <code>Accept: application/json</code>.</p>
<table><thead><tr><th>report</th><th>what it answers</th><th>GraphQL</th><th>parameters</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}

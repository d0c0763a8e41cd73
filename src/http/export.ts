// GET /export/{cypher|json|jsonl|graphml|csv.zip}?root=…&direction=…&depth=…&kinds=… streams an
// export as a download, chunk by chunk: the server never holds the whole document.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Executor } from '../db/executor.js';
import { CONTENT_TYPES, EXPORT_FORMATS, exportStream, resolveScope, type ExportFormat } from '../io/export/index.js';
import { parseExportQuery } from '../io/export/request.js';

export async function handleExport(executor: Executor, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const match = /^\/export\/(.+)$/.exec(url.pathname);
  if (!match || req.method !== 'GET') return false;
  const format = match[1] as ExportFormat;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `No export format ${format}; use one of ${EXPORT_FORMATS.join(', ')}.` }));
    return true;
  }
  // Resolve first, so a bad root or kind is a clean 4xx before any byte of the file is sent.
  const scope = await resolveScope(executor, parseExportQuery(url.searchParams));
  const base = scope.request.rootId ? `zanjir-${scope.request.rootId.replace(/[^A-Za-z0-9_-]+/g, '-')}-${scope.request.direction}` : 'zanjir-graph';
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${base}.${format}"`,
    'cache-control': 'no-store',
    // A subgraph cut by depth says so: how many nodes lie at the nearest depth it left out.
    ...(scope.request.rootId ? { 'zanjir-depth-limited': String(scope.depthLimited), 'zanjir-nodes-at-next-depth': String(scope.nodesAtNextDepth), 'zanjir-truncated': String(scope.truncated) } : {}),
  });
  // A client that goes away stops the export: leaving the loop ends the stream's transaction and
  // frees its connection (waiting for a 'drain' that never comes used to hold it forever).
  for await (const chunk of exportStream(executor, scope, format)) {
    if (res.destroyed) break;
    if (!res.write(chunk) && !(await drained(res))) break;
  }
  if (!res.destroyed) res.end();
  return true;
}

/** Waits for the response to take more: true on 'drain', false when the client went away. */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

// The GraphQL door's inline export: the document in memory up to a cap, else the download's URL.

import { PayloadTooLargeError } from '../errors/index.js';
import type { ServiceDeps } from './deps.js';
import { exportStream, resolveScope, type ExportFormat, type ExportRequest } from '../io/export/index.js';
import { exportQueryString } from '../io/export/request.js';

/** Builds the document in memory only up to the configured cap; past it, points to the download. */
export async function exportGraphInline(ctx: ServiceDeps, request: ExportRequest, format: ExportFormat) {
  const downloadUrl = `/export/${format}${exportQueryString(request)}`;
  const scope = await resolveScope(ctx.executor, request);
  const cut = { depthLimited: scope.depthLimited, nodesAtNextDepth: scope.nodesAtNextDepth, truncated: scope.truncated };
  if (format === 'csv.zip') return { format, document: null, downloadUrl, records: 0, bytes: 0, ...cut };
  const cap = ctx.limits.exportInlineBytes;
  const parts: string[] = [];
  let bytes = 0;
  let records = 0;
  for await (const chunk of exportStream(ctx.executor, scope, format, () => (records += 1))) {
    bytes += Buffer.byteLength(chunk);
    if (bytes > cap) {
      throw new PayloadTooLargeError(`This export is larger than the ${cap} bytes GraphQL returns inline; download it from ${downloadUrl} instead (it streams).`, { downloadUrl, capBytes: cap });
    }
    parts.push(String(chunk));
  }
  return { format, document: parts.join(''), downloadUrl, records, bytes, ...cut };
}

import { PayloadTooLargeError } from '../../errors/index.js';
import type { Context } from '../../context.js';
import { exportStream, resolveScope, type ExportRequest } from '../../io/export/index.js';
import { exportQueryString } from '../../io/export/request.js';
import { ExportFormatEnum } from './export.type.js';

/** Builds the document in memory only up to the configured cap; past it, points to the download. */
export async function exportGraphInline(ctx: Context, request: ExportRequest, format: ExportFormatEnum) {
  const downloadUrl = `/export/${format}${exportQueryString(request)}`;
  const scope = await resolveScope(ctx.executor, request);
  const cut = { depthLimited: scope.depthLimited, nodesAtNextDepth: scope.nodesAtNextDepth, truncated: scope.truncated };
  if (format === ExportFormatEnum.CSV) return { format, document: null, downloadUrl, records: 0, bytes: 0, ...cut };
  const cap = ctx.config.limits.exportInlineBytes;
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

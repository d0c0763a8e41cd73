// One entry for every export format: a stream of text (or bytes for the zipped CSV).

import type { Executor } from '../../db/executor.js';
import { cypherScript } from './cypher-script.js';
import { csvFiles } from './csv.js';
import { graphml } from './graphml.js';
import { jsonDocument, jsonLines } from './json.js';
import type { ExportScope } from './subgraph.js';
import { zipStream } from './zip.js';

export const EXPORT_FORMATS = ['cypher', 'json', 'jsonl', 'graphml', 'csv.zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  cypher: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  'csv.zip': 'application/zip',
};

export function exportStream(executor: Executor, scope: ExportScope, format: ExportFormat, onRecord?: () => void): AsyncGenerator<string | Buffer> {
  switch (format) {
    case 'cypher':
      return cypherScript(executor, scope, onRecord);
    case 'json':
      return jsonDocument(executor, scope, onRecord);
    case 'jsonl':
      return jsonLines(executor, scope, onRecord);
    case 'graphml':
      return graphml(executor, scope, onRecord);
    case 'csv.zip':
      return zipStream(csvFiles(executor, scope, onRecord));
  }
}

export { resolveScope, type ExportRequest, type ExportScope } from './subgraph.js';
export { csvFiles } from './csv.js';

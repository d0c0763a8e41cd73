// The JSON exports: the zanjir/1 interchange document (or JSON Lines), which Zanjir's own
// importer reads back into the same graph.

import type { Executor } from '../../db/executor.js';
import { FORMAT, withSanctionEntries, type EdgeRecord, type NodeRecord } from '../../model/records.js';
import { allEdges, allNodes, scopeMetadata, type ExportScope } from './subgraph.js';

function nodeRecord(n: NodeRecord): Record<string, unknown> {
  // Sanctions are stored as three lists; the document shows them as entries (docs/interchange.md).
  const { id, kind, name, nameFa, ...rest } = withSanctionEntries(n) as NodeRecord;
  return { id, kind, name, nameFa, ...rest };
}

function edgeRecord(e: EdgeRecord): Record<string, unknown> {
  const { type, from, to, ...rest } = e;
  return { type, from, to, ...rest };
}

export async function* jsonDocument(executor: Executor, scope: ExportScope, onRecord: () => void = () => {}): AsyncGenerator<string> {
  // A subgraph says what it holds and what cut it, inside the file (the importer reads past it).
  const meta = scopeMetadata(scope);
  yield `{\n  "format": ${JSON.stringify(FORMAT)},\n  "homeCountry": ${JSON.stringify(scope.homeCountry)},\n${meta ? `  "export": ${JSON.stringify(meta)},\n` : ''}  "nodes": [`;
  let first = true;
  for await (const n of allNodes(executor, scope)) {
    yield `${first ? '\n' : ',\n'}    ${JSON.stringify(nodeRecord(n))}`;
    first = false;
    onRecord();
  }
  yield `${first ? '' : '\n  '}],\n  "edges": [`;
  first = true;
  for await (const e of allEdges(executor, scope)) {
    yield `${first ? '\n' : ',\n'}    ${JSON.stringify(edgeRecord(e))}`;
    first = false;
    onRecord();
  }
  yield `${first ? '' : '\n  '}]\n}\n`;
}

export async function* jsonLines(executor: Executor, scope: ExportScope, onRecord: () => void = () => {}): AsyncGenerator<string> {
  const meta = scopeMetadata(scope);
  yield `${JSON.stringify({ format: FORMAT, homeCountry: scope.homeCountry, ...(meta ? { export: meta } : {}) })}\n`;
  for await (const n of allNodes(executor, scope)) {
    yield `${JSON.stringify(nodeRecord(n))}\n`;
    onRecord();
  }
  for await (const e of allEdges(executor, scope)) {
    yield `${JSON.stringify(edgeRecord(e))}\n`;
    onRecord();
  }
}

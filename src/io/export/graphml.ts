// The GraphML export, valid against the GraphML schema: a typed <key> per property (lists are
// written as strings joined with ";", which the key's description says), node labels and edge
// types as keys of their own, XML-escaped text. Gephi, networkx and igraph read it.

import type { Executor } from '../../db/executor.js';
import { ENTITY_LABEL } from '../../model/kinds.js';
import type { PropertyValue } from '../../model/records.js';
import { EDGE_PROPERTY_TYPES, NODE_PROPERTY_TYPES, type PropertyType } from './property-types.js';
import { allEdges, allNodes, scopeMetadata, scopeNote, type ExportScope } from './subgraph.js';

const GRAPHML_TYPE: Record<PropertyType, string> = { string: 'string', double: 'double', boolean: 'boolean', 'string[]': 'string' };

export function xmlEscape(s: string): string {
  // XML 1.0 forbids most control characters even escaped; drop them.
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function keyLines(prefix: 'n' | 'e', target: 'node' | 'edge', types: Map<string, PropertyType>): string {
  return [...types]
    .map(([name, type]) => {
      const desc = type === 'string[]' ? `<desc>a list, joined with ";"</desc>` : '';
      return `  <key id="${prefix}_${name}" for="${target}" attr.name="${name}" attr.type="${GRAPHML_TYPE[type]}">${desc}</key>\n`;
    })
    .join('');
}

function dataLines(prefix: 'n' | 'e', record: Record<string, PropertyValue | undefined>, types: Map<string, PropertyType>): string {
  let out = '';
  for (const [name] of types) {
    const v = record[name];
    if (v === undefined || v === null) continue;
    const text = Array.isArray(v) ? v.join(';') : String(v);
    out += `      <data key="${prefix}_${name}">${xmlEscape(text)}</data>\n`;
  }
  return out;
}

export async function* graphml(executor: Executor, scope: ExportScope, onRecord: () => void = () => {}): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n';
  yield '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield '  <key id="labels" for="node" attr.name="labels" attr.type="string"><desc>Neo4j labels, joined with ":"</desc></key>\n';
  yield '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>\n';
  yield keyLines('n', 'node', NODE_PROPERTY_TYPES);
  yield '  <key id="type" for="edge" attr.name="type" attr.type="string"/>\n';
  yield keyLines('e', 'edge', EDGE_PROPERTY_TYPES);
  // A subgraph says what it holds and what cut it as graph-level data (networkx: g.graph).
  const meta = scopeMetadata(scope);
  const graphKeys = meta ? Object.entries(meta).filter(([, v]) => v !== null) : [];
  for (const [name, v] of graphKeys) {
    const type = typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'double' : 'string';
    yield `  <key id="g_${name}" for="graph" attr.name="${name}" attr.type="${type}"/>\n`;
  }
  const note = scopeNote(scope);
  yield `  <graph id="zanjir" edgedefault="directed">\n    <desc>Zanjir export; home country ${xmlEscape(scope.homeCountry)}${note ? `. ${xmlEscape(note)}` : ''}</desc>\n`;
  for (const [name, v] of graphKeys) yield `    <data key="g_${name}">${xmlEscape(Array.isArray(v) ? v.join(';') : String(v))}</data>\n`;
  for await (const n of allNodes(executor, scope)) {
    yield `    <node id="${xmlEscape(n.id)}">\n      <data key="labels">:${ENTITY_LABEL}:${n.kind}</data>\n      <data key="kind">${n.kind}</data>\n${dataLines('n', n, NODE_PROPERTY_TYPES)}    </node>\n`;
    onRecord();
  }
  let i = 0;
  for await (const e of allEdges(executor, scope)) {
    yield `    <edge id="e${i}" source="${xmlEscape(e.from)}" target="${xmlEscape(e.to)}">\n      <data key="type">${e.type}</data>\n${dataLines('e', e, EDGE_PROPERTY_TYPES)}    </edge>\n`;
    i += 1;
    onRecord();
  }
  yield '  </graph>\n</graphml>\n';
}

// CSV for `neo4j-admin database import full`: one node file per kind (:ID, :LABEL and typed
// columns) and one relationship file per type (:START_ID, :END_ID, :TYPE, typed columns).
// Arrays use ";" (neo4j-admin's default array delimiter); fields with quotes, commas or newlines
// are quoted, so long texts need --multiline-fields=true.

import type { Executor } from '../../db/executor.js';
import { EDGE_TYPES, ENTITY_LABEL, NODE_KINDS } from '../../model/kinds.js';
import { EDGE_PROPERTIES, NODE_PROPERTIES, type PropertyValue } from '../../model/records.js';
import { EDGE_PROPERTY_TYPES, NODE_PROPERTY_TYPES, propertiesOf, type PropertyType } from './property-types.js';
import { edgesOfType, nodesOfKind, type ExportScope } from './subgraph.js';

export interface CsvFile {
  name: string;
  chunks: AsyncGenerator<string>;
}

export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(value: PropertyValue | undefined, type: PropertyType): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return csvField(value.join(';'));
  if (type === 'double') return String(value);
  return csvField(String(value));
}

const header = (name: string, type: PropertyType) => (type === 'string' ? name : `${name}:${type}`);

/** The CSV files of an export, each a stream; files with no rows are left out. */
export async function* csvFiles(executor: Executor, scope: ExportScope, onRecord: () => void = () => {}): AsyncGenerator<CsvFile> {
  for (const kind of NODE_KINDS) {
    if (!scope.kinds.includes(kind)) continue;
    const columns = propertiesOf(NODE_PROPERTY_TYPES, NODE_PROPERTIES[kind]);
    yield {
      name: `nodes-${kind}.csv`,
      chunks: (async function* () {
        yield `id:ID,:LABEL,${columns.map(([n, t]) => header(n, t)).join(',')}\n`;
        for await (const node of nodesOfKind(executor, scope, kind)) {
          yield `${csvField(node.id)},${ENTITY_LABEL};${kind},${columns.map(([n, t]) => cell(node[n], t)).join(',')}\n`;
          onRecord();
        }
      })(),
    };
  }
  for (const type of EDGE_TYPES) {
    const columns = propertiesOf(EDGE_PROPERTY_TYPES, EDGE_PROPERTIES[type]);
    yield {
      name: `relationships-${type}.csv`,
      chunks: (async function* () {
        yield `:START_ID,:END_ID,:TYPE${columns.map(([n, t]) => `,${header(n, t)}`).join('')}\n`;
        for await (const edge of edgesOfType(executor, scope, type)) {
          yield `${csvField(edge.from)},${csvField(edge.to)},${type}${columns.map(([n, t]) => `,${cell(edge[n], t)}`).join('')}\n`;
          onRecord();
        }
      })(),
    };
  }
}

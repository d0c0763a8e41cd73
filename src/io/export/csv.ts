// CSV for `neo4j-admin database import full`: one node file per kind (:ID, :LABEL and typed
// columns) and one relationship file per type (:START_ID, :END_ID, :TYPE, typed columns).
// Arrays use ";" (neo4j-admin's default array delimiter; list items may not contain it); fields
// with quotes, commas or newlines are quoted, so long texts need --multiline-fields=true.
// People open these files in spreadsheets too, so by default a text cell that would run as a
// formula (=, +, -, @, tab, CR first) gets a leading ' (OWASP's advice); `raw` keeps it exact
// for a byte-for-byte neo4j-admin round trip.

import type { Executor } from '../../db/executor.js';
import { EDGE_TYPES, ENTITY_LABEL, NODE_KINDS } from '../../model/kinds.js';
import { EDGE_PROPERTIES, NODE_PROPERTIES, type PropertyValue } from '../../model/records.js';
import { EDGE_PROPERTY_TYPES, NODE_PROPERTY_TYPES, propertiesOf, type PropertyType } from './property-types.js';
import { edgesOfType, nodesOfKind, scopeNote, type ExportScope } from './subgraph.js';

export interface CsvFile {
  name: string;
  chunks: AsyncGenerator<string>;
}

export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet will not run as a formula. */
export function formulaSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cell(value: PropertyValue | undefined, type: PropertyType, safe: boolean): string {
  if (value === undefined || value === null) return '';
  if (type === 'double' || type === 'boolean') return String(value);
  const text = Array.isArray(value) ? value.map((v) => (safe ? formulaSafe(String(v)) : String(v))).join(';') : String(value);
  return csvField(safe && !Array.isArray(value) ? formulaSafe(text) : text);
}

/**
 * Each file opens with a UTF-8 byte-order mark: without it Excel reads the Persian as Windows-1256
 * mojibake; neo4j-admin skips it (tried on 5.26: `:START_ID` first in the header still parses).
 */
const BOM = '\uFEFF';

const header = (name: string, type: PropertyType) => (type === 'string' ? name : `${name}:${type}`);

/** The CSV files of an export, each a stream; files with no rows are left out. */
export async function* csvFiles(executor: Executor, scope: ExportScope, onRecord: () => void = () => {}): AsyncGenerator<CsvFile> {
  const safe = !scope.request.raw;
  // What cut a subgraph goes in a note beside the CSV files: a line inside one would break
  // neo4j-admin, and its nodes-*.csv / relationships-*.csv globs leave a .txt alone.
  const note = scopeNote(scope);
  if (note) {
    yield {
      name: 'export-note.txt',
      chunks: (async function* () {
        yield `Zanjir export of ${scope.request.direction ?? 'upstream'} of ${scope.request.rootId}.\n${note}\n`;
      })(),
    };
  }
  for (const kind of NODE_KINDS) {
    if (!scope.kinds.includes(kind)) continue;
    const columns = propertiesOf(NODE_PROPERTY_TYPES, NODE_PROPERTIES[kind]);
    yield {
      name: `nodes-${kind}.csv`,
      chunks: (async function* () {
        yield `${BOM}id:ID,:LABEL,${columns.map(([n, t]) => header(n, t)).join(',')}\n`;
        for await (const node of nodesOfKind(executor, scope, kind)) {
          yield `${csvField(node.id)},${ENTITY_LABEL};${kind},${columns.map(([n, t]) => cell(node[n], t, safe)).join(',')}\n`;
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
        yield `${BOM}:START_ID,:END_ID,:TYPE${columns.map(([n, t]) => `,${header(n, t)}`).join('')}\n`;
        for await (const edge of edgesOfType(executor, scope, type)) {
          yield `${csvField(edge.from)},${csvField(edge.to)},${type}${columns.map(([n, t]) => `,${cell(edge[n], t, safe)}`).join('')}\n`;
          onRecord();
        }
      })(),
    };
  }
}

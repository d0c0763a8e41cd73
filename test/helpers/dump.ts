// A canonical dump of the database for round-trip tests: every node with its labels and typed
// properties, every relationship likewise, sorted. Derived `_` properties and Zanjir's own
// bookkeeping (meta node, import lock, API keys, change log and change feed, data-set records) are left out;
// value types come from Cypher's valueType(), so 1000 and 1000.0 differ.

import type { Executor } from '../../src/db/executor.js';

export interface Dump {
  nodes: string[];
  edges: string[];
}

export async function dumpGraph(executor: Executor): Promise<Dump> {
  const limits = { rowCap: 1_000_000, timeoutMs: 60_000, bookkeeping: true };
  const nodes = await executor.runReadOnlyCypher(
    `MATCH (n) WHERE NOT any(l IN labels(n) WHERE l IN ['ZanjirMeta', 'ZanjirImportLock', 'ZanjirApiKey', 'ZanjirChange', 'ZanjirGraphChange', 'ZanjirDataset', 'ZanjirDatasetUndo', 'ZanjirDatasetWrite', 'ZanjirDatasetBatch'])
     RETURN n.id AS id, labels(n) AS labels, [k IN keys(n) WHERE NOT k STARTS WITH '_' | [k, valueType(n[k]), n[k]]] AS props`,
    {},
    limits,
  );
  const edges = await executor.runReadOnlyCypher(
    `MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, [k IN keys(r) WHERE NOT k STARTS WITH '_' | [k, valueType(r[k]), r[k]]] AS props`,
    {},
    limits,
  );
  const canon = (row: unknown[]) =>
    JSON.stringify(
      row.map((v) => (Array.isArray(v) && Array.isArray(v[0]) ? [...(v as unknown[][])].sort((x, y) => String(x[0]).localeCompare(String(y[0]))) : Array.isArray(v) ? [...v].sort() : v)),
    );
  return { nodes: nodes.rows.map(canon).sort(), edges: edges.rows.map(canon).sort() };
}

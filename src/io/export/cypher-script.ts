// The Cypher export: a script of parameter-free, idempotent statements that an empty Neo4j runs
// with cypher-shell or in Browser to get the same graph. Constraints first, then nodes, then
// relationships, MERGE by id, a few hundred records a statement; each statement ends with ";"
// on its own line.

import type { Executor } from '../../db/executor.js';
import { EDGE_TYPES, ENTITY_LABEL, NODE_KINDS } from '../../model/kinds.js';
import { edgeProperties, nodeProperties } from '../../model/records.js';
import { cypherLiteral, type Literal } from './cypher-literal.js';
import { edgesOfType, nodesOfKind, scopeNote, type ExportScope } from './subgraph.js';

const BATCH = 300;

export async function* cypherScript(executor: Executor, scope: ExportScope, onRecord: () => void = () => {}): AsyncGenerator<string> {
  yield `// Zanjir export (zanjir/1 graph as Cypher). Run on an empty Neo4j 5: cypher-shell -f this-file.cypher\n`;
  yield `// Home country: ${scope.homeCountry}. Every statement is idempotent: running the script twice changes nothing.\n`;
  const note = scopeNote(scope);
  if (note) yield `// ${note}\n`;
  yield `\n`;
  yield `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE;\n`;
  for (const kind of NODE_KINDS) yield `CREATE CONSTRAINT ${kind.toLowerCase()}_id IF NOT EXISTS FOR (n:${kind}) REQUIRE n.id IS UNIQUE;\n`;
  yield `CREATE CONSTRAINT zanjir_meta_key IF NOT EXISTS FOR (m:ZanjirMeta) REQUIRE m.key IS UNIQUE;\n`;
  yield `MERGE (m:ZanjirMeta {key: 'dataset'}) SET m.homeCountry = ${cypherLiteral(scope.homeCountry)};\n\n`;

  for (const kind of NODE_KINDS) {
    let batch: Literal[] = [];
    const flush = () => {
      const statement = `UNWIND [\n${batch.map((r) => `  ${cypherLiteral(r)}`).join(',\n')}\n] AS row\nMERGE (n:${ENTITY_LABEL}:${kind} {id: row.id})\nSET n += row.props;\n`;
      batch = [];
      return statement;
    };
    for await (const node of nodesOfKind(executor, scope, kind)) {
      const { id: _id, ...props } = nodeProperties(node);
      batch.push({ id: node.id, props: props as Literal });
      onRecord();
      if (batch.length >= BATCH) yield flush();
    }
    if (batch.length > 0) yield flush();
  }
  yield '\n';
  for (const type of EDGE_TYPES) {
    let batch: Literal[] = [];
    // Match the existing edge the way Zanjir's importer does (FEEDS is also keyed by output), so a
    // second run updates instead of duplicating.
    const flush = () => {
      const statement =
        `UNWIND [\n${batch.map((r) => `  ${cypherLiteral(r)}`).join(',\n')}\n] AS row\n` +
        `MATCH (a:${ENTITY_LABEL} {id: row.from})\nMATCH (b:${ENTITY_LABEL} {id: row.to})\n` +
        `OPTIONAL MATCH (a)-[old:${type}]->(b) WHERE coalesce(old.output, '') = coalesce(row.props.output, '')\n` +
        `FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END | CREATE (a)-[r:${type}]->(b) SET r = row.props)\n` +
        `FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END | SET old += row.props);\n`;
      batch = [];
      return statement;
    };
    for await (const edge of edgesOfType(executor, scope, type)) {
      batch.push({ from: edge.from, to: edge.to, props: edgeProperties(edge) as Literal });
      onRecord();
      if (batch.length >= BATCH) yield flush();
    }
    if (batch.length > 0) yield flush();
  }
}

// Applies cypher/schema/*.cypher at start-up. Every statement there is idempotent (IF NOT EXISTS),
// so a second run changes nothing.

import fs from 'node:fs';
import path from 'node:path';
import type { Executor } from './executor.js';

export function readSchemaStatements(cypherRoot: string): string[] {
  const dir = path.join(cypherRoot, 'schema');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .flatMap((f) => splitStatements(fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** Splits a file into statements at semicolons that end a line; drops // comment lines. */
export function splitStatements(text: string): string[] {
  const body = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export async function applySchema(executor: Executor, cypherRoot: string): Promise<number> {
  const statements = readSchemaStatements(cypherRoot);
  for (const statement of statements) await executor.runSchemaStatement(statement);
  await executor.runSchemaStatement('CALL db.awaitIndexes(300)');
  return statements.length;
}

/**
 * What a first bulk load into an empty database may drop while it writes: every index and
 * constraint of cypher/schema except the one uniqueness constraint per node (entity_id) and those
 * the import's own bookkeeping needs. Keeping them up to date record by record is most of the cost
 * of a load; built once afterwards (applySchema) they populate in bulk.
 */
const KEPT_DURING_BULK_LOAD = new Set([
  'entity_id',
  'zanjir_meta_key',
  'zanjir_version_key',
  'zanjir_import_id',
  'zanjir_import_slot',
  'zanjir_import_lock',
  'zanjir_import_batch',
  'zanjir_import_undo',
  // A data set's name is unique (the load's own data set is created under it) and a rolled-back
  // load finds its data set by import id.
  'zanjir_dataset_name',
  'zanjir_dataset_import',
]);

export function bulkLoadDroppable(cypherRoot: string): { name: string; constraint: boolean }[] {
  return readSchemaStatements(cypherRoot)
    .map((statement) => /^CREATE\s+(CONSTRAINT|(?:FULLTEXT\s+|TEXT\s+|RANGE\s+)?INDEX)\s+(\w+)\s+IF NOT EXISTS/i.exec(statement))
    .filter((m): m is RegExpExecArray => m !== null && !KEPT_DURING_BULK_LOAD.has(m[2]!))
    .map((m) => ({ name: m[2]!, constraint: m[1]!.toUpperCase() === 'CONSTRAINT' }));
}

/** Drops the secondary indexes and the per-kind id constraints for a bulk load (applySchema brings them back). */
export async function relaxSchemaForBulkLoad(executor: Executor, cypherRoot: string): Promise<string[]> {
  const dropped = bulkLoadDroppable(cypherRoot);
  for (const { name, constraint } of dropped) await executor.runSchemaStatement(`DROP ${constraint ? 'CONSTRAINT' : 'INDEX'} ${name} IF EXISTS`);
  return dropped.map((d) => d.name);
}

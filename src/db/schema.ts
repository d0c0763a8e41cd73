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

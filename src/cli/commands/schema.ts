import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config.js';
import { printZanjirSchema } from '../../graphql/schema.js';
import type { ParsedArgs } from '../args.js';
import { log } from './common.js';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

export async function schemaCommand(args: ParsedArgs): Promise<void> {
  const sdl = await printZanjirSchema();
  if (args.options.has('write')) {
    fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
    fs.writeFileSync(SCHEMA_FILE, sdl);
    log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  } else {
    process.stdout.write(sdl);
  }
}

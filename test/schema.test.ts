// schema/schema.graphql is emitted from the code (npm run schema); this fails when they drift,
// so the committed contract always says what the server serves.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../src/cli/commands/schema.js';
import { printZanjirSchema } from '../src/graphql/schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing the API)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printZanjirSchema());
  });

  it('keeps the public operation names', async () => {
    const sdl = await printZanjirSchema();
    for (const name of ['node(', 'nodes(', 'search(', 'upstream(', 'downstream(', 'importGraph(']) expect(sdl).toContain(`  ${name}`);
    for (const kind of ['MINE', 'PRODUCT', 'PLANT', 'PART', 'SUPPLIER', 'PROJECT', 'SOURCE']) expect(sdl).toMatch(new RegExp(`enum NodeKind \\{[^}]*\\b${kind}\\b`));
  });
});

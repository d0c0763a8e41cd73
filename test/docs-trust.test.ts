// The docs a newcomer reads first, held against the code (issue 21): what they promise must be
// what the code does.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDGE_TYPES, NODE_KINDS } from '../src/model/kinds.js';

const ROOT = path.join(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('docs a newcomer can trust', () => {
  it("exports.md's neo4j-admin command loads every file the CSV export writes", () => {
    const command = /neo4j-admin database import full[\s\S]*?\n\n/.exec(read('docs/exports.md'))![0];
    for (const kind of NODE_KINDS) expect(command).toContain(`--nodes=csv/nodes-${kind}.csv`);
    for (const type of EDGE_TYPES) expect(command).toContain(`--relationships=csv/relationships-${type}.csv`);
  });

  it('no doc promises admin to everyone or names a setting the code does not read', () => {
    const config = read('src/config.ts');
    for (const file of ['docs/exports.md', 'cypher/cookbook/README.md', 'README.md']) {
      const text = read(file);
      expect(text, file).not.toMatch(/gives (everyone )?admin/);
      for (const [name] of text.matchAll(/ZANJIR_[A-Z0-9_]*[A-Z0-9]/g)) expect(config, `${file} names ${name}`).toMatch(new RegExp(`'${name}'|env\\.${name}\\b`));
    }
  });

  it("the README counts the views it describes, and names Chromium beside the two commands", () => {
    const readme = read('README.md');
    const views = new Set([...readme.matchAll(/`\/view\/([a-z]+)\?/g)].map((m) => m[1]));
    const words = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six'];
    expect(readme).toContain(`${words[views.size]} pages`);
    const twoCommands = readme.slice(readme.indexOf('## Two commands'), readme.indexOf('## Configuration'));
    expect(twoCommands).toMatch(/Chromium/);
    expect(twoCommands).toContain('apt-get install chromium');
  });

  it('exports.md says the default subgraph is the whole chain, as resolveScope does', () => {
    expect(read('docs/exports.md')).not.toMatch(/default 12/);
  });
});

// The example blocks in the docs: `<!-- example NAME -->` … `<!-- /example -->`, where NAME is a
// query in docs/examples/. A block holds the query as the file has it and the answer as its
// renderer (answers.ts) tells it, from a live run on the seed graph.

import fs from 'node:fs';
import path from 'node:path';
import { ANSWERS, type Ask } from './answers.js';

export const EXAMPLES_DIR = path.dirname(new URL(import.meta.url).pathname);
export const ROOT = path.resolve(EXAMPLES_DIR, '..', '..');

/** The markdown files whose example blocks are generated. */
export function docFiles(): string[] {
  const docs = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f));
  return ['README.md', path.join('seed', 'README.md'), ...docs].filter((f) => fs.existsSync(path.join(ROOT, f)));
}

const BLOCK = /<!-- example ([\w-]+) -->\n([\s\S]*?)<!-- \/example -->/g;

export interface Block {
  file: string;
  name: string;
  content: string;
}

export function blocksIn(file: string): Block[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(BLOCK)].map((m) => ({ file, name: m[1]!, content: m[2]! }));
}

export function exampleNames(): string[] {
  return fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.graphql')).map((f) => f.replace(/\.graphql$/, '')).sort();
}

/** The query as shown in a block: the file without its comment lines. */
function shownQuery(name: string): { query: string; variables: Record<string, unknown>; text: string } {
  const source = fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.graphql`), 'utf8');
  const variablesLine = source.split('\n').find((l) => l.startsWith('# variables:'));
  const variables = variablesLine ? (JSON.parse(variablesLine.slice('# variables:'.length)) as Record<string, unknown>) : {};
  const text = source
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n')
    .trim();
  return { query: source, variables, text };
}

/** The whole content of one block, from a live answer. */
export async function renderBlock(name: string, ask: Ask): Promise<string> {
  const render = ANSWERS[name];
  if (!render) throw new Error(`docs/examples/answers.ts has no renderer for ${name}`);
  const { query, variables, text } = shownQuery(name);
  const data = await ask(query, variables);
  const vars = Object.keys(variables).length > 0 ? `\nwith variables \`${JSON.stringify(variables)}\`\n` : '';
  return `\`\`\`graphql\n${text}\n\`\`\`\n${vars}\n${(await render(data, ask)).trim()}\n`;
}

/** A file's text with each block replaced by what `rendered` holds for it. */
export function rewrite(file: string, rendered: ReadonlyMap<string, string>): string {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return text.replace(BLOCK, (whole, name: string) => (rendered.has(name) ? `<!-- example ${name} -->\n${rendered.get(name)}<!-- /example -->` : whole));
}

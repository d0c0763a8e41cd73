// The page at /: what Zanjir is, and the example analyst questions from docs/examples as queries
// a newcomer can run in place. Self-contained (no CDN), so it works offline.

import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

export interface Example {
  file: string;
  title: string;
  query: string;
  variables: string | null;
}

const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'docs', 'examples');

/** Each docs/examples/*.graphql: first comment line is the question; a `# variables:` line gives JSON. */
export function loadExamples(): Example[] {
  if (!fs.existsSync(EXAMPLES_DIR)) return [];
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');
      const lines = text.split('\n');
      const title = (lines.find((l) => l.startsWith('#')) ?? file).replace(/^#\s*/, '');
      const variablesLine = lines.find((l) => l.startsWith('# variables:'));
      return { file, title, query: text, variables: variablesLine ? variablesLine.slice('# variables:'.length).trim() : null };
    });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function landingPage(): string {
  const examples = loadExamples();
  const items = examples
    .map((e, i) => `<li><button type="button" data-i="${i}">${escapeHtml(e.title)}</button></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Zanjir — the industrial chain, in GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0;display:grid;grid-template-columns:minmax(260px,28%) 1fr;height:100vh}
aside{overflow:auto;border-right:1px solid #ddd;padding:1rem;background:#fafafa}
main{display:grid;grid-template-rows:auto 1fr auto 1fr;gap:.5rem;padding:1rem;min-width:0}
h1{font-size:1.2rem;margin:.2rem 0}ul{list-style:none;padding:0}li{margin:.25rem 0}
li button{all:unset;cursor:pointer;color:#0645ad}li button:hover{text-decoration:underline}
textarea,pre{font:13px/1.4 ui-monospace,monospace;width:100%;box-sizing:border-box;border:1px solid #ccc;padding:.5rem;margin:0;overflow:auto}
#run{justify-self:start;padding:.4rem 1.2rem}
</style></head>
<body>
<aside>
<h1>Zanjir · زنجیر</h1>
<p>A knowledge graph of the industrial supply chain: mines, products, plants, parts, suppliers and
localization projects. Walk upstream and downstream, find the import-reliant links.</p>
<p>GraphQL endpoint: <code>/graphql</code> (POST JSON <code>{"query": …, "variables": …}</code>).</p>
<h2 style="font-size:1rem">Views to embed</h2>
<ul>
<li><a href="/view/dependencies?id=product:hot-rolled-coil&amp;depth=4">What hot-rolled coil depends on</a></li>
<li><a href="/view/dependencies?id=product:hot-rolled-coil&amp;depth=4&amp;lang=fa">همان، به فارسی</a></li>
<li><a href="/view/flows?id=product:dena-plus">Where the value of a Dena+ comes from</a></li>
<li><a href="/view/balance?stage=INTERMEDIATE">Balance of intermediate goods</a></li>
<li><a href="/view/plan?budget=5e8">Which localization projects a $500 M budget should finish</a></li>
<li><a href="/view/schedule?budgets=1e8,1e8,1e8&amp;start=2027">When to fund which projects from $100 M a year for three years</a></li>
</ul>
<h2 style="font-size:1rem">Reports for spreadsheets (CSV)</h2>
<ul>
<li><a href="/report/disruption.csv?countries=CN">If deliveries from China stopped</a></li>
<li><a href="/report/import-content.csv?id=product:peugeot-pars">Where a Peugeot Pars’s imports enter</a></li>
<li><a href="/report/balance.csv?stage=INTERMEDIATE">Balance of intermediate goods</a></li>
<li><a href="/report/">Every report and its parameters</a></li>
</ul>
<h2 style="font-size:1rem">Example questions</h2>
<ul>${items || '<li>No examples found in docs/examples.</li>'}</ul>
</aside>
<main>
<label for="q">Query</label>
<textarea id="q" spellcheck="false">{ graphInfo { homeCountry nodeCounts { name count } } }</textarea>
<div><label for="v">Variables (JSON)</label> <input id="v" size="60" value=""> <button id="run" type="button">Run ▶</button></div>
<pre id="out" aria-live="polite"></pre>
</main>
<script>
const examples = ${JSON.stringify(examples).replace(/</g, '\\u003c')};
const q = document.getElementById('q'), v = document.getElementById('v'), out = document.getElementById('out');
document.querySelectorAll('li button').forEach(b => b.addEventListener('click', () => {
  const e = examples[Number(b.dataset.i)]; q.value = e.query; v.value = e.variables || ''; run();
}));
async function run() {
  out.textContent = '…';
  let variables = {};
  try { variables = v.value.trim() ? JSON.parse(v.value) : {}; } catch (e) { out.textContent = 'Variables are not valid JSON: ' + e.message; return; }
  const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.value, variables }) });
  out.textContent = JSON.stringify(await res.json(), null, 2);
}
document.getElementById('run').addEventListener('click', run);
</script>
</body></html>`;
}

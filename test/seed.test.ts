// The seed graph as a newcomer meets it: current with its generator, large enough, bilingual,
// honest about what is sourced, loaded by the default start, and linked to the articles.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, seedIfEmpty, seedFiles } from '../src/io/seed.js';
import { startHarness, type Harness } from './helpers/harness.js';

const files = seedFiles('default');
const docs = files.map((f) => ({ file: path.basename(f), doc: JSON.parse(fs.readFileSync(f, 'utf8')) }));
const nodes = docs.flatMap((d) => d.doc.nodes.map((n: any) => ({ ...n, file: d.file })));
const edges = docs.flatMap((d) => d.doc.edges.map((e: any) => ({ ...e, file: d.file })));
const chainNodes = nodes.filter((n) => n.kind !== 'Source');
const chainEdges = edges.filter((e) => e.type !== 'CITES' && e.type !== 'MENTIONS');

describe('the seed files', () => {
  it('are what seed/generate.py makes from its tables', () => {
    const run = spawnSync('python3', [path.join(DEFAULT_SEED_DIR, 'generate.py'), '--check'], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/stale/);
    expect(run.status).toBe(0);
  });

  it('hold at least 300 chain nodes and 600 chain edges across the four chains', () => {
    expect(chainNodes.length).toBeGreaterThanOrEqual(300);
    expect(chainEdges.length).toBeGreaterThanOrEqual(600);
    expect(docs.map((d) => d.file).sort()).toEqual(['aluminium.json', 'automotive.json', 'copper.json', 'organizations.json', 'projects.json', 'sources.json', 'steel.json']);
  });

  it('name every node in English and in Persian, with Persian letters', () => {
    for (const n of nodes) {
      expect(n.name, n.id).toMatch(/[A-Za-z]/);
      expect(n.nameFa, n.id).toMatch(/[\u0600-\u06FF]/);
      // Arabic yeh and kaf (ي ك) instead of Persian (ی ک) break search and linking.
      expect(n.nameFa, n.id).not.toMatch(/[\u064A\u0643]/);
    }
  });

  it('cite every figure or mark it an estimate', () => {
    const figures = ['capacityTpy', 'reservesMt', 'unitValueUsd', 'finalDemand', 'progress', 'budget', 'jobs', 'share', 'volumePerYear', 'quantityPerUnit', 'quantity', 'valueShare'];
    const cited = new Set(edges.filter((e) => e.type === 'CITES').map((e) => e.from));
    const unsupported = [...chainNodes, ...chainEdges].filter(
      (r) => figures.some((f) => f in r) && r.estimate !== true && !(r.sources?.length > 0) && !cited.has(r.id),
    );
    expect(unsupported.map((r) => r.id ?? `${r.from}-${r.type}->${r.to}`)).toEqual([]);
  });

  it('carry the five articles byte for byte', () => {
    const articles = nodes.filter((n) => /^source:article-\d{3}$/.test(n.id));
    expect(articles).toHaveLength(5);
    for (const a of articles) {
      const file = fs.readdirSync(path.join(DEFAULT_SEED_DIR, 'articles')).find((f) => f.startsWith(`${a.id.slice(-3)}_`))!;
      expect(a.text).toBe(fs.readFileSync(path.join(DEFAULT_SEED_DIR, 'articles', file), 'utf8'));
    }
  });

  it('give the source edges of each item shares that sum to 1 when they give them all', () => {
    const byItem = new Map<string, any[]>();
    for (const e of chainEdges.filter((x) => ['EXTRACTS', 'PRODUCES', 'SUPPLIES'].includes(x.type))) byItem.set(e.to, [...(byItem.get(e.to) ?? []), e]);
    for (const [item, list] of byItem) {
      if (list.every((e) => typeof e.share === 'number')) expect(list.reduce((s, e) => s + e.share, 0), item).toBeCloseTo(1, 3);
    }
  });
});

describe('the seed graph in Neo4j', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // What `npm start` does on an empty database.
    const summary = await seedIfEmpty(h.db, 'default');
    expect(summary?.nodes.created).toBe(nodes.length);
    expect(summary?.edges.created).toBe(edges.length);
  });
  afterAll(async () => {
    await h.close();
  });

  const mentions = async (sourceId: string) => {
    const data = await h.query(`query ($id: ID!) { node(id: $id) { ... on Source { mentions { node { id } } } } }`, { id: sourceId });
    return data.node.mentions.map((l: any) => l.node.id) as string[];
  };

  it('is not loaded twice', async () => {
    expect(await seedIfEmpty(h.db, 'default')).toBeNull();
  });

  it('links the articles to what they name: Sungun, Kaleybar, Iran Khodro, the steel association', async () => {
    expect(await mentions('source:article-004')).toEqual(expect.arrayContaining(['mine:sungun', 'mine:kaleybar-nepheline', 'plant:ahar-lime', 'plant:sarab-nepheline-plant', 'supplier:east-azerbaijan-parts-cluster']));
    expect(await mentions('source:article-003')).toContain('plant:ikco-tehran');
    expect(await mentions('source:article-001')).toEqual(expect.arrayContaining(['project:steel-chain-localization-system', 'org:ispa']));
    const sungun = await h.query(`{ node(id: "mine:sungun") { mentionedIn { node { id } } } }`);
    expect(sungun.node.mentionedIn.map((l: any) => l.node.id)).toEqual(['source:article-004']);
  });

  it('does not link common words to nodes', async () => {
    // «روی» (on) is also zinc, «رنگ» (colour) is in «پر رنگ»; neither names a node.
    const all = (await Promise.all(['000', '001', '002', '003', '004'].map((n) => mentions(`source:article-${n}`)))).flat();
    expect(all).not.toContain('product:zinc-ingot');
    expect(all).not.toContain('part:paint');
    expect(await mentions('source:article-002')).toEqual([]);
  });

  it("answers the README's questions", async () => {
    const data = await h.query(`{
      links: importReliantLinks(id: "product:peugeot-pars") { item { id } countries }
      up: upstream(id: "product:hot-rolled-coil", maxDepth: 12) { nodes { id } }
      parallel: parallelWork { item { id } }
    }`);
    expect(data.links.map((l: any) => l.item.id)).toEqual(expect.arrayContaining(['part:microcontroller', 'part:abs-module', 'part:sensors']));
    expect(data.up.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(['mine:gol-e-gohar', 'mine:chadormalu', 'plant:mobarakeh-meltshop']));
    expect(data.parallel.map((p: any) => p.item.id)).toEqual(expect.arrayContaining(['part:graphite-electrode', 'part:ecu']));
  });

  it('draws value flows for every finished good, imports agreeing with importContent', async () => {
    const finished = (await h.query(`{ nodes(kind: PRODUCT, filter: { stage: FINISHED }, first: 100) { edges { node { id } } } }`)).nodes.edges.map((e: any) => e.node.id) as string[];
    expect(finished.length).toBeGreaterThanOrEqual(6);
    for (const id of finished) {
      const data = await h.query(`query ($id: ID!) {
        valueFlows(id: $id, minShare: 0) { total imported importedShare cutLoops links { source target value importShare } }
        importContent(id: $id) { totalImportContent }
      }`, { id });
      const { valueFlows: flows, importContent } = data;
      expect(flows.importedShare, id).toBeCloseTo(importContent.totalImportContent, 9);
      // A second route to the same number: what the links into the car carry, added up.
      const into = flows.links.filter((l: any) => l.target === id);
      const importedIn = into.reduce((sum: number, l: any) => sum + l.value * l.importShare, 0);
      if (flows.cutLoops === 0) expect(importedIn / flows.total, id).toBeCloseTo(importContent.totalImportContent, 9);
      expect(into.reduce((sum: number, l: any) => sum + l.value, 0) / flows.total, id).toBeCloseTo(1, 9);
    }
  });

  it('walks exactly as a hop-by-hop breadth-first search that stops at maxNodes', async () => {
    // The second method: the breadth-first walk the API used to run, over the whole chain in memory.
    const graph = await h.db.store.fetchAll();
    type E = { from: string; to: string; type: string; output?: unknown };
    const incoming = new Map<string, E[]>();
    const outgoing = new Map<string, E[]>();
    for (const e of graph.edges) {
      incoming.set(e.to, [...(incoming.get(e.to) ?? []), e]);
      outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), e]);
    }
    const name = (id: string) => graph.nodes.get(id)!.name;
    const bfs = (root: string, up: boolean, maxDepth: number, maxNodes: number) => {
      const depth = new Map([[root, 0]]);
      // FEEDS edges for different outputs of one plant are different edges.
      const edges = new Map<string, string>();
      let frontier = [root];
      let truncated = false;
      for (let d = 1; d <= maxDepth && frontier.length > 0 && !truncated; d += 1) {
        const hits = frontier.flatMap((id) => (up ? incoming.get(id) ?? [] : outgoing.get(id) ?? []));
        const next = [...new Set(hits.map((e) => (up ? e.from : e.to)).filter((id) => !depth.has(id)))].sort((a, b) => name(a).localeCompare(name(b)) || a.localeCompare(b));
        const added: string[] = [];
        for (const id of next) {
          if (depth.size >= maxNodes) {
            truncated = true;
            break;
          }
          depth.set(id, d);
          added.push(id);
        }
        for (const e of hits) if (depth.has(e.from) && depth.has(e.to)) edges.set(`${e.type} ${e.from} ${e.to} ${String(e.output ?? '')}`, `${e.type} ${e.from} ${e.to}`);
        frontier = added;
      }
      // What lies beyond maxDepth: plain distances over the whole reach.
      const dist = new Map([[root, 0]]);
      let level = [root];
      while (level.length > 0) {
        const next: string[] = [];
        for (const id of level) {
          for (const e of up ? incoming.get(id) ?? [] : outgoing.get(id) ?? []) {
            const u = up ? e.from : e.to;
            if (!dist.has(u)) {
              dist.set(u, dist.get(id)! + 1);
              next.push(u);
            }
          }
        }
        level = next;
      }
      const ds = [...dist.values()];
      return { nodes: [...depth].map(([id, d]) => `${id}@${d}`), edges: [...edges.values()].sort(), truncated, nodesAtNextDepth: ds.filter((d) => d === maxDepth + 1).length, nodesBeyondDepth: ds.filter((d) => d > maxDepth).length };
    };
    const rand = (() => {
      let x = 12345;
      return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    })();
    const ids = [...graph.nodes.keys()].sort();
    for (let i = 0; i < 40; i += 1) {
      const root = ids[Math.floor(rand() * ids.length)]!;
      const up = i % 2 === 0;
      const maxDepth = 1 + Math.floor(rand() * 12);
      const maxNodes = 1 + Math.floor(rand() * 120);
      const field = up ? 'upstream' : 'downstream';
      const data = await h.query(`query ($id: ID!, $d: Int, $n: Int) { g: ${field}(id: $id, maxDepth: $d, maxNodes: $n) { truncated depthLimited nodesAtNextDepth nodesBeyondDepth nodes { id depth } edges { type from to } } }`, { id: root, d: maxDepth, n: maxNodes });
      const expected = bfs(root, up, maxDepth, maxNodes);
      const label = `${field}(${root}, ${maxDepth}, ${maxNodes})`;
      expect(data.g.nodes.map((x: any) => `${x.id}@${x.depth}`), label).toEqual(expected.nodes);
      expect(data.g.edges.map((e: any) => `${e.type} ${e.from} ${e.to}`).sort(), label).toEqual(expected.edges);
      expect(data.g.truncated, label).toBe(expected.truncated);
      expect(data.g.nodesAtNextDepth, label).toBe(expected.nodesAtNextDepth);
      expect(data.g.nodesBeyondDepth, label).toBe(expected.nodesBeyondDepth);
      expect(data.g.depthLimited, label).toBe(expected.nodesBeyondDepth > 0);
    }
  });
});

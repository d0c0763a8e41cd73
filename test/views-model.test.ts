// The views' pure modules, without a browser: the dependency view's merge of walks and its
// colours and widths, on DOMAIN.md's worked example worked out by hand (the GraphQL answers are
// written here as the server gives them). The flows view draws valueFlows as it comes; the browser
// tests check it against the answer.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChainEdge, ChainNode, DependencyGraph, SourceLink } from '../views/src/shared/chain.js';
import { GraphModel, edgeWidth } from '../views/src/dependencies/graph-model.js';

const E = (type: string, from: string, to: string, extra: Partial<ChainEdge> = {}): ChainEdge => ({ type, from, to, ...extra });

// DOMAIN.md's worked example, upstream of steel, with the fields the views ask for.
const EDGES: ChainEdge[] = [
  E('EXTRACTS', 'mine:a', 'product:ore', { capacityTpy: 1000 }),
  E('FEEDS', 'product:ore', 'plant:pellet', { quantityPerUnit: 1.5 }),
  E('PRODUCES', 'plant:pellet', 'product:pellet', { capacityTpy: 600 }),
  E('SUPPLIES', 'supplier:cn-electrodes', 'part:electrode', { volumePerYear: 2 }),
  E('FEEDS', 'product:pellet', 'plant:steel', { quantityPerUnit: 1.4, valueShare: 0.5 }),
  E('FEEDS', 'part:electrode', 'plant:steel', { quantityPerUnit: 0.01 }),
  E('PRODUCES', 'plant:steel', 'product:steel', { share: 0.8, capacityTpy: 400 }),
  E('SUPPLIES', 'supplier:tr-steel', 'product:steel', { share: 0.2, volumePerYear: 100 }),
];
const COUNTRY: Record<string, string | null> = { 'mine:a': 'IR', 'plant:pellet': 'IR', 'plant:steel': 'IR', 'supplier:cn-electrodes': 'CN', 'supplier:tr-steel': 'TR' };
const KIND: Record<string, ChainNode['kind']> = {
  'mine:a': 'MINE',
  'product:ore': 'PRODUCT',
  'plant:pellet': 'PLANT',
  'product:pellet': 'PRODUCT',
  'supplier:cn-electrodes': 'SUPPLIER',
  'part:electrode': 'PART',
  'plant:steel': 'PLANT',
  'supplier:tr-steel': 'SUPPLIER',
  'product:steel': 'PRODUCT',
};
const VALUE: Record<string, number> = { 'product:ore': 40, 'product:pellet': 100, 'part:electrode': 5000, 'product:steel': 500 };

// What the server answers for each item: its sources' weights and origins, and m.
const WEIGHT: Record<string, number> = { 'mine:a': 1, 'plant:pellet': 1, 'supplier:cn-electrodes': 1, 'plant:steel': 0.8, 'supplier:tr-steel': 0.2 };
const M: Record<string, number> = { 'product:ore': 0, 'product:pellet': 0, 'part:electrode': 1, 'product:steel': 0.2 };

function suppliersOf(id: string): SourceLink[] {
  return EDGES.filter((e) => e.to === id && ['EXTRACTS', 'PRODUCES', 'SUPPLIES'].includes(e.type)).map((edge) => ({
    weight: WEIGHT[edge.from]!,
    origin: COUNTRY[edge.from] ?? 'IR',
    foreign: (COUNTRY[edge.from] ?? 'IR') !== 'IR',
    edge,
    node: { id: edge.from, kind: KIND[edge.from]!, name: edge.from, nameFa: `نام ${edge.from}`, country: COUNTRY[edge.from] ?? null },
  }));
}

function graph(root: string, ids = Object.keys(KIND)): DependencyGraph {
  return {
    root: { id: root },
    truncated: false,
    depthLimited: false,
    nodesAtNextDepth: 0,
    nodesBeyondDepth: 0,
    nodes: ids.map((id) => ({
      id,
      kind: KIND[id]!,
      name: id,
      nameFa: `نام ${id}`,
      depth: 0,
      node: {
        country: COUNTRY[id] ?? null,
        unitValueUsd: VALUE[id] ?? null,
        unit: VALUE[id] ? 't' : null,
        ...(KIND[id] === 'PRODUCT' || KIND[id] === 'PART' ? { suppliers: suppliersOf(id), directImportShare: M[id] } : {}),
      },
    })),
    edges: EDGES.filter((e) => ids.includes(e.from) && ids.includes(e.to)),
  };
}

describe('the dependency view model', () => {
  it('colours items by the server’s m and sites by country, and weighs source edges by the server’s weights', () => {
    const model = new GraphModel('product:steel', 'IR');
    model.merge(graph('product:steel'));
    const share = (id: string) => model.nodes.get(id)!.importShare;
    expect(share('product:steel')).toBeCloseTo(0.2, 12);
    expect(share('part:electrode')).toBe(1);
    expect(share('product:pellet')).toBe(0);
    expect(share('supplier:tr-steel')).toBe(1);
    expect(share('plant:steel')).toBe(0);
    const tr = model.edges.get('SUPPLIES|supplier:tr-steel|product:steel')!;
    expect(tr.weight).toBeCloseTo(0.2, 12);
    expect(tr.foreign).toBe(true);
    expect(model.edges.get('FEEDS|product:pellet|plant:steel')!.weight).toBe(0.5);
    expect(edgeWidth(1)).toBe(9);
    expect(edgeWidth(null)).toBe(1.5);
  });

  it('merges an expansion by id and returns only what is new', () => {
    const model = new GraphModel('product:steel', 'IR');
    model.merge(graph('product:steel', ['product:steel', 'plant:steel', 'supplier:tr-steel']));
    const added = model.merge(graph('plant:steel', ['plant:steel', 'product:pellet', 'part:electrode', 'product:steel']), 1);
    expect(added.sort()).toEqual(['part:electrode', 'product:pellet']);
    const elements = model.elements('fa', () => '#000');
    expect(elements.filter((e) => e.group === 'nodes').map((e) => e.data.label)).toContain('نام product:pellet');
    expect(elements.filter((e) => e.group === 'edges')).toHaveLength(4);
  });
});

describe('docs/embedding.md', () => {
  it.each(['dependencies', 'flows', 'balance', 'plan', 'schedule'])('lists the %s view’s operations exactly as the page sends them', (view) => {
    const operations = fs.readFileSync(`views/src/${view}/operations.graphql`, 'utf8').trimEnd();
    expect(fs.readFileSync('docs/embedding.md', 'utf8')).toContain(`\`\`\`graphql\n${operations}\n\`\`\``);
  });
});

describe('grouping a large picture by tier and kind', () => {
  // A star: the root, 5 plants one hop up, and behind each plant 20 suppliers two hops up (100),
  // plus 3 mines two hops up: 109 nodes, over GROUP_ABOVE.
  const nodes: ChainNode[] = [{ id: 'product:x', kind: 'PRODUCT', name: 'X', nameFa: 'ایکس', depth: 0, node: null } as unknown as ChainNode];
  const edges: ChainEdge[] = [];
  for (let p = 0; p < 5; p += 1) {
    nodes.push({ id: `plant:${p}`, kind: 'PLANT', name: `Plant ${p}`, nameFa: `کارخانه ${p}`, depth: 1, node: null } as unknown as ChainNode);
    edges.push(E('PRODUCES', `plant:${p}`, 'product:x'));
    for (let s = 0; s < 20; s += 1) {
      nodes.push({ id: `supplier:${p}-${s}`, kind: 'SUPPLIER', name: `Supplier ${p}-${s}`, nameFa: 'تأمین', depth: 2, node: null } as unknown as ChainNode);
      edges.push(E('SUPPLIES', `supplier:${p}-${s}`, `plant:${p}`));
    }
  }
  for (let m = 0; m < 3; m += 1) {
    nodes.push({ id: `mine:${m}`, kind: 'MINE', name: `Mine ${m}`, nameFa: 'معدن', depth: 2, node: null } as unknown as ChainNode);
    edges.push(E('EXTRACTS', `mine:${m}`, 'plant:0'));
  }
  const model = new GraphModel('product:x', 'IR');
  model.merge({ root: { id: 'product:x' }, truncated: false, nodes, edges } as unknown as DependencyGraph);

  it('groups each outer tier by kind, keeping the root and its first ring single', () => {
    const groups = model.groups();
    expect(groups.map((g) => [g.id, g.members.length])).toEqual([
      ['group:2:MINE', 3],
      ['group:2:SUPPLIER', 100],
    ]);
    const els = model.elements('en', () => '#000', groups, (g) => `${g.members.length} ${g.kind}`);
    const drawnNodes = els.filter((e) => e.group === 'nodes');
    expect(drawnNodes).toHaveLength(1 + 5 + 2);
    expect(drawnNodes.find((e) => e.data.id === 'group:2:SUPPLIER')!.data).toMatchObject({ label: '100 SUPPLIER', count: 100 });
    // 100 supplier edges become one per plant; each stands for the 20 it replaces.
    const grouped = els.filter((e) => e.group === 'edges' && e.data.type === 'GROUPED');
    expect(grouped.filter((e) => e.data.source === 'group:2:SUPPLIER').map((e) => e.data.count)).toEqual([20, 20, 20, 20, 20]);
    expect(grouped.find((e) => e.data.source === 'group:2:MINE')).toMatchObject({ data: { target: 'plant:0', count: 3 } });
  });

  it('leaves opened groups and pinned nodes single, and small pictures ungrouped', () => {
    expect(model.groups(new Set(['group:2:SUPPLIER'])).map((g) => g.id)).toEqual(['group:2:MINE']);
    expect(model.groups(new Set(), new Set(['mine:0'])).find((g) => g.id === 'group:2:MINE')).toBeUndefined(); // 2 left: under GROUP_MIN
    const small = new GraphModel('product:x', 'IR');
    small.merge({ root: { id: 'product:x' }, truncated: false, nodes: nodes.slice(0, 30), edges } as unknown as DependencyGraph);
    expect(small.groups()).toEqual([]);
  });
});

// The views' pure modules, without a browser: direct import share from source edges, the
// dependency view's merge of walks, and the flows view's value rule, on DOMAIN.md's worked example
// worked out by hand (the GraphQL answers are written here as the server gives them).

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChainEdge, ChainNode, DependencyGraph, SourceLink } from '../views/src/shared/chain.js';
import { directImportShare, sourceWeights } from '../views/src/shared/import-share.js';
import { GraphModel, edgeWidth } from '../views/src/dependencies/graph-model.js';
import { buildFlows } from '../views/src/flows/flow-model.js';

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

function suppliersOf(id: string): SourceLink[] {
  return EDGES.filter((e) => e.to === id && ['EXTRACTS', 'PRODUCES', 'SUPPLIES'].includes(e.type)).map((edge) => ({
    edge,
    node: { id: edge.from, kind: KIND[edge.from]!, name: edge.from, nameFa: `نام ${edge.from}`, country: COUNTRY[edge.from] ?? null },
  }));
}

function graph(root: string, ids = Object.keys(KIND)): DependencyGraph {
  return {
    root: { id: root },
    truncated: false,
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
        ...(KIND[id] === 'PRODUCT' || KIND[id] === 'PART' ? { suppliers: suppliersOf(id) } : {}),
      },
    })),
    edges: EDGES.filter((e) => ids.includes(e.from) && ids.includes(e.to)),
  };
}

describe('direct import share', () => {
  it('weighs source edges by share, else by capacity or volume, else equally', () => {
    expect(sourceWeights([E('PRODUCES', 'a', 'x', { share: 0.8 }), E('SUPPLIES', 'b', 'x', { share: 0.2 })])).toEqual([0.8, 0.2]);
    expect(sourceWeights([E('PRODUCES', 'a', 'x', { capacityTpy: 300 }), E('SUPPLIES', 'b', 'x', { volumePerYear: 100 })])).toEqual([0.75, 0.25]);
    expect(sourceWeights([E('PRODUCES', 'a', 'x', { share: 0.5 }), E('SUPPLIES', 'b', 'x'), E('EXTRACTS', 'c', 'x')])).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('counts an edge foreign by its originCountry, else its source node country; no country is home', () => {
    expect(directImportShare(suppliersOf('product:steel'), 'IR')).toBeCloseTo(0.2, 12);
    expect(directImportShare(suppliersOf('part:electrode'), 'IR')).toBe(1);
    expect(directImportShare(suppliersOf('product:ore'), 'IR')).toBe(0);
    const trader: SourceLink = { edge: E('SUPPLIES', 's', 'x', { originCountry: 'CN', volumePerYear: 3 }), node: { id: 's', kind: 'SUPPLIER', name: 's', nameFa: 's', country: null } };
    const local: SourceLink = { edge: E('SUPPLIES', 't', 'x', { volumePerYear: 1 }), node: { id: 't', kind: 'SUPPLIER', name: 't', nameFa: 't', country: null } };
    expect(directImportShare([trader, local], 'IR')).toBeCloseTo(0.75, 12);
    expect(directImportShare([], 'IR')).toBeNull();
  });
});

describe('the dependency view model', () => {
  it('colours items by m and sites by country, and weighs source edges from the item’s sources', () => {
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

describe('the flows view value rule', () => {
  it('splits steel’s $500 as DOMAIN.md does: $140 imported (t = 0.28)', () => {
    const flows = buildFlows(graph('product:steel'), 'IR', { minShare: 0, detail: 'sites' });
    expect(flows.total).toBe(500);
    expect(flows.imported / flows.total).toBeCloseTo(0.28, 12);
    const link = (s: string, t: string) => flows.links.find((l) => l.source === s && l.target === t)!;
    expect(link('plant:steel', 'product:steel').value).toBeCloseTo(400, 9);
    expect(link('supplier:tr-steel', 'product:steel').value).toBeCloseTo(100, 9);
    expect(link('supplier:tr-steel', 'product:steel').importShare).toBe(1);
    expect(link('product:pellet', 'plant:steel').value).toBeCloseTo(200, 9); // valueShare 0.5
    expect(link('part:electrode', 'plant:steel').value).toBeCloseTo(40, 9); // 0.01 × 5000 / 500
    expect(link('product:ore', 'plant:pellet').value).toBeCloseTo(120, 9); // 1.5 × 40 / 100 of 200
    expect(link('mine:a', 'product:ore').value).toBeCloseTo(120, 9);
    const plant = flows.nodes.find((n) => n.key === 'plant:steel')!;
    expect(plant.valueAdded).toBeCloseTo(160, 9);
    expect(plant.importShare).toBeCloseTo(40 / 400, 9);
  });

  it('draws plants as the items they make by default, and gathers small nodes', () => {
    const items = buildFlows(graph('product:steel'), 'IR', { minShare: 0 });
    expect(items.nodes.map((n) => n.key).sort()).toEqual(['added:product:steel', 'mine:a', 'part:electrode', 'product:ore', 'product:pellet', 'product:steel', 'supplier:cn-electrodes', 'supplier:tr-steel']);
    expect(items.links.find((l) => l.source === 'added:product:steel')!.value).toBeCloseTo(160, 9);
    expect(items.links.find((l) => l.source === 'product:pellet' && l.target === 'product:steel')!.value).toBeCloseTo(200, 9);

    // At 10 % ($50), the electrode ($40) and its supplier are gathered: their imports still arrive.
    const coarse = buildFlows(graph('product:steel'), 'IR', { minShare: 0.1 });
    const other = coarse.nodes.find((n) => n.other === 'imports')!;
    expect(other.key).toBe('other:imports|product:steel');
    expect(other.value).toBeCloseTo(40, 9);
    const imported = coarse.links.filter((l) => l.target === 'product:steel').reduce((s, l) => s + l.value * l.importShare, 0);
    expect(imported).toBeCloseTo(140, 9);
  });

  it('cuts a recycling loop where it closes', () => {
    const g = graph('product:steel');
    g.edges.push(E('FEEDS', 'product:steel', 'plant:pellet', { quantityPerUnit: 0.1 }));
    const flows = buildFlows(g, 'IR', { minShare: 0, detail: 'sites' });
    expect(flows.cutLoops).toBe(1);
    expect(flows.imported / flows.total).toBeGreaterThanOrEqual(0.28 - 1e-12);
  });
});

describe('docs/embedding.md', () => {
  it.each(['dependencies', 'flows', 'balance'])('lists the %s view’s operations exactly as the page sends them', (view) => {
    const operations = fs.readFileSync(`views/src/${view}/operations.graphql`, 'utf8').trimEnd();
    expect(fs.readFileSync('docs/embedding.md', 'utf8')).toContain(`\`\`\`graphql\n${operations}\n\`\`\``);
  });
});

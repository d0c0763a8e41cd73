// The cost model against the queries Zanjir ships (the views' operations, the README's examples):
// every one must fit the default limits, and the probe's attack shapes must not. Costs of small
// queries are checked by hand against the rules in query-cost.ts.

import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../config.js';
import { buildZanjirSchema } from '../schema.js';
import { costSettings } from './limits.plugin.js';
import { measureOperation } from './query-cost.js';

const limits = loadConfig({}).limits;
const settings = costSettings(limits);

async function measure(text: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const schema = await buildZanjirSchema();
  const document = parse(text);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName)! : operations[0]!;
  return measureOperation(schema, operation, fragments, variables, settings);
}

function shippedOperations(): { file: string; name: string | undefined; text: string }[] {
  const files = [
    ...fs.readdirSync(path.join(PROJECT_ROOT, 'views', 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(PROJECT_ROOT, 'views', 'src', e.name, 'operations.graphql'))
      .filter((f) => fs.existsSync(f)),
    ...fs.readdirSync(path.join(PROJECT_ROOT, 'docs', 'examples')).filter((f) => f.endsWith('.graphql')).map((f) => path.join(PROJECT_ROOT, 'docs', 'examples', f)),
  ];
  return files.flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return parse(text)
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((o) => ({ file: path.relative(PROJECT_ROOT, file), name: o.name?.value, text }));
  });
}

describe('the cost model', () => {
  it('counts by hand: a node with its suppliers, each with its node', async () => {
    // node: 1 × (1 + suppliers: 5 × (1 + node: 1 × 1)) = 11; leaves cost nothing.
    expect((await measure('{ node(id: "x") { id ... on Product { suppliers { node { id } } } } }')).cost).toBe(11);
  });

  it('counts a page by its first, its connection list once', async () => {
    // nodes: 20 × (1 + edges: 1 × (1 + node: 1 × 1)) = 60.
    expect((await measure('{ nodes(first: 20) { edges { node { id } } } }')).cost).toBe(60);
  });

  it('counts a walk by min(maxNodes, 5^maxDepth)', async () => {
    // upstream: 125 × (1 + nodes: 1 × 1) = 250 at depth 3; capped by maxNodes at depth 12.
    expect((await measure('{ upstream(id: "x", maxDepth: 3) { nodes { id } } }')).cost).toBe(250);
    expect((await measure('{ upstream(id: "x", maxDepth: 12, maxNodes: 40) { nodes { id } } }')).cost).toBe(80);
  });

  it('adds the weight of an analytic once, and its answer like any other', async () => {
    // disruption weighs 5000, then 1 × (1 + losses: 5 × (1 + item: 1 × 1)) = 11.
    expect((await measure('{ disruption(scenario: {countries: ["CN"]}) { losses { item { id } loss } } }')).cost).toBe(5000 + 11);
    // importBills weighs 1000 once; its 10 rows cost 10 × (1 + item: 1).
    expect((await measure('{ importBills(first: 10) { item { id } importBillUsd } }')).cost).toBe(1000 + 20);
  });

  it('takes the dearest of fragments on different types, not their sum', async () => {
    const one = await measure('{ node(id: "x") { ... on Product { suppliers { node { id } } } } }');
    const two = await measure('{ node(id: "x") { ... on Product { suppliers { node { id } } } ... on Part { suppliers { node { id } } } } }');
    expect(two.cost).toBe(one.cost);
  });

  it('counts a lookup by ids by its ids: 500 nodes with their suppliers', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => `part:p${i}`);
    const shape = await measure(`query ($ids: [ID!]!) { nodesByIds(ids: $ids) { id ... on Part { suppliers { node { id } } } } }`, { ids });
    // Per node: itself 1 + its suppliers, a list inside a sized list so counted once, × (link 1 +
    // node 1) = 3; before, the 500 ids were priced as the default list of 5.
    expect(shape.cost).toBe(500 * 3);
  });

  it('reads sizes from variables', async () => {
    const q = 'query ($n: Int) { nodes(first: $n) { edges { node { id } } } }';
    expect((await measure(q, { n: 2 })).cost).toBe(6);
    expect((await measure(q, { n: 100 })).cost).toBe(300);
  });

  it('measures depth and aliases through fragments', async () => {
    const shape = await measure('query { a: node(id: "x") { ...F } b: node(id: "y") { ...F } } fragment F on ChainNode { id ... on Product { suppliers { node { id } } } }');
    expect(shape.aliases).toBe(2);
    expect(shape.depth).toBe(4);
  });
});

describe('what Zanjir ships fits the default limits', () => {
  for (const op of shippedOperations()) {
    it(`${op.file} ${op.name ?? '(anonymous)'}`, async () => {
      const variables = { id: 'x', up: true, depth: 3, maxNodes: 400, text: 'steel', ids: ['a', 'b'], stage: 'ORE', budget: 1e8 };
      const shape = await measure(op.text, variables, op.name);
      expect(shape.depth).toBeLessThanOrEqual(limits.maxQueryDepth);
      expect(shape.aliases).toBeLessThanOrEqual(limits.maxAliases);
      expect(shape.cost).toBeLessThanOrEqual(limits.maxCost);
    });
  }

  it('the three-tier dashboard query: products, the plants that feed them, and their suppliers', async () => {
    const q = `{ nodes(kind: PRODUCT, first: 50) { edges { node { id ... on Product {
      suppliers { node { id ... on Plant { inputs { node { id ... on Product { suppliers { node { id } } } ... on Part { suppliers { node { id } } } } } } } }
    } } } } }`;
    expect((await measure(q)).cost).toBeLessThanOrEqual(limits.maxCost);
  });
});

describe('the probe’s attacks do not fit', () => {
  it('suppliers of supplies nested 50 deep', async () => {
    let inner = 'id';
    for (let i = 0; i < 50; i += 1) inner = i % 2 === 0 ? `... on Supplier { supplies { node { id ${inner} } } }` : `... on Part { suppliers { node { id ${inner} } } }`;
    const shape = await measure(`{ node(id: "part:graphite-electrode") { id ${inner} } }`);
    expect(shape.depth).toBeGreaterThan(limits.maxQueryDepth);
    expect(shape.cost).toBeGreaterThan(limits.maxCost);
  });

  it('fragments that each spread the one before twice, 40 levels: measured at once, 2^40 times dearer', async () => {
    // About 2 KB of text. Measured spread by spread this took seconds at 20 levels and would
    // never end at 40; each fragment is measured once and its shape reused.
    const levels = 40;
    const fragments = [`fragment F0 on Supplier { id name }`];
    for (let i = 1; i <= levels; i += 1) fragments.push(`fragment F${i} on Supplier { ...F${i - 1} a: id ...F${i - 1} }`);
    const shape = await measure(`{ node(id: "supplier:x") { ...F${levels} } } ${fragments.join(' ')}`);
    // By hand: F0 costs 0 (two scalars) and F_i's aliases are 2 × F_{i−1}'s + 1, so 2^40 − 1.
    expect(shape.aliases).toBe(2 ** levels - 1);
    expect(shape.aliases).toBeGreaterThan(limits.maxAliases);
  });

  it('200 aliased disruptions', async () => {
    const shape = await measure(`{ ${Array.from({ length: 200 }, (_, i) => `d${i}: disruption(scenario: {countries: ["CN"]}) { losses { loss } }`).join(' ')} }`);
    expect(shape.aliases).toBe(200);
    expect(shape.cost).toBeGreaterThan(limits.maxCost);
  });
});

describe('a variable left out is priced at the default execution will use (issue 22, finding 2)', () => {
  it('prices first: $f with a default of 500 as 500, not as an unbounded list', async () => {
    const withDefault = await measure('query ($f: Int! = 500) { nodes(first: $f) { edges { node { id } } } }');
    const inline = await measure('query { nodes(first: 500) { edges { node { id } } } }');
    expect(withDefault.cost).toBe(inline.cost);
    expect(withDefault.cost).toBe(1500);
  });

  it('prices ids: $ids with a default list by its length', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => `"mine:m${i}"`).join(', ');
    const withDefault = await measure(`query ($ids: [ID!]! = [${ids}]) { nodesByIds(ids: $ids) { id ... on Part { suppliers { node { id } } } } }`);
    expect(withDefault.cost).toBe(500 * 3);
  });

  it('a variable sent still wins over its default', async () => {
    const q = 'query ($f: Int = 500) { nodes(first: $f) { edges { node { id } } } }';
    expect((await measure(q, { f: 2 })).cost).toBe(6);
  });
});

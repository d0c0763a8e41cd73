// Value flows into an item: the Sankey an analyst puts on a slide. One unit of X is worth its
// unitValueUsd (1 when unknown, so values are then shares). That value is split upstream the way
// DOMAIN.md splits import content, with the same supply model (src/model/supply.ts):
//   - an item passes its value to its sources by their weights w_e;
//   - a foreign source keeps what it receives: that value is imported;
//   - a home source passes a_j of it to each line j of its recipe and keeps the rest as value
//     added at home; a mine keeps everything.
// Each link carries the value that flows along it and the share of that value imported somewhere
// upstream. A Sankey must be acyclic: recycling loops are cut where they close, and the value that
// would go round shows as value added at home. `imported` is always t(X) × value(X) from the solved
// t = m + B t, the figure importContent reports; on an acyclic chain the links into X carry
// exactly that, and where a loop was cut they carry a little less (the loop's imports).
// Pure: given the subgraph upstream of X, it returns numbers.

import { rankKey } from './rank.js';
import { compareIds, type GraphSnapshot } from './graph-snapshot.js';
import { itemSlot } from './import-content.js';
import { assumptionsOf, forEachSource, recipeCoefficients, recipeLines, type Assumption } from './supply-model.js';
import { buildSystem, solveImportContent } from './sparse-system.js';

export const DEFAULT_MIN_SHARE = 0.02;

export type FlowDetail = 'items' | 'sites';

/** What a drawn node stands for. */
export type FlowNodeRole =
  /** A node of the graph (an item, or a site: mine, plant, supplier). */
  | 'NODE'
  /** What reaches a drawn node from abroad through nodes under the threshold. */
  | 'OTHER_IMPORTS'
  /** What reaches a drawn node from home through nodes under the threshold. */
  | 'OTHER_HOME'
  /** The value added where X itself is made. */
  | 'VALUE_ADDED';

export interface FlowNode {
  /** Unique in the answer: the node id; `site|item` when a site is drawn once per item it makes; `other:imports|<target>`, `other:home|<target>`, `added:<X>` for the synthetic ones. */
  key: string;
  role: FlowNodeRole;
  /** The graph node, for role NODE. */
  nodeId: string | null;
  /** A source abroad: imports end here. */
  foreign: boolean;
  /** Share of the value through this node that is imported, 0..1. */
  importShare: number;
  /** Value through the node: the larger of what flows in and what flows out. */
  value: number;
  /** What flows out beyond what flows in: the value added here. */
  valueAdded: number;
  /** For OTHER_* nodes: how many nodes they gather. */
  count: number;
  /** For OTHER_* nodes: the nodes they gather, largest part first; empty for the others. */
  members?: FlowMember[];
}

/** A node gathered into an OTHER_* node: what it passes on through it, and its own value. */
export interface FlowMember {
  key: string;
  nodeId: string | null;
  /** What it passes to the group's target through this group (imported or home-made part). */
  value: number;
  /** The node's own value: under minShare × total, which is why it was gathered. */
  nodeValue: number;
}

export interface FlowLink {
  source: string;
  target: string;
  value: number;
  importShare: number;
}

export interface ValueFlowsReport {
  rootId: string;
  /** Value of one unit of X, or null when unknown (values are then shares of 1). */
  unitValueUsd: number | null;
  total: number;
  imported: number;
  nodes: FlowNode[];
  links: FlowLink[];
  /** Loop edges removed to keep the picture acyclic. */
  cutLoops: number;
  /** Nodes under the threshold, gathered into OTHER_* nodes. */
  merged: number;
  assumptions: Assumption[];
  /** False when the import-content iteration did not settle (a cycle that feeds itself fully). */
  converged: boolean;
}

export interface ValueFlowOptions {
  /** Nodes carrying less than this share of X's value are gathered (default 0.02). */
  minShare?: number;
  /** 'items' (default): a home plant is drawn as the item it makes. 'sites': plants are nodes too. */
  detail?: FlowDetail;
}

interface Vertex {
  key: string;
  /** The graph node drawn for it: the item, or the source site (the item for an implicit assembly). */
  nodeId: string;
  item: string;
  /** The source site; null for items and implicit assemblies. */
  site: string | null;
  foreign: boolean;
  children: { key: string; coef: number }[];
  /** Share of the vertex's value that is imported. */
  importShare: number;
}

export function valueFlows(snap: GraphSnapshot, rootId: string, options: ValueFlowOptions = {}): ValueFlowsReport {
  const root = itemSlot(snap, rootId, 'value flows are drawn');
  const minShare = options.minShare ?? DEFAULT_MIN_SHARE;
  const detail = options.detail ?? 'items';

  const vertices = buildVertices(snap, rootId);
  const rootKey = itemKey(rootId);
  const { order, cutLoops } = cutLoopsFrom(vertices, rootKey);
  importSharesOnTheCutGraph(vertices, order);
  const unitValueUsd = positive(snap.unitValue[root]);
  const total = unitValueUsd ?? 1;
  const value = spreadValue(vertices, order, rootKey, total);

  const drawn = drawnLinks(vertices, order, value, detail);
  const nodes = drawnNodes(vertices, order, value, drawn, rootId, total);
  const gathered = gatherSmall(nodes, drawn.links, rootId, total, minShare);
  addValueAdded(gathered, vertices.get(rootKey)!, rootId, total);

  const keys = new Set(gathered.nodes.map((n) => n.key));
  const t = totalImportContent(snap, root);
  return {
    rootId,
    unitValueUsd,
    total,
    imported: total * t.value,
    nodes: gathered.nodes,
    links: [...gathered.links.values()]
      .filter((l) => keys.has(l.source) && keys.has(l.target))
      .map((l) => ({ source: l.source, target: l.target, value: l.value, importShare: l.value > 0 ? Math.min(1, l.importedValue / l.value) : 0 })),
    cutLoops,
    merged: gathered.merged,
    assumptions: assumptionsOf(snap, new Set([...vertices.values()].map((v) => snap.index.get(v.item)!))),
    converged: t.converged,
  };
}

const itemKey = (id: string) => `i:${id}`;

/** Item vertices and one vertex per source edge (a plant's recipe depends on which output it makes). */
function buildVertices(snap: GraphSnapshot, rootId: string): Map<string, Vertex> {
  const vertices = new Map<string, Vertex>();
  const lines: number[] = [];
  const coefficients: number[] = [];

  const itemVertex = (id: string): string => {
    const key = itemKey(id);
    if (vertices.has(key)) return key;
    const vertex: Vertex = { key, nodeId: id, item: id, site: null, foreign: false, children: [], importShare: 0 };
    vertices.set(key, vertex);
    const i = snap.index.get(id)!;
    const sources: { e: number; weight: number; foreign: boolean }[] = [];
    forEachSource(snap, i, (e, weight, foreign) => sources.push({ e, weight, foreign }));
    for (const s of sources) vertex.children.push({ key: sourceVertex(i, s.e, s.foreign), coef: s.weight });
    byKey(vertex.children);
    return key;
  };

  const sourceVertex = (i: number, e: number, foreign: boolean): string => {
    const itemId = snap.ids[i]!;
    const site = e >= 0 ? snap.ids[snap.eFrom[e]!]! : null;
    const key = e >= 0 ? `s:${snap.typeOf(e)}|${site}|${itemId}` : `s:assembly|${itemId}`;
    if (vertices.has(key)) return key;
    const vertex: Vertex = { key, nodeId: site ?? itemId, item: itemId, site, foreign, children: [], importShare: 0 };
    vertices.set(key, vertex);
    if (foreign) return key; // a foreign source is not expanded: its value is imported
    recipeLines(snap, e, i, lines);
    if (lines.length > 0) {
      recipeCoefficients(snap, i, lines, coefficients);
      const children = lines.map((l, k) => ({ input: snap.ids[snap.eFrom[l]!]!, coef: coefficients[k]! }));
      for (const c of children) vertex.children.push({ key: itemVertex(c.input), coef: c.coef });
    }
    byKey(vertex.children);
    return key;
  };

  itemVertex(rootId);
  return vertices;
}

/**
 * Children in key order: where a loop is cut depends on the order the walk meets them, so the
 * same graph must give the same Sankey whatever order its edges were stored or read in (the
 * database and the in-memory snapshot read them in different orders).
 */
function byKey(children: { key: string }[]): void {
  children.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** t(X) from the linear system, loops and all. */
function totalImportContent(snap: GraphSnapshot, root: number): { value: number; converged: boolean } {
  const solution = solveImportContent(buildSystem(snap, root));
  return { value: solution.values[0]!, converged: solution.converged };
}

/** Imported share of each vertex on the acyclic graph, children first: what the links can show. */
function importSharesOnTheCutGraph(vertices: Map<string, Vertex>, order: string[]): void {
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const v = vertices.get(order[i]!)!;
    v.importShare = v.foreign ? 1 : v.children.reduce((sum, c) => sum + c.coef * vertices.get(c.key)!.importShare, 0);
  }
}

/** Depth first from the root, dropping edges back to a vertex on the stack; returns parents before children. */
function cutLoopsFrom(vertices: Map<string, Vertex>, rootKey: string): { order: string[]; cutLoops: number } {
  let cutLoops = 0;
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  // Iterative, so a chain thousands of tiers deep does not overflow the stack.
  const stack: { key: string; next: number }[] = [{ key: rootKey, next: 0 }];
  state.set(rootKey, 'open');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const vertex = vertices.get(frame.key)!;
    if (frame.next < vertex.children.length) {
      const child = vertex.children[frame.next]!;
      const s = state.get(child.key);
      if (s === 'open') {
        vertex.children.splice(frame.next, 1);
        cutLoops += 1;
        continue;
      }
      frame.next += 1;
      if (s === undefined) {
        state.set(child.key, 'open');
        stack.push({ key: child.key, next: 0 });
      }
      continue;
    }
    state.set(frame.key, 'done');
    order.push(frame.key);
    stack.pop();
  }
  return { order: order.reverse(), cutLoops };
}

function spreadValue(vertices: Map<string, Vertex>, order: string[], rootKey: string, total: number): Map<string, number> {
  const value = new Map<string, number>([[rootKey, total]]);
  for (const key of order) {
    const v = value.get(key) ?? 0;
    for (const child of vertices.get(key)!.children) value.set(child.key, (value.get(child.key) ?? 0) + v * child.coef);
  }
  return value;
}

interface DrawnLink {
  source: string;
  target: string;
  value: number;
  importedValue: number;
}

interface Drawn {
  links: Map<string, DrawnLink>;
  keyOf: (v: Vertex) => string;
}

/**
 * Links between drawn nodes: site → item for each source, input → site (or component → item) for
 * recipes. With detail 'items' a home site with a recipe is drawn as the item it makes; sites
 * without inputs (mines, suppliers) and foreign sources stay. A site making several items of the
 * chain, one an input of another, would close a loop in the picture: it is drawn once per item.
 */
function drawnLinks(vertices: Map<string, Vertex>, order: string[], value: Map<string, number>, detail: FlowDetail): Drawn {
  const split = new Set<string>();
  const mergedIntoItem = (v: Vertex) => detail === 'items' && v.site !== null && !v.foreign && v.children.length > 0;
  const keyOf = (v: Vertex) => (mergedIntoItem(v) ? v.item : v.site && split.has(v.site) ? `${v.site}|${v.item}` : v.nodeId);
  const build = () => {
    const links = new Map<string, DrawnLink>();
    for (const key of order) {
      const parent = vertices.get(key)!;
      const v = value.get(key) ?? 0;
      for (const c of parent.children) {
        const child = vertices.get(c.key)!;
        const source = keyOf(child);
        const target = keyOf(parent);
        const amount = v * c.coef;
        if (amount <= 0 || source === target) continue;
        const linkKey = `${source}→${target}`;
        const link = links.get(linkKey) ?? { source, target, value: 0, importedValue: 0 };
        link.value += amount;
        link.importedValue += amount * child.importShare;
        links.set(linkKey, link);
      }
    }
    return links;
  };
  let links = build();
  const sites = new Set([...vertices.values()].flatMap((v) => (v.site ? [v.site] : [])));
  for (let round = 0; round < 5; round += 1) {
    const onCycle = nodesOnCycles([...links.values()]).filter((k) => sites.has(k));
    if (onCycle.length === 0) break;
    onCycle.forEach((s) => split.add(s));
    links = build();
  }
  return { links, keyOf };
}

function drawnNodes(vertices: Map<string, Vertex>, order: string[], value: Map<string, number>, drawn: Drawn, rootId: string, total: number): Map<string, FlowNode> {
  const flowIn = new Map<string, number>();
  const flowOut = new Map<string, number>();
  for (const l of drawn.links.values()) {
    flowOut.set(l.source, (flowOut.get(l.source) ?? 0) + l.value);
    flowIn.set(l.target, (flowIn.get(l.target) ?? 0) + l.value);
  }
  const nodes = new Map<string, FlowNode>();
  const importedAt = new Map<string, number>();
  // A supplier can deliver one item from abroad (originCountry) and another from home: one drawn
  // node, part imported. What its foreign edges pass on is imported, not value added here.
  const foreignValue = new Map<string, number>();
  for (const key of order) {
    const v = vertices.get(key)!;
    const k = drawn.keyOf(v);
    const vertexValue = value.get(key) ?? 0;
    // A source drawn as its item (an assembly, a merged plant) carries the item's value: count it once.
    if (!(key.startsWith('s:') && k === v.item)) importedAt.set(k, (importedAt.get(k) ?? 0) + vertexValue * v.importShare);
    if (v.foreign) foreignValue.set(k, (foreignValue.get(k) ?? 0) + vertexValue);
    const existing = nodes.get(k);
    if (existing) {
      existing.foreign &&= v.foreign;
      continue;
    }
    nodes.set(k, { key: k, role: 'NODE', nodeId: v.nodeId, foreign: v.foreign, importShare: 0, value: 0, valueAdded: 0, count: 0 });
  }
  for (const n of nodes.values()) {
    const inflow = flowIn.get(n.key) ?? 0;
    const outflow = n.key === rootId ? total : (flowOut.get(n.key) ?? 0);
    n.value = Math.max(inflow, outflow);
    n.importShare = outflow > 0 ? Math.min(1, (importedAt.get(n.key) ?? 0) / outflow) : n.foreign ? 1 : 0;
    n.valueAdded = Math.max(0, outflow - inflow - (foreignValue.get(n.key) ?? 0));
  }
  return nodes;
}

interface Gathered {
  nodes: FlowNode[];
  links: Map<string, DrawnLink>;
  merged: number;
}

/**
 * Nodes under the threshold are not drawn. What they pass on still reaches the node they feed,
 * from an "other imports" and an "other, made at home" node beside it, so inflows keep their size
 * and imports never vanish from the picture. A home-made sliver under a quarter of the threshold
 * is left out (the total still counts it).
 */
function gatherSmall(nodes: Map<string, FlowNode>, links: Map<string, DrawnLink>, rootId: string, total: number, minShare: number): Gathered {
  const threshold = total * minShare;
  const tiny = total * 1e-12;
  const small = new Set([...nodes.values()].filter((n) => n.key !== rootId && n.value < threshold).map((n) => n.key));
  const out = new Map<string, DrawnLink>();
  const add = (source: string, target: string, value: number, importedValue: number) => {
    if (value <= tiny) return;
    const key = `${source}→${target}`;
    const link = out.get(key) ?? { source, target, value: 0, importedValue: 0 };
    link.value += value;
    link.importedValue += importedValue;
    out.set(key, link);
  };
  const others = new Map<string, { role: FlowNodeRole; target: string; sources: Map<string, number> }>();
  const gather = (role: 'OTHER_IMPORTS' | 'OTHER_HOME', source: string, target: string, value: number) => {
    if (value <= tiny) return;
    const key = `${role === 'OTHER_IMPORTS' ? 'other:imports' : 'other:home'}|${target}`;
    add(key, target, value, role === 'OTHER_IMPORTS' ? value : 0);
    const g = others.get(key) ?? { role, target, sources: new Map<string, number>() };
    g.sources.set(source, (g.sources.get(source) ?? 0) + value);
    others.set(key, g);
  };
  for (const l of links.values()) {
    if (small.has(l.target)) continue;
    if (!small.has(l.source)) add(l.source, l.target, l.value, l.importedValue);
    else {
      gather('OTHER_IMPORTS', l.source, l.target, l.importedValue);
      gather('OTHER_HOME', l.source, l.target, l.value - l.importedValue);
    }
  }
  const kept = [...nodes.values()].filter((n) => !small.has(n.key));
  for (const [key, g] of others) {
    const linkKey = `${key}→${g.target}`;
    const value = out.get(linkKey)?.value ?? 0;
    // Imports are never dropped: under the value-added node they would pass for home-made.
    if (g.role === 'OTHER_HOME' && value < threshold / 4) {
      out.delete(linkKey);
      continue;
    }
    const imports = g.role === 'OTHER_IMPORTS';
    const members = [...g.sources]
      .map(([source, passed]) => ({ key: source, nodeId: nodes.get(source)?.nodeId ?? null, value: passed, nodeValue: nodes.get(source)?.value ?? passed }))
      .sort((x, y) => rankKey(y.value) - rankKey(x.value) || compareIds(x.key, y.key));
    kept.push({ key, role: g.role, nodeId: null, foreign: imports, importShare: imports ? 1 : 0, value, valueAdded: 0, count: g.sources.size, members });
  }
  return { nodes: kept, links: out, merged: small.size };
}

/** What X's drawn inflows do not explain is value added where X is made: one node keeps X as tall as its value. */
function addValueAdded(g: Gathered, rootVertex: Vertex, rootId: string, total: number): void {
  const inflow = [...g.links.values()].filter((l) => l.target === rootId).reduce((sum, l) => sum + l.value, 0);
  const added = total - inflow;
  if (added <= total * 1e-9 || rootVertex.children.length === 0) return;
  const key = `added:${rootId}`;
  g.links.set(`${key}→${rootId}`, { source: key, target: rootId, value: added, importedValue: 0 });
  // X's own value added is now this node's; X itself adds nothing beyond its inflows.
  const root = g.nodes.find((n) => n.key === rootId);
  if (root) root.valueAdded = 0;
  g.nodes.push({ key, role: 'VALUE_ADDED', nodeId: null, foreign: false, importShare: 0, value: added, valueAdded: added, count: 0 });
}

/** Nodes on a directed cycle of the links (strongly connected components larger than one, Tarjan). */
function nodesOnCycles(links: { source: string; target: string }[]): string[] {
  const out = new Map<string, string[]>();
  for (const l of links) out.set(l.source, [...(out.get(l.source) ?? []), l.target]);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[] = [];
  const strong = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) result.push(...component);
  };
  for (const v of new Set(links.flatMap((l) => [l.source, l.target]))) if (!index.has(v)) strong(v);
  return result;
}

function positive(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}

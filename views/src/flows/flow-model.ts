// The value rule of the flows view (docs/embedding.md explains it to users).
//
// Start with the value of one unit of the finished good X (its unitValueUsd; 1 when unknown, so
// widths are then shares). Walk upstream and split value as DOMAIN.md splits import content:
//   - an item passes its value to its sources by their weights w_e (share, else capacity/volume,
//     else equal); an item without sources but with a bill of materials has one implicit home
//     assembly source (w = 1);
//   - a foreign source keeps what it receives: that value is imported;
//   - a home source passes a_j of it to each line j of its recipe (valueShare, else
//     quantity × unitValue(j) / unitValue(i), else 1/n; scaled down when they sum above 1) and keeps
//     the rest as value added at home; a mine keeps everything.
// Each link of the Sankey carries the value that flows along it, and the share of that value that
// was imported somewhere upstream (the same t = m + B·t as importContent, so the imported total at X
// equals its total import content). Recycling loops are cut where they close (the value that would
// go round counts as made at home), so the picture is a DAG as a Sankey must be.
// Pure: no DOM, tested from Node.

import { ITEM_KINDS, SOURCE_EDGE_TYPES, edgeKey, type ChainEdge, type ChainNode, type DependencyGraph } from '../shared/chain.js';
import { isForeignCountry, originOf, sourceWeights } from '../shared/import-share.js';

export interface FlowNode {
  /**
   * A graph node id; `site|item` when a site making several items had to be drawn once per item;
   * other:imports|<target> and other:home|<target> for what is under the threshold; added:<root> for
   * the value added in making the root.
   */
  key: string;
  id: string | null;
  kind: string | null;
  name: string;
  nameFa: string;
  /** A source abroad (imports end here). */
  foreign: boolean;
  /** Share of the value through this node that is imported (0..1). */
  importShare: number;
  /** Value through the node: the larger of what flows in and out. */
  value: number;
  /** Value added here: what flows out beyond what flows in (for the root, its value). */
  valueAdded: number;
  /** An "other" node: what reaches a drawn node through nodes under the threshold, imported or not. */
  other?: 'imports' | 'home';
  /** How many nodes an "other" node gathers. */
  count?: number;
  /** The node for the value added where the root itself is made. */
  added?: boolean;
}

export interface FlowLink {
  source: string;
  target: string;
  value: number;
  /** Share of the link's value that is imported (0..1). */
  importShare: number;
}

export interface FlowModel {
  rootId: string;
  unit: string | null;
  /** Value of one unit of the root in USD, or null when unknown (values are then shares of 1). */
  unitValueUsd: number | null;
  total: number;
  imported: number;
  nodes: FlowNode[];
  links: FlowLink[];
  /** Back edges removed to break recycling loops. */
  cutLoops: number;
  /** Nodes under the threshold, not drawn. */
  merged: number;
}

interface Vertex {
  key: string;
  /** Drawn node id: the item, or the source site (null for an implicit assembly, drawn as the item). */
  nodeId: string;
  item: string;
  children: { key: string; coef: number }[];
  foreign: boolean;
  /** Site vertices: the site's id; item vertices: null. */
  site: string | null;
}

export const DEFAULT_MIN_SHARE = 0.02;

export interface FlowOptions {
  /** Nodes carrying less than this share of the root's value are not drawn (default 0.02). */
  minShare?: number;
  /** 'items' (default): plants are drawn as the items they make. 'sites': plants are nodes too. */
  detail?: 'items' | 'sites';
}

export function buildFlows(graph: DependencyGraph, homeCountry: string, options: FlowOptions = {}): FlowModel {
  const minShare = options.minShare ?? DEFAULT_MIN_SHARE;
  const detail = options.detail ?? 'items';
  const nodes = new Map<string, ChainNode>(graph.nodes.map((n) => [n.id, n]));
  const rootId = graph.root.id;
  const root = nodes.get(rootId);
  const uv = (id: string) => {
    const v = nodes.get(id)?.node?.unitValueUsd;
    return typeof v === 'number' && v > 0 ? v : null;
  };

  const sourcesOf = new Map<string, ChainEdge[]>();
  const feedsInto = new Map<string, ChainEdge[]>();
  const componentsOf = new Map<string, ChainEdge[]>();
  const push = (map: Map<string, ChainEdge[]>, key: string, e: ChainEdge) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  const seen = new Set<string>();
  for (const e of graph.edges) {
    const key = edgeKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    if (SOURCE_EDGE_TYPES.has(e.type)) push(sourcesOf, e.to, e);
    else if (e.type === 'FEEDS') push(feedsInto, e.to, e);
    else if (e.type === 'COMPONENT_OF') push(componentsOf, e.to, e);
  }

  /** Value coefficients of one recipe (DOMAIN.md): valueShare, else quantity × uv(j)/uv(i), else 1/n. */
  const coefficients = (lines: ChainEdge[], itemId: string, quantity: (e: ChainEdge) => number | null | undefined) => {
    const a = lines.map((line) => {
      if (typeof line.valueShare === 'number') return line.valueShare;
      const q = quantity(line);
      const vj = uv(line.from);
      const vi = uv(itemId);
      if (typeof q === 'number' && vj !== null && vi !== null) return (q * vj) / vi;
      return 1 / lines.length;
    });
    const sum = a.reduce((s, x) => s + x, 0);
    return sum > 1 ? a.map((x) => x / sum) : a;
  };

  // The value graph: item vertices and source vertices (one per source edge, as a plant's recipe
  // depends on which output it makes).
  const vertices = new Map<string, Vertex>();
  const itemVertex = (id: string): string => {
    const key = `i:${id}`;
    if (vertices.has(key)) return key;
    const v: Vertex = { key, nodeId: id, item: id, children: [], foreign: false, site: null };
    vertices.set(key, v);
    if (!ITEM_KINDS.has(nodes.get(id)?.kind ?? '')) return key;
    const sources = sourcesOf.get(id) ?? [];
    if (sources.length) {
      const w = sourceWeights(sources);
      sources.forEach((e, i) => v.children.push({ key: sourceVertex(e), coef: w[i]! }));
    } else {
      const lines = componentsOf.get(id) ?? [];
      if (lines.length) {
        const key2 = `s:implicit|${id}`;
        vertices.set(key2, { key: key2, nodeId: id, item: id, children: [], foreign: false, site: null });
        v.children.push({ key: key2, coef: 1 });
        recipe(key2, lines, id, (e) => e.quantity);
      }
    }
    return key;
  };
  const sourceVertex = (e: ChainEdge): string => {
    const key = `s:${edgeKey(e)}`;
    if (vertices.has(key)) return key;
    const site = nodes.get(e.from);
    const foreign = isForeignCountry(originOf(e, { country: site?.node?.country ?? null }), homeCountry);
    vertices.set(key, { key, nodeId: e.from, item: e.to, children: [], foreign, site: e.from });
    if (foreign || site?.kind === 'MINE') return key;
    const feeds = (feedsInto.get(e.from) ?? []).filter((f) => !f.output || f.output === e.to);
    if (site?.kind === 'PLANT' && feeds.length) recipe(key, feeds, e.to, (f) => f.quantityPerUnit);
    else recipe(key, componentsOf.get(e.to) ?? [], e.to, (c) => c.quantity);
    return key;
  };
  const recipe = (key: string, lines: ChainEdge[], itemId: string, quantity: (e: ChainEdge) => number | null | undefined) => {
    const a = coefficients(lines, itemId, quantity);
    const v = vertices.get(key)!;
    lines.forEach((line, i) => {
      if (nodes.has(line.from)) v.children.push({ key: itemVertex(line.from), coef: a[i]! });
    });
  };

  const rootKey = itemVertex(rootId);

  // Cut the loops: depth-first from the root, drop edges back to a vertex on the stack.
  let cutLoops = 0;
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (key: string) => {
    state.set(key, 1);
    const v = vertices.get(key)!;
    v.children = v.children.filter((c) => {
      const s = state.get(c.key);
      if (s === 1) {
        cutLoops++;
        return false;
      }
      if (s === undefined) visit(c.key);
      return true;
    });
    state.set(key, 2);
    order.push(key);
  };
  visit(rootKey);
  order.reverse(); // parents before children

  const rootValue = uv(rootId);
  const total = rootValue ?? 1;
  const value = new Map<string, number>([[rootKey, total]]);
  for (const key of order) {
    const v = vertices.get(key)!;
    const val = value.get(key) ?? 0;
    for (const c of v.children) value.set(c.key, (value.get(c.key) ?? 0) + val * c.coef);
  }
  // Imported share of each vertex's value, children first.
  const imported = new Map<string, number>();
  for (const key of [...order].reverse()) {
    const v = vertices.get(key)!;
    imported.set(key, v.foreign ? 1 : v.children.reduce((s, c) => s + c.coef * (imported.get(c.key) ?? 0), 0));
  }

  // Drawn links: site → item for each source vertex, input → site (or component → item) for recipes.
  const links = new Map<string, { source: string; target: string; value: number; importedValue: number }>();
  const addLink = (source: string, target: string, amount: number, share: number) => {
    if (amount <= 0 || source === target) return;
    const key = `${source}→${target}`;
    const l = links.get(key) ?? { source, target, value: 0, importedValue: 0 };
    l.value += amount;
    l.importedValue += amount * share;
    links.set(key, l);
  };
  // detail 'items': a home site with a recipe is drawn as the item it makes (the plant's value added
  // shows in the item); sites without inputs (mines, suppliers) and foreign sources stay as nodes.
  const mergedIntoItem = (v: Vertex) => detail === 'items' && v.site !== null && !v.foreign && v.children.length > 0;
  const split = new Set<string>();
  const keyOf = (v: Vertex) => (mergedIntoItem(v) ? v.item : v.site && split.has(v.site) ? `${v.site}|${v.item}` : v.nodeId);
  const buildLinks = () => {
    links.clear();
    for (const key of order) {
      const v = vertices.get(key)!;
      const val = value.get(key) ?? 0;
      for (const c of v.children) {
        const child = vertices.get(c.key)!;
        const amount = val * c.coef;
        // item → its source: material flows from the source (child) into the item (parent).
        // source → recipe line: material flows from the input (child) into the source (parent).
        addLink(keyOf(child), keyOf(v), amount, imported.get(c.key) ?? 0);
      }
    }
  };
  buildLinks();
  // A site making several items of this chain, one of them an input of another, would close a loop
  // in the picture: draw such a site once per output.
  for (let round = 0; round < 5; round++) {
    const onCycle = sitesOnCycles([...links.values()], new Set([...vertices.values()].filter((v) => v.site).map((v) => v.site!)));
    if (onCycle.length === 0) break;
    onCycle.forEach((s) => split.add(s));
    buildLinks();
  }

  // Node values and value added.
  const flowIn = new Map<string, number>();
  const flowOut = new Map<string, number>();
  for (const l of links.values()) {
    flowOut.set(l.source, (flowOut.get(l.source) ?? 0) + l.value);
    flowIn.set(l.target, (flowIn.get(l.target) ?? 0) + l.value);
  }
  const drawn = new Map<string, FlowNode>();
  const nodeImported = new Map<string, number>();
  for (const key of order) {
    const v = vertices.get(key)!;
    const k = keyOf(v);
    const val = value.get(key) ?? 0;
    // A source drawn as its item (implicit assembly, merged plant): count the item's value once.
    if (!(key.startsWith('s:') && k === v.item)) nodeImported.set(k, (nodeImported.get(k) ?? 0) + val * (imported.get(key) ?? 0));
    if (drawn.has(k)) {
      drawn.get(k)!.foreign ||= v.foreign;
      continue;
    }
    const n = nodes.get(v.nodeId);
    drawn.set(k, {
      key: k,
      id: v.nodeId,
      kind: n?.kind ?? null,
      name: n?.name ?? v.nodeId,
      nameFa: n?.nameFa ?? '',
      foreign: v.foreign,
      importShare: 0,
      value: 0,
      valueAdded: 0,
    });
  }
  for (const n of drawn.values()) {
    const inflow = flowIn.get(n.key) ?? 0;
    const outflow = n.key === rootId ? total : (flowOut.get(n.key) ?? 0);
    n.value = Math.max(inflow, outflow);
    n.importShare = n.foreign ? 1 : n.value > 0 ? Math.min(1, (nodeImported.get(n.key) ?? 0) / (n.key === rootId ? total : Math.max(outflow, 1e-300))) : 0;
    n.valueAdded = n.foreign ? 0 : Math.max(0, outflow - inflow);
  }

  // Nodes under the threshold are not drawn. What they pass on still reaches the node they feed,
  // from an "other imports" and an "other home-made" node beside it, so inflows keep their size and
  // imports never vanish from the picture.
  const threshold = total * minShare;
  const small = new Set([...drawn.values()].filter((n) => n.key !== rootId && n.value < threshold).map((n) => n.key));
  const finalLinks = new Map<string, FlowLink & { importedValue: number }>();
  const add = (source: string, target: string, amount: number, importedValue: number) => {
    if (amount <= total * 1e-12) return;
    const key = `${source}→${target}`;
    const l = finalLinks.get(key) ?? { source, target, value: 0, importShare: 0, importedValue: 0 };
    l.value += amount;
    l.importedValue += importedValue;
    finalLinks.set(key, l);
  };
  const gathered = new Map<string, { other: 'imports' | 'home'; target: string; sources: Set<string> }>();
  const gather = (other: 'imports' | 'home', source: string, target: string, amount: number) => {
    if (amount <= total * 1e-12) return;
    const key = `other:${other}|${target}`;
    add(key, target, amount, other === 'imports' ? amount : 0);
    const g = gathered.get(key) ?? { other, target, sources: new Set<string>() };
    g.sources.add(source);
    gathered.set(key, g);
  };
  for (const l of links.values()) {
    if (small.has(l.target)) continue;
    if (!small.has(l.source)) {
      add(l.source, l.target, l.value, l.importedValue);
      continue;
    }
    gather('imports', l.source, l.target, l.importedValue);
    gather('home', l.source, l.target, l.value - l.importedValue);
  }
  const kept = [...drawn.values()].filter((n) => !small.has(n.key));
  for (const [key, g] of gathered) {
    const linkKey = `${key}→${g.target}`;
    const out = finalLinks.get(linkKey)?.value ?? 0;
    // A sliver under a quarter of the threshold would only add clutter: the caption's total has it.
    if (out < threshold / 4) {
      finalLinks.delete(linkKey);
      continue;
    }
    const imports = g.other === 'imports';
    kept.push({
      key,
      id: null,
      kind: null,
      name: imports ? 'Other imports' : 'Other, made at home',
      nameFa: imports ? 'سایر واردات' : 'سایر، ساخت داخل',
      foreign: imports,
      importShare: imports ? 1 : 0,
      value: out,
      valueAdded: 0,
      other: g.other,
      count: g.sources.size,
    });
  }
  // What the root's inflows do not explain is value added where it is made (at home: a foreign
  // source of the root is drawn as such). One node for it keeps the root as tall as its value.
  const rootInflow = [...finalLinks.values()].filter((l) => l.target === rootId).reduce((sum, l) => sum + l.value, 0);
  if (total - rootInflow > total * 1e-9 && vertices.get(rootKey)!.children.length > 0) {
    const key = `added:${rootId}`;
    add(key, rootId, total - rootInflow, 0);
    kept.push({ key, id: null, kind: null, name: 'Value added in making it', nameFa: 'ارزش افزوده در ساخت آن', foreign: false, importShare: 0, value: total - rootInflow, valueAdded: total - rootInflow, added: true });
  }
  const keptKeys = new Set(kept.map((n) => n.key));
  return {
    rootId,
    unit: (root?.node?.unit as string | null | undefined) ?? null,
    unitValueUsd: rootValue,
    total,
    imported: total * (imported.get(rootKey) ?? 0),
    nodes: kept,
    links: [...finalLinks.values()]
      .filter((l) => keptKeys.has(l.source) && keptKeys.has(l.target))
      .map((l) => ({ source: l.source, target: l.target, value: l.value, importShare: l.value > 0 ? Math.min(1, l.importedValue / l.value) : 0 })),
    cutLoops,
    merged: small.size,
  };
}

/** Sites that lie on a directed cycle of the drawn links. */
function sitesOnCycles(links: { source: string; target: string }[], sites: Set<string>): string[] {
  const out = new Map<string, string[]>();
  for (const l of links) {
    const list = out.get(l.source);
    if (list) list.push(l.target);
    else out.set(l.source, [l.target]);
  }
  // Tarjan's strongly connected components: any component with more than one node is a cycle.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) result.push(...component.filter((c) => sites.has(c)));
    }
  };
  for (const v of new Set(links.flatMap((l) => [l.source, l.target]))) if (!idx.has(v)) strong(v);
  return result;
}

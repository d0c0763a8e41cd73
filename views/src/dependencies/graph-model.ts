// The dependency view's model: GraphQL DependencyGraph answers merged by id (the first walk, then
// every "expand"), each node coloured by how imported it is and each edge weighed by its share.
// Pure (no DOM, no Cytoscape): it returns Cytoscape's plain `elements` JSON, the same shape
// docs/embedding.md shows for dashboards.

import { ITEM_KINDS, SITE_KINDS, SOURCE_EDGE_TYPES, edgeKey, type ChainEdge, type ChainNode, type DependencyGraph, type NodeDetails } from '../shared/chain.js';

export interface ModelNode {
  id: string;
  kind: string;
  name: string;
  nameFa: string;
  /** Hops from the first root; nodes added by "expand" get their distance through the expanded node. */
  depth: number;
  details: NodeDetails & { components?: { node: { id: string } }[] };
  /**
   * How imported the node is, 0..1: an item's direct import share (the server's), or 1 / 0 for a
   * foreign / home site. null: an item without any modelled source (an origin), drawn grey.
   */
  importShare: number | null;
}

export interface ModelEdge {
  key: string;
  edge: ChainEdge;
  /** Source edges: the edge's weight among the item's sources. Inputs: their valueShare. */
  weight: number | null;
  foreign: boolean;
}

/** A tier's nodes of one kind drawn as one node with their count, until it is clicked open. */
export interface NodeGroup {
  /** `group:<depth>:<KIND>` */
  id: string;
  kind: string;
  depth: number;
  members: string[];
}

/** Above this many nodes, the view groups each tier's nodes by kind (root and first ring stay single). */
export const GROUP_ABOVE = 60;
/** Fewer nodes of a kind in a tier than this stay single. */
export const GROUP_MIN = 3;

export interface CyElement {
  group: 'nodes' | 'edges';
  data: Record<string, string | number | boolean | null>;
  classes?: string;
}

export class GraphModel {
  readonly nodes = new Map<string, ModelNode>();
  readonly edges = new Map<string, ModelEdge>();
  truncated = false;

  constructor(
    readonly rootId: string,
    readonly homeCountry: string,
  ) {}

  /** Adds a walk's nodes and edges; returns the ids of nodes that were not there before. */
  merge(graph: DependencyGraph, depthOffset = 0): string[] {
    const added: string[] = [];
    this.truncated ||= graph.truncated;
    for (const n of graph.nodes) {
      const known = this.nodes.get(n.id);
      if (known) {
        known.depth = Math.min(known.depth, n.depth + depthOffset);
        continue;
      }
      this.nodes.set(n.id, this.toModelNode(n, depthOffset));
      added.push(n.id);
    }
    for (const e of graph.edges) {
      const key = edgeKey(e);
      if (!this.edges.has(key)) this.edges.set(key, { key, edge: e, weight: null, foreign: false });
    }
    this.weighEdges();
    return added;
  }

  private toModelNode(n: ChainNode, depthOffset: number): ModelNode {
    const details = n.node ?? {};
    let importShare: number | null = null;
    if (ITEM_KINDS.has(n.kind)) importShare = details.directImportShare ?? null;
    else if (SITE_KINDS.has(n.kind)) importShare = this.isForeign(details.country) ? 1 : 0;
    return { id: n.id, kind: n.kind, name: n.name, nameFa: n.nameFa, depth: n.depth + depthOffset, details, importShare };
  }

  /** A site without a country is in the home country. */
  private isForeign(country: string | null | undefined): boolean {
    return !!country && country.toUpperCase() !== this.homeCountry.toUpperCase();
  }

  /** Source-edge weights and origins, as the server gives them on the target item's `suppliers`. */
  private weighEdges(): void {
    for (const me of this.edges.values()) {
      const e = me.edge;
      if (SOURCE_EDGE_TYPES.has(e.type)) {
        const link = this.nodes.get(e.to)?.details.suppliers?.find((l) => l.node.id === e.from && l.edge.type === e.type);
        me.weight = link?.weight ?? null;
        me.foreign = link ? link.foreign === true : this.isForeign(e.originCountry ?? this.nodes.get(e.from)?.details.country);
      } else {
        me.weight = typeof e.valueShare === 'number' ? e.valueShare : null;
        me.foreign = false;
      }
    }
  }

  label(node: ModelNode, lang: 'en' | 'fa'): string {
    const name = (lang === 'fa' ? node.nameFa || node.name : node.name || node.nameFa) || node.id;
    // A group stands for many firms or sites: say how many, when known («×12»).
    return node.details.group && typeof node.details.memberCount === 'number' ? `${name} ×${node.details.memberCount.toLocaleString(lang === 'fa' ? 'fa-IR' : 'en')}` : name;
  }

  /**
   * The groups to draw: when the picture holds more than GROUP_ABOVE nodes, each tier (hops from
   * the root, 2 and beyond) gathers its nodes of one kind into one node, when there are at least
   * GROUP_MIN of them. Groups the reader opened (`open`) and nodes they pinned (expanded,
   * selected) stay single.
   */
  groups(open: ReadonlySet<string> = new Set(), pinned: ReadonlySet<string> = new Set()): NodeGroup[] {
    if (this.nodes.size <= GROUP_ABOVE) return [];
    const byKey = new Map<string, NodeGroup>();
    for (const n of this.nodes.values()) {
      if (n.id === this.rootId || n.depth <= 1 || pinned.has(n.id)) continue;
      const id = `group:${n.depth}:${n.kind}`;
      if (open.has(id)) continue;
      const g = byKey.get(id) ?? { id, kind: n.kind, depth: n.depth, members: [] };
      g.members.push(n.id);
      byKey.set(id, g);
    }
    return [...byKey.values()].filter((g) => g.members.length >= GROUP_MIN).sort((a, b) => a.depth - b.depth || a.kind.localeCompare(b.kind));
  }

  /**
   * Cytoscape elements: data.label, data.kind, data.share (null: unmodelled), data.width. With
   * groups, a group is one node (data.count, data.members) and edges to its members become one
   * edge per pair of drawn ends (data.count: how many edges it stands for).
   */
  elements(lang: 'en' | 'fa', colour: (share: number | null) => string, groups: readonly NodeGroup[] = [], groupLabel?: (g: NodeGroup) => string): CyElement[] {
    const groupOf = new Map<string, NodeGroup>();
    for (const g of groups) for (const m of g.members) groupOf.set(m, g);
    const nodes: CyElement[] = [...this.nodes.values()]
      .filter((n) => !groupOf.has(n.id))
      .map((n) => ({
        group: 'nodes',
        data: { id: n.id, label: this.label(n, lang), kind: n.kind, share: n.importShare, colour: colour(n.importShare), depth: n.depth },
        classes: [n.kind.toLowerCase(), n.id === this.rootId ? 'root' : '', n.details.group ? 'firm-group' : ''].filter(Boolean).join(' '),
      }));
    for (const g of groups) {
      const shares = g.members.map((m) => this.nodes.get(m)!.importShare).filter((x): x is number => x !== null);
      const share = shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null;
      nodes.push({
        group: 'nodes',
        data: { id: g.id, label: groupLabel ? groupLabel(g) : `${g.members.length} × ${g.kind}`, kind: g.kind, share, colour: colour(share), depth: g.depth, count: g.members.length, members: g.members.join(' ') },
        classes: `${g.kind.toLowerCase()} group`,
      });
    }
    const drawnEnd = (id: string) => groupOf.get(id)?.id ?? id;
    const edges: CyElement[] = [];
    const merged = new Map<string, CyElement>();
    for (const e of this.edges.values()) {
      if (!this.nodes.has(e.edge.from) || !this.nodes.has(e.edge.to)) continue;
      const source = drawnEnd(e.edge.from);
      const target = drawnEnd(e.edge.to);
      if (source === e.edge.from && target === e.edge.to) {
        edges.push({
          group: 'edges',
          data: { id: e.key, source, target, type: e.edge.type, weight: e.weight, width: edgeWidth(e.weight) },
          classes: [e.edge.type.toLowerCase(), e.foreign ? 'foreign' : ''].filter(Boolean).join(' '),
        });
        continue;
      }
      if (source === target) continue;
      const id = `grouped:${source}->${target}`;
      const known = merged.get(id);
      if (known) {
        known.data.count = Number(known.data.count) + 1;
        if (e.foreign) known.classes = 'grouped foreign';
        continue;
      }
      merged.set(id, { group: 'edges', data: { id, source, target, type: 'GROUPED', weight: null, width: 2, count: 1 }, classes: e.foreign ? 'grouped foreign' : 'grouped' });
    }
    for (const e of merged.values()) e.data.width = Math.min(9, 1.5 + 1.5 * Math.log2(Number(e.data.count)));
    return [...nodes, ...edges, ...merged.values()];
  }
}

/** 1.5 px for an edge without a share, up to 9 px for an edge that carries all of it. */
export function edgeWidth(weight: number | null): number {
  return weight === null ? 1.5 : Math.round((1.5 + 7.5 * Math.min(1, Math.max(0, weight))) * 10) / 10;
}

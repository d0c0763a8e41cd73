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

  /** Cytoscape elements: data.label, data.kind, data.share (null: unmodelled), data.width. */
  elements(lang: 'en' | 'fa', colour: (share: number | null) => string): CyElement[] {
    const nodes: CyElement[] = [...this.nodes.values()].map((n) => ({
      group: 'nodes',
      data: { id: n.id, label: this.label(n, lang), kind: n.kind, share: n.importShare, colour: colour(n.importShare), depth: n.depth },
      classes: [n.kind.toLowerCase(), n.id === this.rootId ? 'root' : '', n.details.group ? 'group' : ''].filter(Boolean).join(' '),
    }));
    const edges: CyElement[] = [...this.edges.values()]
      .filter((e) => this.nodes.has(e.edge.from) && this.nodes.has(e.edge.to))
      .map((e) => ({
        group: 'edges',
        data: { id: e.key, source: e.edge.from, target: e.edge.to, type: e.edge.type, weight: e.weight, width: edgeWidth(e.weight) },
        classes: [e.edge.type.toLowerCase(), e.foreign ? 'foreign' : ''].filter(Boolean).join(' '),
      }));
    return [...nodes, ...edges];
  }
}

/** 1.5 px for an edge without a share, up to 9 px for an edge that carries all of it. */
export function edgeWidth(weight: number | null): number {
  return weight === null ? 1.5 : Math.round((1.5 + 7.5 * Math.min(1, Math.max(0, weight))) * 10) / 10;
}

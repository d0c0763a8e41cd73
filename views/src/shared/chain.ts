// The shapes the views read from GraphQL (DependencyGraph nodes and edges, Link), as plain types.
// No DOM here: the pure modules that use them are also tested from Node.

export type NodeKind = 'MINE' | 'PRODUCT' | 'PLANT' | 'PART' | 'SUPPLIER' | 'PROJECT' | 'SOURCE' | 'ORGANIZATION';

export interface ChainEdge {
  type: string;
  from: string;
  to: string;
  share?: number | null;
  capacityTpy?: number | null;
  volumePerYear?: number | null;
  originCountry?: string | null;
  quantityPerUnit?: number | null;
  quantity?: number | null;
  valueShare?: number | null;
  output?: string | null;
}

/** The other end of a source edge, as `suppliers { node { … } }` gives it. */
export interface LinkNode {
  id: string;
  kind: NodeKind;
  name: string;
  nameFa: string;
  country?: string | null;
}

export interface SourceLink {
  /** Its weight among the item's sources (DOMAIN.md), from the server. */
  weight: number | null;
  /** The country the goods come from, and whether that is abroad. */
  origin: string | null;
  foreign: boolean | null;
  edge: ChainEdge;
  node: LinkNode;
}

/** Kind-specific fields, as the `node { … on Mine { … } }` fragments select them. */
export interface NodeDetails {
  /** The node stands for many firms or sites (a group); drawn stacked. */
  group?: boolean | null;
  memberCount?: number | null;
  country?: string | null;
  province?: string | null;
  commodity?: string | null;
  capacityTpy?: number | null;
  status?: string | null;
  projectStatus?: string | null;
  operator?: string | null;
  knowledgeBased?: boolean | null;
  owner?: string | null;
  progress?: number | null;
  stage?: string | null;
  unit?: string | null;
  unitValueUsd?: number | null;
  hsCode?: string | null;
  finalDemand?: number | null;
  /** Items only: m, the share supplied directly from abroad; null for an origin (nothing modelled). */
  directImportShare?: number | null;
  /** Items only: every source edge (EXTRACTS, PRODUCES, SUPPLIES) into the item. */
  suppliers?: SourceLink[];
}

export interface ChainNode {
  id: string;
  kind: NodeKind;
  name: string;
  nameFa: string;
  depth: number;
  node: NodeDetails;
}

export interface DependencyGraph {
  root: { id: string };
  truncated: boolean;
  /** Nodes lie beyond the walk's maxDepth: nodesBeyondDepth in all, nodesAtNextDepth of them one hop further. */
  depthLimited: boolean;
  nodesAtNextDepth: number;
  nodesBeyondDepth: number;
  nodes: ChainNode[];
  edges: ChainEdge[];
}

export const SOURCE_EDGE_TYPES: ReadonlySet<string> = new Set(['EXTRACTS', 'PRODUCES', 'SUPPLIES']);
export const ITEM_KINDS: ReadonlySet<string> = new Set(['PRODUCT', 'PART']);
export const SITE_KINDS: ReadonlySet<string> = new Set(['MINE', 'PLANT', 'SUPPLIER']);

export const edgeKey = (e: Pick<ChainEdge, 'type' | 'from' | 'to'>): string => `${e.type}|${e.from}|${e.to}`;

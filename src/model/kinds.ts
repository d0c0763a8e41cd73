// The allow-lists of DOMAIN.md: node kinds (Neo4j labels), edge types (relationship types) and
// which kinds each edge type may join. Every label or type that reaches Cypher comes from here.

export const NODE_KINDS = ['Mine', 'Product', 'Plant', 'Part', 'Supplier', 'Project', 'Source', 'Organization'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_TYPES = [
  'EXTRACTS',
  'PRODUCES',
  'SUPPLIES',
  'FEEDS',
  'COMPONENT_OF',
  'LOCALIZES',
  'CITES',
  'MENTIONS',
  'OPERATES',
  'OWNS',
  'IS',
  'RUNS',
  'MEMBER_OF',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/** Edges that carry material: the ones upstream/downstream walks follow. */
export const CHAIN_EDGE_TYPES = ['EXTRACTS', 'PRODUCES', 'SUPPLIES', 'FEEDS', 'COMPONENT_OF'] as const;
export type ChainEdgeType = (typeof CHAIN_EDGE_TYPES)[number];

/** The edges that make a node a supply source of an item. */
export const SOURCE_EDGE_TYPES = ['EXTRACTS', 'PRODUCES', 'SUPPLIES'] as const;
export type SourceEdgeType = (typeof SOURCE_EDGE_TYPES)[number];

/** Every node also carries this label; its uniqueness constraint keeps ids unique across kinds. */
export const ENTITY_LABEL = 'Entity';

export const ITEM_KINDS: readonly NodeKind[] = ['Product', 'Part'];
export const ALL_KINDS: readonly NodeKind[] = NODE_KINDS;
/** Sites: what an organisation operates. */
export const SITE_KINDS: readonly NodeKind[] = ['Mine', 'Plant'];
/** Kinds a node may stand for many of (`group: true`), and whose members may be nodes (MEMBER_OF). */
export const GROUP_KINDS: readonly NodeKind[] = ['Mine', 'Plant', 'Supplier', 'Organization'];

export const EDGE_ENDPOINTS: Record<EdgeType, { from: readonly NodeKind[]; to: readonly NodeKind[] }> = {
  EXTRACTS: { from: ['Mine'], to: ITEM_KINDS },
  PRODUCES: { from: ['Plant'], to: ITEM_KINDS },
  SUPPLIES: { from: ['Supplier'], to: ITEM_KINDS },
  FEEDS: { from: ITEM_KINDS, to: ['Plant'] },
  COMPONENT_OF: { from: ITEM_KINDS, to: ITEM_KINDS },
  LOCALIZES: { from: ['Project'], to: ITEM_KINDS },
  CITES: { from: ALL_KINDS, to: ['Source'] },
  MENTIONS: { from: ['Source'], to: ALL_KINDS },
  OPERATES: { from: ['Organization'], to: SITE_KINDS },
  OWNS: { from: ['Organization'], to: ['Organization', 'Mine', 'Plant'] },
  IS: { from: ['Supplier'], to: ['Organization'] },
  RUNS: { from: ['Organization'], to: ['Project'] },
  MEMBER_OF: { from: GROUP_KINDS, to: GROUP_KINDS },
};

/** Edges about who is who (companies, ownership, groups): never walked as material flow. */
export const ORGANIZATION_EDGE_TYPES = ['OPERATES', 'OWNS', 'IS', 'RUNS', 'MEMBER_OF'] as const;

/** What an Organization is (docs/domain.md, Organisations). */
export const ORGANIZATION_TYPES = ['COMPANY', 'STATE_HOLDING', 'ASSOCIATION', 'UNIVERSITY', 'GOVERNMENT', 'RESEARCH_INSTITUTE'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const STAGES = ['ORE', 'CONCENTRATE', 'INTERMEDIATE', 'SEMI_FINISHED', 'FINISHED', 'CONSUMABLE'] as const;
export type Stage = (typeof STAGES)[number];

export const PROJECT_STATUSES = ['PLANNED', 'ACTIVE', 'STALLED', 'DONE'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Status of a Mine or Plant. DOMAIN.md leaves it open; these are the states analysts use. */
export const SITE_STATUSES = ['OPERATING', 'CONSTRUCTION', 'PLANNED', 'IDLE', 'CLOSED'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

export function isEdgeType(value: unknown): value is EdgeType {
  return typeof value === 'string' && (EDGE_TYPES as readonly string[]).includes(value);
}

export function isItemKind(kind: NodeKind): boolean {
  return kind === 'Product' || kind === 'Part';
}

export function isChainEdgeType(type: EdgeType): type is ChainEdgeType {
  return (CHAIN_EDGE_TYPES as readonly string[]).includes(type);
}

export function isSourceEdgeType(type: EdgeType): type is SourceEdgeType {
  return (SOURCE_EDGE_TYPES as readonly string[]).includes(type);
}

/** Throws on a label or type not in the allow-list: the guard before any string reaches Cypher. */
export function assertNodeKind(value: string): NodeKind {
  if (!isNodeKind(value)) throw new Error(`not a node kind: ${JSON.stringify(value)}`);
  return value;
}

export function assertEdgeType(value: string): EdgeType {
  if (!isEdgeType(value)) throw new Error(`not an edge type: ${JSON.stringify(value)}`);
  return value;
}

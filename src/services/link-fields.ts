// The neighbour fields of the schema: which direction and edge types each one follows, and which
// fields of which node type they are. The loaders (src/services/loaders.ts) answer them; the
// look-ahead (src/services/held-links.ts) reads the table to see what a query will ask next.

import type { Direction } from '../db/chain-store.js';
import type { EdgeType } from '../model/kinds.js';

export interface LinkSpec {
  direction: Direction;
  types: readonly EdgeType[];
}

/** The neighbour fields of the schema, each one direction and set of edge types. */
export const LINK_SPECS = {
  /** Item ← Mine/Plant/Supplier: where the item comes from. */
  suppliers: { direction: 'in', types: ['EXTRACTS', 'PRODUCES', 'SUPPLIES'] },
  /** Item → Plant: plants that consume the item. */
  consumers: { direction: 'out', types: ['FEEDS'] },
  /** Item ← items: its bill of materials. */
  components: { direction: 'in', types: ['COMPONENT_OF'] },
  /** Item → items: the assemblies it goes into. */
  usedIn: { direction: 'out', types: ['COMPONENT_OF'] },
  /** Item ← Project. */
  localizedBy: { direction: 'in', types: ['LOCALIZES'] },
  /** Plant ← items it consumes. */
  inputs: { direction: 'in', types: ['FEEDS'] },
  /** Plant/Mine/Supplier → items it makes, yields or delivers. */
  outputs: { direction: 'out', types: ['PRODUCES', 'EXTRACTS', 'SUPPLIES'] },
  /** Project → items. */
  localizes: { direction: 'out', types: ['LOCALIZES'] },
  /** Any → Source. */
  citations: { direction: 'out', types: ['CITES'] },
  /** Source ← any. */
  citedBy: { direction: 'in', types: ['CITES'] },
  /** Source → any. */
  mentions: { direction: 'out', types: ['MENTIONS'] },
  /** Any ← Source. */
  mentionedIn: { direction: 'in', types: ['MENTIONS'] },
  /** Organization → Mine/Plant it operates. */
  operates: { direction: 'out', types: ['OPERATES'] },
  /** Mine/Plant ← Organization operating it. */
  operatedBy: { direction: 'in', types: ['OPERATES'] },
  /** Organization → what it holds (Organization/Mine/Plant). */
  owns: { direction: 'out', types: ['OWNS'] },
  /** Organization/Mine/Plant ← its owners. */
  ownedBy: { direction: 'in', types: ['OWNS'] },
  /** Organization ← Suppliers that are this firm. */
  supplierIdentities: { direction: 'in', types: ['IS'] },
  /** Supplier → the Organization it is. */
  organization: { direction: 'out', types: ['IS'] },
  /** Organization → Project. */
  runs: { direction: 'out', types: ['RUNS'] },
  /** Project ← Organization. */
  runBy: { direction: 'in', types: ['RUNS'] },
  /** A group ← its member nodes. */
  members: { direction: 'in', types: ['MEMBER_OF'] },
  /** A member → the groups it belongs to. */
  memberOf: { direction: 'out', types: ['MEMBER_OF'] },
} as const satisfies Record<string, LinkSpec>;

export type LinkLoaderName = keyof typeof LINK_SPECS;


/**
 * The fields of each node type that only need the node's id (every other field reads its record):
 * the neighbour fields, by the loader that answers them, and `null` for one answered otherwise
 * from ids (Organization.supplies goes through two loaders).
 */
export const ID_FIELDS: Record<string, Record<string, LinkLoaderName | null>> = (() => {
  const common = { id: null, __typename: null, kind: null, citations: 'citations', mentionedIn: 'mentionedIn', members: 'members', memberOf: 'memberOf' } as const;
  const item = { ...common, suppliers: 'suppliers', consumers: 'consumers', components: 'components', usedIn: 'usedIn', localizedBy: 'localizedBy' } as const;
  const site = { ...common, operatedBy: 'operatedBy', ownedBy: 'ownedBy' } as const;
  return {
    Product: item,
    Part: item,
    Plant: { ...site, inputs: 'inputs', outputs: 'outputs' },
    Mine: { ...site, outputs: 'outputs' },
    Supplier: { ...common, supplies: 'outputs', organization: 'organization' },
    Project: { ...common, localizes: 'localizes', runBy: 'runBy' },
    Organization: { ...common, operates: 'operates', owns: 'owns', ownedBy: 'ownedBy', supplierIdentities: 'supplierIdentities', supplies: null, runs: 'runs' },
    Source: { ...common, mentions: 'mentions', citedBy: 'citedBy' },
  };
})();

/** The names of neighbour fields the engine answers: a query naming one will read the engine's version. */
export function engineLinkFieldNames(held: ReadonlySet<LinkLoaderName>): Set<string> {
  const names = new Set<string>();
  for (const fields of Object.values(ID_FIELDS)) for (const [field, loader] of Object.entries(fields)) if (loader && held.has(loader)) names.add(field);
  return names;
}

// Per-request DataLoaders: every node or neighbour lookup made while resolving one request is
// batched into one UNWIND query per loader and tick, whatever the depth of the query: no N+1.

import DataLoader from 'dataloader';
import type { ChainStore, Direction, Link } from '../db/chain-store.js';
import type { EdgeType } from '../model/kinds.js';
import type { NodeRecord } from '../model/records.js';
import { CurrencyModel, type ImportBill } from '../analytics/currency.js';
import { itemSupplyOf, type ItemSupply } from '../analytics/supply-model.js';
import type { GraphSnapshot } from '../analytics/graph-snapshot.js';

interface LinkSpec {
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

export type Loaders = {
  node: DataLoader<string, NodeRecord | null>;
  /** An item's supply (its sources' weights and origins, m), read from the analytics engine. */
  supply: DataLoader<string, ItemSupply | null>;
  /** An item's foreign volume and import bill (DOMAIN.md, Foreign currency), from the analytics engine. */
  importBill: DataLoader<string, ImportBill | null>;
  /** The data sets that wrote a node. */
  datasets: DataLoader<string, string[]>;
} & Record<LinkLoaderName, DataLoader<string, Link[]>>;

/** `engine`: the request's analytics engine, current (read at most once per request). */
export function createLoaders(store: ChainStore, engine: () => Promise<GraphSnapshot>): Loaders {
  const links = Object.fromEntries(
    Object.entries(LINK_SPECS).map(([name, spec]) => [
      name,
      new DataLoader<string, Link[]>((ids) => store.links(ids, spec.direction, spec.types), { maxBatchSize: 5_000 }),
    ]),
  ) as Record<LinkLoaderName, DataLoader<string, Link[]>>;
  const node = new DataLoader<string, NodeRecord | null>((ids) => store.nodesByIds(ids), { maxBatchSize: 5_000 });
  // The one supply model answers these: no database round trip, and the same numbers every metric uses.
  let model: CurrencyModel | null = null;
  return {
    node,
    supply: new DataLoader<string, ItemSupply | null>(async (ids) => {
      const snap = await engine();
      return ids.map((id) => itemSupplyOf(snap, id));
    }),
    importBill: new DataLoader<string, ImportBill | null>(async (ids) => {
      const snap = await engine();
      if (model?.snap !== snap) model = new CurrencyModel(snap);
      const m = model;
      return ids.map((id) => (snap.has(id) && snap.isItem(snap.index.get(id)!) ? m.importBill(id) : null));
    }),
    datasets: new DataLoader<string, string[]>((ids) => store.datasetNames(ids), { maxBatchSize: 5_000 }),
    ...links,
  };
}

// Per-request DataLoaders: every node or neighbour lookup made while resolving one request is
// batched into one UNWIND query per loader and tick, whatever the depth of the query: no N+1.

import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { ChainStore, Link } from '../db/chain-store.js';
import type { NodeRecord } from '../model/records.js';
import { CurrencyModel, type ImportBill } from '../analytics/currency.js';
import { itemSupplyOf, type ItemSupply } from '../analytics/supply-model.js';
import type { GraphSnapshot } from '../analytics/graph-snapshot.js';
import { LINK_SPECS, type LinkLoaderName } from './link-fields.js';
import { HELD_LOADERS, HeldLinks, type HeldLink } from './held-links.js';

export { LINK_SPECS, type LinkLoaderName };

/** A neighbour: from the database, with the node's record; or from the engine, with the node's id and kind. */
export type LinkAnswer = Link | HeldLink;

/** The id of the node at the other end of a link, whichever way it was read. */
export function linkedId(link: LinkAnswer): string {
  return 'ref' in link ? link.ref.id : link.node.id;
}

export type Loaders = {
  node: DataLoader<string, NodeRecord | null>;
  /** An item's supply (its sources' weights and origins, m), read from the analytics engine. */
  supply: DataLoader<string, ItemSupply | null>;
  /** An item's foreign volume and import bill (DOMAIN.md, Foreign currency), from the analytics engine. */
  importBill: DataLoader<string, ImportBill | null>;
  /** The data sets that wrote a node. */
  datasets: DataLoader<string, string[]>;
  /** The node at the other end of a link, as the field `info` resolves needs it (src/services/held-links.ts). */
  linkedNode(link: LinkAnswer, info: GraphQLResolveInfo): NodeRecord | Promise<NodeRecord>;
  /** Starts the request's one version read now, beside the root's own reads, for a query that will read the engine. */
  warmEngine(): void;
} & Record<LinkLoaderName, DataLoader<string, LinkAnswer[]>>;

/** `engine`: the request's analytics engine, current (read at most once per request). */
export function createLoaders(store: ChainStore, engine: () => Promise<GraphSnapshot>): Loaders {
  const node = new DataLoader<string, NodeRecord | null>((ids) => store.nodesByIds(ids), { maxBatchSize: 5_000 });
  // The engine is current for the request (one version read), so the links it holds come from its
  // adjacency and the records from one batched node read; the others from the database.
  const held = new HeldLinks(engine, node);
  const links = Object.fromEntries(
    (Object.keys(LINK_SPECS) as LinkLoaderName[]).map((name) => {
      const spec = LINK_SPECS[name];
      const batch = HELD_LOADERS.has(name) ? (ids: readonly string[]) => held.batch(name, ids) : (ids: readonly string[]) => store.links(ids, spec.direction, spec.types);
      return [name, new DataLoader<string, LinkAnswer[]>(batch, { maxBatchSize: 5_000 })];
    }),
  ) as Record<LinkLoaderName, DataLoader<string, LinkAnswer[]>>;
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
    // A failed read fails again, and is reported, where a resolver awaits the engine.
    warmEngine: () => void engine().catch(() => undefined),
    linkedNode: (link, info) => ('ref' in link ? held.node(link, info) : link.node),
    ...links,
  };
}

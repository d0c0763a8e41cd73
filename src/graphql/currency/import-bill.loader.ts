// The per-request loader behind Product.importVolume and Part.importBillUsd: an item's import
// bill from its own neighbourhood (its sources, and the plants and assemblies its demand is
// counted on), built on the link loaders so a page of items costs one batched query per kind of
// edge and level, never one per item.

import DataLoader from 'dataloader';
import type { Link } from '../../db/chain-store.js';
import { CurrencyModel, type ImportBill } from '../../analytics/currency.js';
import { chainGraph } from '../../model/graph.js';
import { edgeKey, type EdgeRecord, type NodeRecord } from '../../model/records.js';

/** The loaders it builds on (structurally typed, so loaders.ts can include this one without a cycle). */
export interface ImportBillSources {
  node: DataLoader<string, NodeRecord | null>;
  suppliers: DataLoader<string, Link[]>;
  consumers: DataLoader<string, Link[]>;
  usedIn: DataLoader<string, Link[]>;
  outputs: DataLoader<string, Link[]>;
}

/** loadMany answers an Error in place of a failed key: a failed lookup fails the batch. */
function settled<T>(values: (T | Error)[]): T[] {
  return values.map((v) => {
    if (v instanceof Error) throw v;
    return v;
  });
}

export function createImportBillLoader(loaders: ImportBillSources, homeCountry: () => Promise<string>): DataLoader<string, ImportBill | null> {
  return new DataLoader<string, ImportBill | null>(
    async (ids) => {
      const [items, sources, consumers, usedIn, home] = await Promise.all([
        loaders.node.loadMany(ids).then(settled),
        loaders.suppliers.loadMany(ids).then(settled),
        loaders.consumers.loadMany(ids).then(settled),
        loaders.usedIn.loadMany(ids).then(settled),
        homeCountry(),
      ]);
      const plants = [...new Set(consumers.flat().map((l) => l.node.id))];
      const assemblies = [...new Set(usedIn.flat().map((l) => l.node.id))];
      const [plantOutputs, assemblySources] = await Promise.all([loaders.outputs.loadMany(plants).then(settled), loaders.suppliers.loadMany(assemblies).then(settled)]);
      const nodes = new Map<string, NodeRecord>();
      const edges = new Map<string, EdgeRecord>();
      const addLinks = (list: Link[]) => {
        for (const l of list) {
          if (!nodes.has(l.node.id)) nodes.set(l.node.id, l.node);
          edges.set(edgeKey(l.edge), l.edge);
        }
      };
      for (const item of items) if (item) nodes.set(item.id, item);
      [sources, consumers, usedIn, assemblySources].forEach((lists) => lists.forEach(addLinks));
      plantOutputs.forEach((list) => addLinks(list.filter((l) => l.edge.type === 'PRODUCES')));
      const model = new CurrencyModel(chainGraph(nodes.values(), edges.values(), home));
      return ids.map((id, i) => {
        const item = items[i];
        return item && model.supply.isItem(id) ? model.importBill(id) : null;
      });
    },
    { maxBatchSize: 5_000 },
  );
}

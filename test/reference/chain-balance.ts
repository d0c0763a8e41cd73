// The reference for chain balance, on records (test/reference/engine.test.ts holds the engine to it).
//
// Chain balance (DOMAIN.md): home capacity against demand for each item, so the gaps in a chain
// (ore → concentrate → pellet → DRI → steel) show at a glance. Missing figures count as 0 and are
// reported, never silently assumed.

import type { ChainGraph } from '../../src/model/graph.js';
import { SupplyModel } from './supply.js';

export interface BalanceRow {
  itemId: string;
  homeCapacity: number;
  imports: number;
  demand: number;
  balance: number;
  /** Figures the row needed and did not find (each counted as 0). */
  missing: string[];
}

export interface BalanceQuery {
  ids?: readonly string[] | null;
  stage?: string | null;
}

const STAGE_ORDER = ['ORE', 'CONCENTRATE', 'INTERMEDIATE', 'SEMI_FINISHED', 'CONSUMABLE', 'FINISHED'];

export function chainBalance(graph: ChainGraph, query: BalanceQuery = {}): BalanceRow[] {
  const model = new SupplyModel(graph);
  const items = selectItems(graph, query);
  const homeCapacity = new Map<string, { value: number; missing: string[] }>();
  const capacityOf = (itemId: string) => {
    let c = homeCapacity.get(itemId);
    if (!c) {
      c = homeCapacityOf(model, itemId);
      homeCapacity.set(itemId, c);
    }
    return c;
  };
  return items.map((itemId) => {
    const home = capacityOf(itemId);
    const missing = [...home.missing];
    let imports = 0;
    for (const e of model.index.incomingOf(itemId, 'SUPPLIES')) {
      if (model.originOf(e) === model.homeCountry) continue;
      if (typeof e.volumePerYear === 'number') imports += e.volumePerYear;
      else missing.push(`volumePerYear of ${e.from} → ${itemId}`);
    }
    let demand = 0;
    for (const feed of model.index.outgoingOf(itemId, 'FEEDS')) {
      const outputs = model.index.outgoingOf(feed.to, 'PRODUCES').filter((p) => feed.output === undefined || p.to === feed.output);
      const plantCapacity = outputs.reduce((sum, p) => {
        if (typeof p.capacityTpy === 'number') return sum + p.capacityTpy;
        missing.push(`capacityTpy of ${feed.to} → ${p.to}`);
        return sum;
      }, 0);
      if (typeof feed.quantityPerUnit === 'number') demand += feed.quantityPerUnit * plantCapacity;
      else missing.push(`quantityPerUnit of ${itemId} → ${feed.to}`);
    }
    for (const line of model.index.outgoingOf(itemId, 'COMPONENT_OF')) {
      const assembly = capacityOf(line.to);
      if (typeof line.quantity === 'number') demand += line.quantity * assembly.value;
      else missing.push(`quantity of ${itemId} in ${line.to}`);
    }
    const finalDemand = model.node(itemId)?.finalDemand;
    if (typeof finalDemand === 'number') demand += finalDemand;
    return { itemId, homeCapacity: home.value, imports, demand, balance: home.value - demand, missing };
  });
}

function homeCapacityOf(model: SupplyModel, itemId: string): { value: number; missing: string[] } {
  let value = 0;
  const missing: string[] = [];
  for (const e of model.index.incomingOf(itemId, 'EXTRACTS', 'PRODUCES', 'SUPPLIES')) {
    if (model.originOf(e) !== model.homeCountry) continue;
    const figure = e.type === 'SUPPLIES' ? e.volumePerYear : e.capacityTpy;
    if (typeof figure === 'number') value += figure;
    else missing.push(`${e.type === 'SUPPLIES' ? 'volumePerYear' : 'capacityTpy'} of ${e.from} → ${itemId}`);
  }
  return { value, missing };
}

function selectItems(graph: ChainGraph, query: BalanceQuery): string[] {
  if (query.ids && query.ids.length > 0) return query.ids.filter((id) => graph.nodes.has(id));
  const items = [...graph.nodes.values()].filter((n) => (n.kind === 'Product' || n.kind === 'Part') && (!query.stage || n.stage === query.stage));
  const rank = (stage: unknown) => {
    const i = STAGE_ORDER.indexOf(String(stage));
    return i < 0 ? STAGE_ORDER.length : i;
  };
  return items.sort((a, b) => rank(a.stage) - rank(b.stage) || a.name.localeCompare(b.name)).map((n) => n.id);
}

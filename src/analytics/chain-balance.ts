// Chain balance (DOMAIN.md): home capacity against demand for each item, so the gaps in a chain
// (ore → concentrate → pellet → DRI → steel) show at a glance. Missing figures count as 0 and are
// reported, never silently assumed. Read from the snapshot: a row costs the item's own edges and
// those of the plants and assemblies its demand is counted on, so the whole graph costs its edges.

import { TYPE, type GraphSnapshot } from './graph-snapshot.js';
import { STAGES } from '../model/kinds.js';

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
const collator = new Intl.Collator();

/** Σ home EXTRACTS/PRODUCES capacity and home SUPPLIES volume into item i; what was missing, when asked. */
export function homeCapacityOf(snap: GraphSnapshot, i: number, missing?: string[]): number {
  let value = 0;
  snap.forIn(i, (e) => {
    if (!snap.isSourceEdge(e) || snap.originOf(e) !== snap.homeCode) return;
    const figure = snap.eB[e]!;
    if (!Number.isNaN(figure)) value += figure;
    else missing?.push(`${snap.eType[e] === TYPE.SUPPLIES ? 'volumePerYear' : 'capacityTpy'} of ${snap.ids[snap.eFrom[e]!]} → ${snap.ids[i]}`);
  });
  return value;
}

/** Q_i: what the plants it feeds (at their capacity), the assemblies it goes into and final demand take. */
export function demandOf(snap: GraphSnapshot, i: number, missing?: string[]): number {
  let demand = 0;
  snap.forOut(i, (f) => {
    const t = snap.eType[f];
    if (t === TYPE.FEEDS) {
      const plant = snap.eTo[f]!;
      const output = snap.eRef[f]!;
      let capacity = 0;
      snap.forOut(plant, (p) => {
        if (snap.eType[p] !== TYPE.PRODUCES || (output !== -1 && output !== snap.eTo[p])) return;
        const c = snap.eB[p]!;
        if (!Number.isNaN(c)) capacity += c;
        else missing?.push(`capacityTpy of ${snap.ids[plant]} → ${snap.ids[snap.eTo[p]!]}`);
      });
      const q = snap.eB[f]!;
      if (!Number.isNaN(q)) demand += q * capacity;
      else missing?.push(`quantityPerUnit of ${snap.ids[i]} → ${snap.ids[plant]}`);
    } else if (t === TYPE.COMPONENT_OF) {
      // The assembly's own missing figures are listed on its row, not again on each component's.
      const assembly = homeCapacityOf(snap, snap.eTo[f]!);
      const q = snap.eB[f]!;
      if (!Number.isNaN(q)) demand += q * assembly;
      else missing?.push(`quantity of ${snap.ids[i]} in ${snap.ids[snap.eTo[f]!]}`);
    }
  });
  const finalDemand = snap.finalDemand[i]!;
  if (!Number.isNaN(finalDemand)) demand += finalDemand;
  return demand;
}

export function balanceRow(snap: GraphSnapshot, i: number): BalanceRow {
  const missing: string[] = [];
  const home = homeCapacityOf(snap, i, missing);
  let imports = 0;
  snap.forIn(i, (e) => {
    if (snap.eType[e] !== TYPE.SUPPLIES || snap.originOf(e) === snap.homeCode) return;
    const v = snap.eB[e]!;
    if (!Number.isNaN(v)) imports += v;
    else missing.push(`volumePerYear of ${snap.ids[snap.eFrom[e]!]} → ${snap.ids[i]}`);
  });
  const demand = demandOf(snap, i, missing);
  return { itemId: snap.ids[i]!, homeCapacity: home, imports, demand, balance: home - demand, missing };
}

export function chainBalance(snap: GraphSnapshot, query: BalanceQuery = {}): BalanceRow[] {
  return selectItems(snap, query).map((i) => balanceRow(snap, i));
}

function selectItems(snap: GraphSnapshot, query: BalanceQuery): number[] {
  if (query.ids && query.ids.length > 0) return query.ids.flatMap((id) => (snap.index.has(id) ? [snap.index.get(id)!] : []));
  const stage = query.stage ? STAGES.indexOf(query.stage as (typeof STAGES)[number]) : -2;
  const items: number[] = [];
  for (let v = 0; v < snap.nodeSlots; v += 1) {
    if (snap.isItem(v) && (stage === -2 || snap.stage[v] === stage)) items.push(v);
  }
  const rank = (v: number) => {
    const s = snap.stage[v]!;
    const i = s >= 0 ? STAGE_ORDER.indexOf(STAGES[s]!) : -1;
    return i < 0 ? STAGE_ORDER.length : i;
  };
  return items.sort((a, b) => rank(a) - rank(b) || collator.compare(snap.names[a]!, snap.names[b]!));
}

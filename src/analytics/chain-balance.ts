// Chain balance (DOMAIN.md): home capacity against demand for each item, so the gaps in a chain
// (ore → concentrate → pellet → DRI → steel) show at a glance. Missing figures count as 0 and are
// reported, never silently assumed. Read from the snapshot: a row costs the item's own edges and
// those of the plants and assemblies its demand is counted on, so the whole graph costs its edges.

import { TYPE, type GraphCore, type GraphSnapshot } from './graph-snapshot.js';
import { STAGES } from '../model/kinds.js';
import { CATEGORY_CODES, categoriesOfSector, type Sector } from '../model/categories.js';

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
  /** Only the items whose category is in this sector (src/model/categories.ts). */
  sector?: Sector | null;
}

const STAGE_ORDER = ['ORE', 'CONCENTRATE', 'INTERMEDIATE', 'SEMI_FINISHED', 'CONSUMABLE', 'FINISHED'];
const collator = new Intl.Collator();

/**
 * Σ home EXTRACTS/PRODUCES capacity and home SUPPLIES volume into item i; the edges whose figure
 * was missing go to `missing`, when asked. Typed in, typed out: runs in a worker.
 */
export function homeCapacityOf(core: GraphCore, i: number, missing?: number[]): number {
  let value = 0;
  core.forIn(i, (e) => {
    if (!core.isSourceEdge(e) || core.originOf(e) !== core.homeCode) return;
    const figure = core.eB[e]!;
    if (!Number.isNaN(figure)) value += figure;
    else missing?.push(e);
  });
  return value;
}

/** Q_i: what the plants it feeds (at their capacity), the assemblies it goes into and final demand take. */
export function demandOf(core: GraphCore, i: number, missing?: number[]): number {
  let demand = 0;
  core.forOut(i, (f) => {
    const t = core.eType[f];
    if (t === TYPE.FEEDS) {
      const plant = core.eTo[f]!;
      const output = core.eRef[f]!;
      let capacity = 0;
      core.forOut(plant, (p) => {
        if (core.eType[p] !== TYPE.PRODUCES || (output !== -1 && output !== core.eTo[p])) return;
        const c = core.eB[p]!;
        if (!Number.isNaN(c)) capacity += c;
        else missing?.push(p);
      });
      const q = core.eB[f]!;
      if (!Number.isNaN(q)) demand += q * capacity;
      else missing?.push(f);
    } else if (t === TYPE.COMPONENT_OF) {
      // The assembly's own missing figures are listed on its row, not again on each component's.
      const assembly = homeCapacityOf(core, core.eTo[f]!);
      const q = core.eB[f]!;
      if (!Number.isNaN(q)) demand += q * assembly;
      else missing?.push(f);
    }
  });
  const finalDemand = core.finalDemand[i]!;
  if (!Number.isNaN(finalDemand)) demand += finalDemand;
  return demand;
}

/** A row in slots: the figures, and the edges whose figure was missing (each counted as 0). */
export interface BalanceFigures {
  homeCapacity: number;
  imports: number;
  demand: number;
  missing: number[];
}

export function balanceFigures(core: GraphCore, i: number): BalanceFigures {
  const missing: number[] = [];
  const homeCapacity = homeCapacityOf(core, i, missing);
  let imports = 0;
  core.forIn(i, (e) => {
    if (core.eType[e] !== TYPE.SUPPLIES || core.originOf(e) === core.homeCode) return;
    const v = core.eB[e]!;
    if (!Number.isNaN(v)) imports += v;
    else missing.push(e);
  });
  const demand = demandOf(core, i, missing);
  return { homeCapacity, imports, demand, missing };
}

/** What an edge's missing figure is called: its type's second column (see graph-snapshot.ts), between its ends. */
export function missingFigure(snap: GraphSnapshot, e: number): string {
  const from = snap.ids[snap.eFrom[e]!]!;
  const to = snap.ids[snap.eTo[e]!]!;
  switch (snap.eType[e]) {
    case TYPE.SUPPLIES:
      return `volumePerYear of ${from} → ${to}`;
    case TYPE.FEEDS:
      return `quantityPerUnit of ${from} → ${to}`;
    case TYPE.COMPONENT_OF:
      return `quantity of ${from} in ${to}`;
    default:
      return `capacityTpy of ${from} → ${to}`;
  }
}

/** The row with ids and named figures, from its figures in slots. */
export function rowOf(snap: GraphSnapshot, i: number, f: BalanceFigures): BalanceRow {
  return { itemId: snap.ids[i]!, homeCapacity: f.homeCapacity, imports: f.imports, demand: f.demand, balance: f.homeCapacity - f.demand, missing: f.missing.map((e) => missingFigure(snap, e)) };
}

export function balanceRow(snap: GraphSnapshot, i: number): BalanceRow {
  return rowOf(snap, i, balanceFigures(snap, i));
}

export function chainBalance(snap: GraphSnapshot, query: BalanceQuery = {}): BalanceRow[] {
  return selectItems(snap, query).map((i) => balanceRow(snap, i));
}

/** Whether item v's category lies in the sector; every item when no sector is asked. */
export function sectorTest(sector: Sector | null | undefined): (snap: GraphSnapshot, v: number) => boolean {
  if (!sector) return () => true;
  const codes = new Set(categoriesOfSector(sector).map((c) => CATEGORY_CODES.indexOf(c)));
  return (snap, v) => codes.has(snap.category[v]!);
}

/** The items a query asks for, in the order the rows are shown (stage, then name). */
export function selectItems(snap: GraphSnapshot, query: BalanceQuery): number[] {
  if (query.ids && query.ids.length > 0) return query.ids.flatMap((id) => (snap.index.has(id) ? [snap.index.get(id)!] : []));
  const stage = query.stage ? STAGES.indexOf(query.stage as (typeof STAGES)[number]) : -2;
  const inSector = sectorTest(query.sector);
  const items: number[] = [];
  for (let v = 0; v < snap.nodeSlots; v += 1) {
    if (snap.isItem(v) && (stage === -2 || snap.stage[v] === stage) && inSector(snap, v)) items.push(v);
  }
  const rank = (v: number) => {
    const s = snap.stage[v]!;
    const i = s >= 0 ? STAGE_ORDER.indexOf(STAGES[s]!) : -1;
    return i < 0 ? STAGE_ORDER.length : i;
  };
  return items.sort((a, b) => rank(a) - rank(b) || collator.compare(snap.names[a]!, snap.names[b]!));
}

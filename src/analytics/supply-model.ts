// The supply model of DOMAIN.md ("Supply sources and shares"), once, on the snapshot's typed
// columns: every metric reads it and nothing else computes it.
//   - an item's sources are its EXTRACTS, PRODUCES and SUPPLIES edges, weighted by their shares
//     when every one has a share, else by capacity and volume when every one has one, else
//     equally; an item with no source but a bill of materials has one implicit home assembly
//     (w = 1); an item with neither is an origin;
//   - a source is foreign when its origin (originCountry, else the source's country, else home) is
//     not home; m_i is the summed weight of the foreign ones;
//   - a home source's recipe is the plant's FEEDS for that output (or for all), else the item's
//     bill of materials; a mine has none. Each line's value coefficient is its valueShare, else
//     quantity × unit value ratio, else 1/n, scaled to sum to 1 when they sum above it.
// What the model keeps (per source edge its weight and a foreign flag, per item m and a word of
// flags naming the fallbacks its weights took) depends only on the item's own incoming edges and
// their sources, so a change refreshes the few items it touched. Recipes and their coefficients
// depend on the item made as much as on the line (a FEEDS edge without `output` feeds every output
// of its plant, each at another unit value), so they are derived on demand by one function here.

import { EDGE_FOREIGN, KIND, TYPE, type GraphCore, type GraphSnapshot } from './graph-snapshot.js';

/** Per-item flags (GraphCore.supplyFlags). */
export const SUPPLY_ORIGIN = 1;
export const SUPPLY_ASSEMBLY = 2;
const EQUAL_WEIGHTS = 4;
const CAPACITY_WEIGHTS = 8;
const ZERO_CAPACITY = 16;
const SHARES_NORMALISED = 32;

const EPS = 1e-9;

export type AssumptionCode =
  | 'EQUAL_WEIGHTS'
  | 'CAPACITY_WEIGHTS'
  | 'ZERO_CAPACITY'
  | 'SHARES_NORMALISED'
  | 'IMPLICIT_ASSEMBLY'
  | 'ORIGIN'
  | 'QUANTITY_VALUE_COEFFICIENT'
  | 'EQUAL_COEFFICIENT'
  | 'SCALED_RECIPE';

export interface Assumption {
  code: AssumptionCode;
  /** The item (or, for recipes, the item made) the assumption is about. */
  nodeId: string;
  message: string;
}

/** Recomputes the supply of the given items (all of them when none are given). */
export function refreshSupply(core: GraphCore, items?: Iterable<number>): void {
  if (items) {
    for (const i of items) refreshItem(core, i);
    return;
  }
  for (let i = 0; i < core.nodeSlots; i += 1) refreshItem(core, i);
}

const scratch: number[] = [];

function refreshItem(core: GraphCore, i: number): void {
  if (!core.isItem(i)) {
    core.m[i] = 0;
    core.supplyFlags[i] = 0;
    return;
  }
  const sources = scratch;
  sources.length = 0;
  let hasBom = false;
  const s = core.inStart[i]!;
  const end = s + core.inLen[i]!;
  for (let k = s; k < end; k += 1) {
    const e = core.inPool[k]!;
    const t = core.eType[e]!;
    if (t === TYPE.EXTRACTS || t === TYPE.PRODUCES || t === TYPE.SUPPLIES) sources.push(e);
    else if (t === TYPE.COMPONENT_OF) hasBom = true;
  }
  if (sources.length === 0) {
    core.m[i] = 0;
    core.supplyFlags[i] = hasBom ? SUPPLY_ASSEMBLY : SUPPLY_ORIGIN;
    return;
  }
  let flags = 0;
  const n = sources.length;
  let weighted = false;
  if (n === 1) {
    core.eWeight[sources[0]!] = 1;
    weighted = true;
  }
  if (!weighted && sources.every((e) => !Number.isNaN(core.eA[e]!))) {
    let sum = 0;
    for (const e of sources) sum += core.eA[e]!;
    if (sum > EPS) {
      if (Math.abs(sum - 1) > 1e-6) flags |= SHARES_NORMALISED;
      for (const e of sources) core.eWeight[e] = core.eA[e]! / sum;
      weighted = true;
    }
  }
  if (!weighted && sources.every((e) => !Number.isNaN(core.eB[e]!))) {
    let sum = 0;
    for (const e of sources) sum += core.eB[e]!;
    if (sum > EPS) {
      flags |= CAPACITY_WEIGHTS;
      for (const e of sources) core.eWeight[e] = core.eB[e]! / sum;
    } else {
      flags |= ZERO_CAPACITY;
      for (const e of sources) core.eWeight[e] = 1 / n;
    }
    weighted = true;
  }
  if (!weighted) {
    flags |= EQUAL_WEIGHTS;
    for (const e of sources) core.eWeight[e] = 1 / n;
  }
  let m = 0;
  for (const e of sources) {
    const foreign = core.originOf(e) !== core.homeCode;
    core.eFlags[e] = foreign ? core.eFlags[e]! | EDGE_FOREIGN : core.eFlags[e]! & ~EDGE_FOREIGN;
    if (foreign) m += core.eWeight[e]!;
  }
  core.m[i] = m;
  core.supplyFlags[i] = flags;
}

export function isForeign(core: GraphCore, e: number): boolean {
  return (core.eFlags[e]! & EDGE_FOREIGN) !== 0;
}

/**
 * Calls `visit` for each source of item i: its edge (or -1 for the implicit home assembly), its
 * weight, whether it is foreign. Nothing for an origin.
 */
export function forEachSource(core: GraphCore, i: number, visit: (e: number, weight: number, foreign: boolean) => void): void {
  const flags = core.supplyFlags[i]!;
  if (flags & SUPPLY_ORIGIN) return;
  if (flags & SUPPLY_ASSEMBLY) {
    visit(-1, 1, false);
    return;
  }
  const s = core.inStart[i]!;
  const end = s + core.inLen[i]!;
  for (let k = s; k < end; k += 1) {
    const e = core.inPool[k]!;
    const t = core.eType[e]!;
    if (t === TYPE.EXTRACTS || t === TYPE.PRODUCES || t === TYPE.SUPPLIES) visit(e, core.eWeight[e]!, (core.eFlags[e]! & EDGE_FOREIGN) !== 0);
  }
}

/**
 * The recipe lines (FEEDS or COMPONENT_OF edges, their `from` the input item) of item i's home
 * source `e` (-1: the implicit assembly), appended to `out`. A mine, and a foreign source, have
 * none. Returns `out`.
 */
export function recipeLines(core: GraphCore, e: number, i: number, out: number[]): number[] {
  out.length = 0;
  if (e >= 0) {
    if ((core.eFlags[e]! & EDGE_FOREIGN) !== 0) return out;
    const p = core.eFrom[e]!;
    const kind = core.kind[p];
    if (kind === KIND.Mine) return out;
    if (kind === KIND.Plant) {
      const s = core.inStart[p]!;
      const end = s + core.inLen[p]!;
      for (let k = s; k < end; k += 1) {
        const f = core.inPool[k]!;
        if (core.eType[f] === TYPE.FEEDS && (core.eRef[f] === -1 || core.eRef[f] === i) && core.isItem(core.eFrom[f]!)) out.push(f);
      }
      if (out.length > 0) return out;
    }
  }
  const s = core.inStart[i]!;
  const end = s + core.inLen[i]!;
  for (let k = s; k < end; k += 1) {
    const c = core.inPool[k]!;
    if (core.eType[c] === TYPE.COMPONENT_OF && core.isItem(core.eFrom[c]!)) out.push(c);
  }
  return out;
}

/** Which fallback gave a line its coefficient (for assumptions). */
export const COEFFICIENT_GIVEN = 0;
export const COEFFICIENT_FROM_QUANTITY = 1;
export const COEFFICIENT_EQUAL = 2;

/**
 * The value coefficients a_j of recipe `lines` of item i, in `out` (same order); returns the sum
 * before scaling (above 1 means they were scaled to 1). `how`, when given, receives each line's
 * fallback.
 */
export function recipeCoefficients(core: GraphCore, i: number, lines: readonly number[], out: number[], how?: number[]): number {
  out.length = 0;
  if (how) how.length = 0;
  const itemValue = core.unitValue[i]!;
  const n = lines.length;
  let sum = 0;
  for (const l of lines) {
    let a: number;
    let kind = COEFFICIENT_GIVEN;
    const valueShare = core.eA[l]!;
    if (!Number.isNaN(valueShare)) a = valueShare;
    else {
      const quantity = core.eB[l]!;
      const inputValue = core.unitValue[core.eFrom[l]!]!;
      if (!Number.isNaN(quantity) && !Number.isNaN(inputValue) && !Number.isNaN(itemValue) && itemValue > 0) {
        a = (quantity * inputValue) / itemValue;
        kind = COEFFICIENT_FROM_QUANTITY;
      } else {
        a = 1 / n;
        kind = COEFFICIENT_EQUAL;
      }
    }
    out.push(a);
    how?.push(kind);
    sum += a;
  }
  if (sum > 1 + EPS) for (let k = 0; k < out.length; k += 1) out[k] = out[k]! / sum;
  return sum;
}

/**
 * The fallbacks the model took for the given items, with messages, in the order given: each
 * item's weights, then the recipes of its home sources. What a report lists under `assumptions`.
 */
export function assumptionsOf(snap: GraphSnapshot, items: Iterable<number>): Assumption[] {
  const out = new Map<string, Assumption>();
  const lines: number[] = [];
  const coefficients: number[] = [];
  const how: number[] = [];
  for (const i of items) {
    if (!snap.isItem(i)) continue;
    const id = snap.ids[i]!;
    const name = snap.names[i] ?? id;
    const add = (code: AssumptionCode, detail: string) => {
      const key = `${code}\u0000${id}\u0000${detail}`;
      if (!out.has(key)) out.set(key, { code, nodeId: id, message: `${name}: ${detail}` });
    };
    const flags = snap.supplyFlags[i]!;
    if (flags & SUPPLY_ORIGIN) {
      add('ORIGIN', 'no source and no bill of materials is modelled; counted as home-made');
      continue;
    }
    if (flags & SUPPLY_ASSEMBLY) add('IMPLICIT_ASSEMBLY', 'no supplier, plant or mine is modelled; its bill of materials is taken as assembled at home');
    const sources: number[] = [];
    forEachSource(snap, i, (e) => sources.push(e));
    if (flags & SHARES_NORMALISED) add('SHARES_NORMALISED', `source shares sum to ${round(sources.reduce((a, e) => a + snap.eA[e]!, 0))}; normalised to 1`);
    if (flags & CAPACITY_WEIGHTS) add('CAPACITY_WEIGHTS', 'not every source has a share; weighted by capacity and volume');
    if (flags & ZERO_CAPACITY) add('ZERO_CAPACITY', 'every source capacity is 0; weighted equally');
    if (flags & EQUAL_WEIGHTS) add('EQUAL_WEIGHTS', `neither shares nor capacities for all ${sources.length} sources; weighted equally`);
    for (const e of sources) {
      if (e >= 0 && isForeign(snap, e)) continue;
      recipeLines(snap, e, i, lines);
      if (lines.length === 0) continue;
      const sum = recipeCoefficients(snap, i, lines, coefficients, how);
      lines.forEach((l, k) => {
        const input = snap.ids[snap.eFrom[l]!]!;
        if (how[k] === COEFFICIENT_FROM_QUANTITY) add('QUANTITY_VALUE_COEFFICIENT', `value share of ${input} taken as quantity × unit value ratio`);
        else if (how[k] === COEFFICIENT_EQUAL) add('EQUAL_COEFFICIENT', `no value share, quantity or unit values for ${input}; taken as 1/${lines.length} of the value`);
      });
      if (sum > 1 + EPS) add('SCALED_RECIPE', `input value shares sum to ${round(sum)}; scaled to sum to 1`);
    }
  }
  return [...out.values()];
}

function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/** One item's supply as the link fields show it: m, whether it is an origin, and each source edge's weight and origin. */
export interface ItemSupply {
  origin: boolean;
  directImportShare: number;
  /** By `TYPE \u0000 from`: the source edge's weight, the country its goods come from, and whether that is abroad. */
  sources: Map<string, { weight: number; country: string; foreign: boolean }>;
}

export function itemSupplyOf(snap: GraphSnapshot, id: string): ItemSupply | null {
  const i = snap.index.get(id);
  if (i === undefined || !snap.isItem(i)) return null;
  const sources = new Map<string, { weight: number; country: string; foreign: boolean }>();
  forEachSource(snap, i, (e, weight, foreign) => {
    if (e >= 0) sources.set(`${snap.typeOf(e)}\u0000${snap.ids[snap.eFrom[e]!]}`, { weight, country: snap.countries[snap.originOf(e)] ?? snap.homeCountry, foreign });
  });
  // Source edges the supply model does not weigh (none today) still have an origin.
  snap.forIn(i, (e) => {
    const key = `${snap.typeOf(e)}\u0000${snap.ids[snap.eFrom[e]!]}`;
    if (snap.isSourceEdge(e) && !sources.has(key)) sources.set(key, { weight: NaN, country: snap.countries[snap.originOf(e)] ?? snap.homeCountry, foreign: isForeign(snap, e) });
  });
  return { origin: (snap.supplyFlags[i]! & SUPPLY_ORIGIN) !== 0, directImportShare: snap.m[i]!, sources };
}

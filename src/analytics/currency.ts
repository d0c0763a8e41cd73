// Foreign currency (DOMAIN.md, "Foreign currency: import bills and what localization saves"):
// the foreign volume and import bill of an item, what a localization project saves when it is
// finished (net of the imported inputs its home production needs), a greedy plan for a budget
// with marginal savings (so parallel work on one item shows up as REDUNDANT), and the import
// content of items after a plan. Pure: it reads the supply model on the snapshot, and only the
// projects asked about and their items' upstream. t and t′ come from the same sparse solve as
// importContent; nothing here is a second solver.

import { rankKey } from './rank.js';
import { compareIds, KIND, TYPE, type GraphSnapshot } from './graph-snapshot.js';
import type { EdgeRecord, NodeRecord } from '../model/records.js';
import { forEachSource, recipeCoefficients, recipeLines } from './supply-model.js';
import { balanceRow } from './chain-balance.js';
import { UnknownNodeError } from './errors.js';
import { buildSystem, solveImportContent, type SparseSystem } from './sparse-system.js';

export type CurrencyAssumptionCode =
  | 'IMPORT_VOLUME_FROM_DEMAND'
  | 'NO_UNIT_VALUE'
  | 'NO_HOME_RECIPE'
  | 'NO_PROJECT_CAPACITY'
  | 'NO_BUDGET'
  | 'NO_PROGRESS'
  | 'NO_IMPORT_VOLUME';

export interface CurrencyAssumption {
  code: CurrencyAssumptionCode;
  /** The item, or for NO_BUDGET / NO_PROGRESS / NO_PROJECT_CAPACITY the project, it is about. */
  nodeId: string;
  message: string;
}

export interface ForeignOrigin {
  country: string;
  /** Summed weight of the item's sources from this country (they sum to m over all countries). */
  weight: number;
  /** Units a year from this country: the edges' volumes, or weight × demand when V came from demand. */
  volume: number;
  /** volume × the item's unit value: the country's part of the bill (they sum to importBillUsd); null without a unit value. */
  billUsd: number | null;
}

export interface ImportBill {
  itemId: string;
  /** m: the share of the item supplied from abroad. */
  directImportShare: number;
  /** V: units a year bought abroad. */
  importVolume: number;
  /** True when V = m × Q because some foreign source edge has no volume (IMPORT_VOLUME_FROM_DEMAND). */
  volumeFromDemand: boolean;
  /**
   * False when the item is imported (m > 0) but V is unknown: a foreign source has no volume and
   * no demand is recorded to take one from (NO_IMPORT_VOLUME). V is then 0 by default, which is
   * not a measurement: savings on it are unknown, not zero.
   */
  volumeKnown: boolean;
  /** Q, the item's demand from Chain balance, when V was taken from it. */
  demand: number | null;
  unitValueUsd: number | null;
  /** V × v in USD a year; null without a unit value (NO_UNIT_VALUE). */
  importBillUsd: number | null;
  /** Largest weight first. */
  countries: ForeignOrigin[];
  assumptions: CurrencyAssumption[];
}

export interface ItemImpact {
  itemId: string;
  importVolume: number;
  unitValueUsd: number | null;
  /** C: the LOCALIZES edge's capacityTpy; null when absent (NO_PROJECT_CAPACITY: all imports). */
  capacity: number | null;
  /** x = min(C, V), or min(C, V − what earlier picks displaced) in a plan. */
  displacedVolume: number;
  /** h: import content of the home production that replaces the imports. */
  homeImportContent: number;
  /** Whether h came from the item's home recipes (else inputImportShare, else 0). */
  homeRecipe: boolean;
  inputImportShare: number | null;
  /** x·v, x·v·h, x·v·(1 − h); null without a unit value. */
  grossSavingUsd: number | null;
  inducedImportsUsd: number | null;
  netSavingUsd: number | null;
}

export interface ProjectImpact {
  projectId: string;
  items: ItemImpact[];
  /** Over the items with a unit value. */
  grossSavingUsd: number;
  inducedImportsUsd: number;
  netSavingUsd: number;
  /** False when some item with imports has no unit value or no known import volume, so the saving is a lower bound. */
  complete: boolean;
  /** False when no item with imports has a unit value: the project cannot be valued at all. */
  valued: boolean;
  /** budget × (1 − progress); null without a budget (NO_BUDGET). */
  remainingCostUsd: number | null;
  /** remaining cost / net saving; null without a budget or a positive saving. */
  paybackYears: number | null;
  assumptions: CurrencyAssumption[];
}

export const DEFAULT_PLAN_STATUSES = ['ACTIVE', 'STALLED', 'PLANNED'] as const;

export interface PlanOptions {
  budgetUsd: number;
  /** Candidate statuses; default ACTIVE, STALLED and PLANNED. */
  statuses?: readonly string[] | null;
  /** Only projects at least this far along (a project without progress counts as 0). */
  minProgress?: number | null;
}

export type SkipReason = 'REDUNDANT' | 'OVER_BUDGET' | 'NO_BUDGET' | 'NO_UNIT_VALUE' | 'NO_SAVING' | 'NO_IMPORT_VOLUME';

export interface PlanStep {
  projectId: string;
  /** The marginal net saving, given the projects picked before it. */
  netSavingUsd: number;
  /** What it would save alone. */
  standaloneNetSavingUsd: number;
  remainingCostUsd: number;
  /** Marginal net saving per remaining dollar; null for a project with nothing left to spend. */
  savingPerUsd: number | null;
  cumulativeCostUsd: number;
  cumulativeSavingUsd: number;
  items: ItemImpact[];
}

export interface PlanSkip {
  projectId: string;
  reason: SkipReason;
  standaloneNetSavingUsd: number | null;
  /** Given the whole plan's picks. */
  marginalNetSavingUsd: number | null;
  remainingCostUsd: number | null;
}

/** What a plan does to one item: what the items' import content after the plan needs. */
export interface PlanItemEffect {
  itemId: string;
  importVolume: number;
  displacedVolume: number;
  /** The picked projects' displaced volumes, with their LOCALIZES inputImportShare (absent: 0). */
  picks: { projectId: string; volume: number; inputImportShare: number }[];
}

export interface LocalizationPlan {
  budgetUsd: number;
  spentUsd: number;
  totalSavingUsd: number;
  steps: PlanStep[];
  skipped: PlanSkip[];
  /** Items whose imports the plan displaces. */
  effects: PlanItemEffect[];
  /** Projects that met the status and progress filters. */
  candidates: number;
  assumptions: CurrencyAssumption[];
}

export interface ContentAfter {
  itemId: string;
  /** t as the graph stands. */
  before: number;
  /** t′ after the plan. */
  after: number;
}

/** A marginal saving at or below this (USD a year) is none: it only absorbs rounding. */
const NOTHING = 1e-9;

export class CurrencyModel {
  private readonly bills = new Map<string, ImportBill>();
  private readonly recipes = new Map<string, Map<string, number> | null>();
  private solved: { system: SparseSystem; t: Float64Array } | null = null;
  /** The items the projects in scope localize: one solve covers all their upstreams (h of each). */
  private readonly scopeItems: number[] = [];

  /** `scope`: the projects a question is about (their items' t are solved together). */
  constructor(
    readonly snap: GraphSnapshot,
    scope: readonly string[] = [],
  ) {
    for (const id of scope) for (const e of this.localizesOf(id)) this.scopeItems.push(snap.index.get(e.to)!);
  }

  node(id: string): NodeRecord | undefined {
    const v = this.snap.index.get(id);
    return v === undefined ? undefined : this.snap.nodeRecord(v);
  }

  private item(itemId: string): number {
    const v = this.snap.index.get(itemId);
    if (v === undefined) throw new UnknownNodeError(itemId);
    return v;
  }

  /** V, v and V × v of an item (DOMAIN.md: foreign volume, import bill). */
  importBill(itemId: string): ImportBill {
    let bill = this.bills.get(itemId);
    if (!bill) {
      bill = this.computeBill(itemId);
      this.bills.set(itemId, bill);
    }
    return bill;
  }

  /**
   * The value-weighted home recipe of an item: for each input j, Σ w_e a_j / Σ w_e over its home
   * source edges e that have a recipe. Null when it has none (NO_HOME_RECIPE).
   */
  homeRecipe(itemId: string): Map<string, number> | null {
    if (this.recipes.has(itemId)) return this.recipes.get(itemId)!;
    const snap = this.snap;
    const i = this.item(itemId);
    let weight = 0;
    let count = 0;
    const perSource: { weight: number; lines: { itemId: string; coefficient: number }[] }[] = [];
    const lines: number[] = [];
    const coefficients: number[] = [];
    forEachSource(snap, i, (e, w, foreign) => {
      if (foreign) return;
      recipeLines(snap, e, i, lines);
      if (lines.length === 0) return;
      recipeCoefficients(snap, i, lines, coefficients);
      perSource.push({ weight: w, lines: lines.map((l, k) => ({ itemId: snap.ids[snap.eFrom[l]!]!, coefficient: coefficients[k]! })) });
      weight += w;
      count += 1;
    });
    let result: Map<string, number> | null = null;
    if (count > 0) {
      const recipe = new Map<string, number>();
      // Home sources with recipes but all of weight 0 (share 0): average them equally.
      for (const s of perSource) {
        const w = weight > 0 ? s.weight / weight : 1 / count;
        for (const l of s.lines) recipe.set(l.itemId, (recipe.get(l.itemId) ?? 0) + w * l.coefficient);
      }
      result = recipe;
    }
    this.recipes.set(itemId, result);
    return result;
  }

  /** h_k from the item's home recipes and t as the graph stands; null without a home recipe. */
  homeRecipeImportContent(itemId: string): number | null {
    const recipe = this.homeRecipe(itemId);
    if (!recipe) return null;
    let h = 0;
    for (const [j, a] of recipe) h += a * this.importContentOf(j);
    return Math.min(1, Math.max(0, h));
  }

  /** t_j as the graph stands, from one solve over the scope's items' upstream (grown when asked beyond it). */
  importContentOf(itemId: string): number {
    const v = this.item(itemId);
    if (!this.solved || !this.solved.system.indexOf.has(v)) {
      const roots = new Set<number>(this.scopeItems);
      if (this.solved) for (const u of this.solved.system.items) roots.add(u);
      roots.add(v);
      const system = buildSystem(this.snap, [...roots]);
      this.solved = { system, t: solveImportContent(system).values };
    }
    return this.solved.t[this.solved.system.indexOf.get(v)!]!;
  }

  /** The project's LOCALIZES edges to products and parts. */
  localizesOf(projectId: string): EdgeRecord[] {
    const p = this.snap.index.get(projectId);
    if (p === undefined) return [];
    const out: EdgeRecord[] = [];
    this.snap.forOut(p, (e) => {
      if (this.snap.eType[e] === TYPE.LOCALIZES && this.snap.isItem(this.snap.eTo[e]!)) out.push(this.snap.edgeRecord(e));
    });
    return out;
  }

  /** What a project saves when finished; `displaced` (per item) is what earlier picks displaced. */
  impact(projectId: string, displaced?: ReadonlyMap<string, number>): ProjectImpact {
    const project = this.node(projectId);
    if (!project) throw new UnknownNodeError(projectId);
    if (project.kind !== 'Project') throw new TypeError(`${projectId} is a ${project.kind}: savings are worked out for projects`);
    const assumptions: CurrencyAssumption[] = [];
    const items: ItemImpact[] = [];
    let gross = 0;
    let induced = 0;
    let net = 0;
    let unvalued = 0;
    let unknownVolume = 0;
    let withImports = 0;
    for (const edge of this.localizesOf(projectId).sort((a, b) => compareIds(a.to, b.to))) {
      const itemId = edge.to;
      const bill = this.importBill(itemId);
      assumptions.push(...bill.assumptions);
      const capacity = numeric(edge.capacityTpy);
      if (capacity === null) {
        assumptions.push(assume('NO_PROJECT_CAPACITY', projectId, this.nameOf(projectId), `no capacityTpy on its LOCALIZES edge to ${itemId}; taken to replace all of its imports`));
      }
      const left = Math.max(0, bill.importVolume - (displaced?.get(itemId) ?? 0));
      const x = capacity === null ? left : Math.min(capacity, left);
      const inputImportShare = numeric(edge.inputImportShare);
      const recipeH = this.homeRecipeImportContent(itemId);
      if (recipeH === null) {
        assumptions.push(
          assume('NO_HOME_RECIPE', itemId, this.nameOf(itemId), inputImportShare === null
            ? `no home recipe is modelled and ${projectId} gives no inputImportShare; its home production is taken to import nothing (h = 0)`
            : `no home recipe is modelled; h = ${projectId}'s inputImportShare ${inputImportShare}`),
        );
      }
      const h = recipeH ?? inputImportShare ?? 0;
      const v = bill.unitValueUsd;
      if (bill.importVolume > 0) withImports += 1;
      if (v === null && bill.importVolume > 0) unvalued += 1;
      if (!bill.volumeKnown) unknownVolume += 1;
      const item: ItemImpact = {
        itemId,
        importVolume: bill.importVolume,
        unitValueUsd: v,
        capacity,
        displacedVolume: x,
        homeImportContent: h,
        homeRecipe: recipeH !== null,
        inputImportShare,
        grossSavingUsd: v === null ? null : x * v,
        inducedImportsUsd: v === null ? null : x * v * h,
        netSavingUsd: v === null ? null : x * v * (1 - h),
      };
      gross += item.grossSavingUsd ?? 0;
      induced += item.inducedImportsUsd ?? 0;
      net += item.netSavingUsd ?? 0;
      items.push(item);
    }
    const remaining = this.remainingCost(project, assumptions);
    return {
      projectId,
      items,
      grossSavingUsd: gross,
      inducedImportsUsd: induced,
      netSavingUsd: net,
      complete: unvalued === 0 && unknownVolume === 0,
      valued: withImports === 0 || unvalued < withImports,
      remainingCostUsd: remaining,
      paybackYears: remaining === null || net <= NOTHING ? null : remaining / net,
      assumptions: dedupe(assumptions),
    };
  }

  private remainingCost(project: NodeRecord, assumptions: CurrencyAssumption[]): number | null {
    const budget = numeric(project.budget);
    if (budget === null) {
      assumptions.push(assume('NO_BUDGET', project.id, project.name, 'no budget: its remaining cost is unknown, so it cannot be ranked'));
      return null;
    }
    let progress = numeric(project.progress);
    if (progress === null) {
      assumptions.push(assume('NO_PROGRESS', project.id, project.name, 'no progress recorded; taken as 0 (the whole budget is still to be spent)'));
      progress = 0;
    }
    return budget * (1 - Math.min(1, Math.max(0, progress)));
  }

  private computeBill(itemId: string): ImportBill {
    const snap = this.snap;
    const i = this.item(itemId);
    const node = snap.nodeRecord(i);
    if (!snap.isItem(i)) throw new TypeError(`${itemId} is a ${node.kind}: import bills are for products and parts`);
    const foreign: { country: string; weight: number; volume: number }[] = [];
    forEachSource(snap, i, (e, weight, isForeign) => {
      if (isForeign) foreign.push({ country: snap.countries[snap.originOf(e)]!, weight, volume: snap.eB[e]! });
    });
    const assumptions: CurrencyAssumption[] = [];
    const m = snap.m[i]!;
    let volume: number;
    let demand: number | null = null;
    const byCountry = new Map<string, ForeignOrigin>();
    if (foreign.every((f) => !Number.isNaN(f.volume))) {
      volume = foreign.reduce((a, f) => a + f.volume, 0);
      for (const f of foreign) add(byCountry, f.country, f.weight, f.volume);
    } else {
      const q = balanceRow(snap, i);
      demand = q.demand;
      volume = m * q.demand;
      for (const f of foreign) add(byCountry, f.country, f.weight, f.weight * q.demand);
      const missing = q.missing.length ? ` (demand counts as 0 where figures are missing: ${q.missing.join('; ')})` : '';
      assumptions.push(assume('IMPORT_VOLUME_FROM_DEMAND', itemId, node.name, `not every foreign source has a volume; V = m × demand = ${fmt(m)} × ${fmt(q.demand)} = ${fmt(volume)}${missing}`));
    }
    const v = numeric(node.unitValueUsd);
    if (v === null) assumptions.push(assume('NO_UNIT_VALUE', itemId, node.name, 'no unitValueUsd: its import bill and any saving on it are unknown'));
    const volumeKnown = !(m > 0 && demand !== null && volume <= 0);
    if (!volumeKnown) {
      assumptions.push(assume('NO_IMPORT_VOLUME', itemId, node.name, `${fmt(m * 100)} % imported, but no foreign source has a volume and no demand is recorded to take one from: its import volume, bill and any saving on it are unknown (not 0)`));
    }
    for (const o of byCountry.values()) o.billUsd = v === null ? null : o.volume * v;
    return {
      itemId,
      directImportShare: m,
      importVolume: volume,
      volumeFromDemand: demand !== null,
      volumeKnown,
      demand,
      unitValueUsd: v,
      importBillUsd: v === null ? null : volume * v,
      countries: [...byCountry.values()].sort((a, b) => rankKey(b.weight) - rankKey(a.weight) || compareIds(a.country, b.country)),
      assumptions,
    };
  }

  private nameOf(id: string): string {
    return this.node(id)?.name ?? id;
  }
}

function add(byCountry: Map<string, ForeignOrigin>, country: string, weight: number, volume: number): void {
  const o = byCountry.get(country) ?? { country, weight: 0, volume: 0, billUsd: null };
  o.weight += weight;
  o.volume += volume;
  byCountry.set(country, o);
}

/** The items with a foreign source (of one stage, when given): those with an import bill. */
export function importedItems(snap: GraphSnapshot, stage?: number | null): string[] {
  const ids: string[] = [];
  for (let v = 0; v < snap.nodeSlots; v += 1) {
    if (!snap.isItem(v) || (stage !== null && stage !== undefined && snap.stage[v] !== stage)) continue;
    let foreign = false;
    forEachSource(snap, v, (_e, _w, f) => (foreign ||= f));
    if (foreign) ids.push(snap.ids[v]!);
  }
  return ids;
}

/** Import bills of the given items (default: every item with a foreign source), largest first; unknown bills last. */
export function importBills(snap: GraphSnapshot, itemIds?: readonly string[] | null): ImportBill[] {
  const model = new CurrencyModel(snap);
  const ids = itemIds ?? importedItems(snap);
  return ids
    .map((id) => model.importBill(id))
    .sort(
      (a, b) =>
        (b.importBillUsd ?? -1) - (a.importBillUsd ?? -1) || b.importVolume - a.importVolume || compareIds(a.itemId, b.itemId),
    );
}

/** What one project saves when it is finished, alone. */
export function localizationImpact(snap: GraphSnapshot, projectId: string): ProjectImpact {
  return new CurrencyModel(snap, [projectId]).impact(projectId);
}

interface Candidate {
  projectId: string;
  alone: ProjectImpact;
}

/**
 * The greedy plan of DOMAIN.md: repeatedly pick the candidate with the highest marginal net saving
 * per remaining dollar whose remaining cost fits in what is left (ties: larger saving, then id);
 * stop when nothing with a positive marginal saving fits; say why every other candidate was left.
 */
/** The projects that meet a plan's status and progress filters, in id order. */
export function planCandidates(snap: GraphSnapshot, options: Pick<PlanOptions, 'statuses' | 'minProgress'>): string[] {
  const statuses = new Set(options.statuses && options.statuses.length > 0 ? options.statuses : DEFAULT_PLAN_STATUSES);
  const minProgress = options.minProgress ?? 0;
  const ids: string[] = [];
  for (const [v, p] of snap.projects) {
    if (snap.kind[v] === KIND.Project && statuses.has(String(p.status)) && (p.progress ?? 0) >= minProgress) ids.push(snap.ids[v]!);
  }
  return ids.sort(compareIds);
}

export function localizationPlan(snap: GraphSnapshot, options: PlanOptions): LocalizationPlan {
  const budget = options.budgetUsd;
  if (!(Number.isFinite(budget) && budget >= 0)) throw new RangeError(`budgetUsd must be a finite number ≥ 0; got ${budget}`);
  const ids = planCandidates(snap, options);
  const model = new CurrencyModel(snap, ids);
  const candidates: Candidate[] = ids.map((id) => ({ projectId: id, alone: model.impact(id) }));
  const skipped: PlanSkip[] = [];
  const pool: Candidate[] = [];
  for (const c of candidates) {
    if (c.alone.remainingCostUsd === null) skipped.push(skip(c, 'NO_BUDGET', null));
    else if (!c.alone.valued) skipped.push(skip(c, 'NO_UNIT_VALUE', null));
    else pool.push(c);
  }
  const displaced = new Map<string, number>();
  const picks = new Map<string, PlanItemEffect['picks']>();
  const steps: PlanStep[] = [];
  const picked = new Set<string>();
  let spent = 0;
  let saved = 0;
  // A candidate's marginal saving changes only when a pick displaces imports of one of its items:
  // keep it until then, so a round costs the candidates the last pick touched, not all of them.
  const marginals = new Map<string, ProjectImpact>();
  const byItem = new Map<string, string[]>();
  for (const c of pool) {
    for (const i of c.alone.items) {
      const projects = byItem.get(i.itemId);
      if (projects) projects.push(c.projectId);
      else byItem.set(i.itemId, [c.projectId]);
    }
  }
  const marginalOf = (projectId: string): ProjectImpact => {
    let m = marginals.get(projectId);
    if (!m) {
      m = model.impact(projectId, displaced);
      marginals.set(projectId, m);
    }
    return m;
  };
  for (;;) {
    let best: { c: Candidate; marginal: ProjectImpact; ratio: number } | null = null;
    for (const c of pool) {
      if (picked.has(c.projectId)) continue;
      const cost = c.alone.remainingCostUsd!;
      if (spent + cost > budget) continue;
      const marginal = marginalOf(c.projectId);
      if (marginal.netSavingUsd <= NOTHING) continue;
      const ratio = cost === 0 ? Infinity : marginal.netSavingUsd / cost;
      if (
        !best ||
        ratio > best.ratio ||
        (ratio === best.ratio && (marginal.netSavingUsd > best.marginal.netSavingUsd || (marginal.netSavingUsd === best.marginal.netSavingUsd && c.projectId < best.c.projectId)))
      ) {
        best = { c, marginal, ratio };
      }
    }
    if (!best) break;
    const cost = best.c.alone.remainingCostUsd!;
    picked.add(best.c.projectId);
    spent += cost;
    saved += best.marginal.netSavingUsd;
    for (const item of best.marginal.items) {
      if (item.displacedVolume <= 0) continue;
      displaced.set(item.itemId, (displaced.get(item.itemId) ?? 0) + item.displacedVolume);
      for (const other of byItem.get(item.itemId) ?? []) marginals.delete(other);
      const list = picks.get(item.itemId) ?? [];
      list.push({ projectId: best.c.projectId, volume: item.displacedVolume, inputImportShare: item.inputImportShare ?? 0 });
      picks.set(item.itemId, list);
    }
    steps.push({
      projectId: best.c.projectId,
      netSavingUsd: best.marginal.netSavingUsd,
      standaloneNetSavingUsd: best.c.alone.netSavingUsd,
      remainingCostUsd: cost,
      savingPerUsd: cost === 0 ? null : best.ratio,
      cumulativeCostUsd: spent,
      cumulativeSavingUsd: saved,
      items: best.marginal.items,
    });
  }
  for (const c of pool) {
    if (picked.has(c.projectId)) continue;
    const marginal = marginalOf(c.projectId);
    const reason: SkipReason =
      c.alone.netSavingUsd > NOTHING ? (marginal.netSavingUsd <= NOTHING ? 'REDUNDANT' : 'OVER_BUDGET') : c.alone.items.some((i) => !model.importBill(i.itemId).volumeKnown) ? 'NO_IMPORT_VOLUME' : 'NO_SAVING';
    skipped.push(skip(c, reason, marginal.netSavingUsd));
  }
  skipped.sort((a, b) => compareIds(a.projectId, b.projectId));
  const assumptions = dedupe(candidates.flatMap((c) => c.alone.assumptions));
  return {
    budgetUsd: budget,
    spentUsd: spent,
    totalSavingUsd: saved,
    steps,
    skipped,
    effects: [...displaced]
      .map(([itemId, volume]) => ({ itemId, importVolume: model.importBill(itemId).importVolume, displacedVolume: volume, picks: picks.get(itemId)! }))
      .sort((a, b) => compareIds(a.itemId, b.itemId)),
    candidates: candidates.length,
    assumptions,
  };
}

function skip(c: Candidate, reason: SkipReason, marginal: number | null): PlanSkip {
  return {
    projectId: c.projectId,
    reason,
    standaloneNetSavingUsd: c.alone.valued ? c.alone.netSavingUsd : null,
    marginalNetSavingUsd: marginal,
    remainingCostUsd: c.alone.remainingCostUsd,
  };
}

/**
 * t and t′ of the given items (DOMAIN.md, import content after a plan): the plan's effects change
 * m and B of the items they displace; an effect on an item outside the items' upstream changes
 * nothing here.
 */
export function importContentAfter(snap: GraphSnapshot, effects: readonly PlanItemEffect[], ids: readonly string[]): ContentAfter[] {
  const model = new CurrencyModel(snap);
  const slots = ids.map((id) => {
    const v = snap.index.get(id);
    if (v === undefined) throw new UnknownNodeError(id);
    if (!snap.isItem(v)) throw new TypeError(`${id} is a ${snap.kindOf(v)}: import content is measured for products and parts`);
    return v;
  });
  if (ids.length === 0) return [];
  const system = buildSystem(snap, slots);
  const before = solveImportContent(system).values;
  const direct = Float64Array.from(system.direct);
  const rows = system.rows.map((r) => ({ cols: [...r.cols], vals: [...r.vals] }));
  for (const effect of effects) {
    const i = system.indexOf.get(snap.index.get(effect.itemId) ?? -1);
    if (i === undefined || effect.importVolume <= 0 || effect.displacedVolume <= 0) continue;
    const m = system.direct[i]!;
    const rho = Math.min(1, Math.max(0, (effect.importVolume - effect.displacedVolume) / effect.importVolume));
    const recipe = model.homeRecipe(effect.itemId);
    if (recipe) {
      // The displaced share (1 − ρ)·m becomes home supply with the item's home recipe.
      direct[i] = rho * m;
      const row = rows[i]!;
      for (const [j, a] of recipe) {
        const col = system.indexOf.get(snap.index.get(j)!)!;
        const at = row.cols.indexOf(col);
        if (at >= 0) row.vals[at] = row.vals[at]! + (1 - rho) * m * a;
        else {
          row.cols.push(col);
          row.vals.push((1 - rho) * m * a);
        }
      }
    } else {
      // No home recipe: each pick's share (x/V)·m imports its inputImportShare of itself.
      direct[i] = rho * m + effect.picks.reduce((sum, p) => sum + (Math.min(p.volume, effect.importVolume) / effect.importVolume) * m * p.inputImportShare, 0);
    }
  }
  const after = solveImportContent({ items: system.items, indexOf: system.indexOf, direct, rows }).values;
  return ids.map((id, k) => {
    const i = system.indexOf.get(slots[k]!)!;
    return { itemId: id, before: before[i]!, after: after[i]! };
  });
}

function numeric(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function assume(code: CurrencyAssumptionCode, nodeId: string, name: string, detail: string): CurrencyAssumption {
  return { code, nodeId, message: `${name}: ${detail}` };
}

function dedupe(list: CurrencyAssumption[]): CurrencyAssumption[] {
  const seen = new Map<string, CurrencyAssumption>();
  for (const a of list) seen.set(`${a.code}\u0000${a.nodeId}\u0000${a.message}`, a);
  return [...seen.values()];
}

function fmt(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

// Runs the localization metrics for every door (GraphQL, the CLI, the CSV reports). Every
// metric reads the one analytics engine (src/engine/snapshot-cache.ts): current with the
// database's graph version on every request, kept so by the change feed, so a write is never
// hidden by a stale answer, and each answer says which version it used. The solvers are the pure
// ones in src/analytics; the node records an answer names are read in one batched query. Answers
// say how old their figures are (`figures`).

import { scenarioNamesProblem } from '../model/scenario-checks.js';
import {
  importReliantLinks,
  parallelWork,
  valueFlows,
  DEFAULT_MIN_SHARE,
  type SolveOptions,
  type DisruptionScenario,
  type FlowDetail,
} from '../analytics/index.js';
import { solveChainBalance, solveChokepoints, solveDisruption, solveImportContent } from '../engine/solves.js';
import { sanctionedSources } from '../analytics/sanctions.js';
import { lossesInUnits } from '../analytics/loss-volumes.js';
import { BadUserInputError } from '../errors/index.js';
import { isItemKind, STAGES, type NodeKind } from '../model/kinds.js';
import { SECTOR_CODES, type Sector } from '../model/categories.js';
import type { NodeRecord } from '../model/records.js';
import { loadNodes, type ServiceDeps } from './deps.js';
import type { GraphSnapshot } from '../analytics/graph-snapshot.js';

export type { ServiceDeps };

/** Solve options that stop one-solve-per-candidate work when the request's time is up. */
export function solveOptions(deps: { budget?: { check(): void } }): SolveOptions {
  const budget = deps.budget;
  return budget ? { checkpoint: () => budget.check() } : {};
}

/** A disruption scenario as the doors take it: DOMAIN.md's, plus every sanctioned source. */
export interface ScenarioInput extends DisruptionScenario {
  /** Remove every sanctioned source (docs/domain.md, Sanctions). */
  sanctioned?: boolean | null;
  /** With sanctioned: only listings under these regimes (US-OFAC, EU, …). */
  sanctionRegimes?: readonly string[] | null;
}

/** The engine, current, with the item the question is about checked: NOT_FOUND when unknown, BAD_USER_INPUT when not an item. */
export async function engineFor(deps: ServiceDeps, id?: string): Promise<GraphSnapshot> {
  const snap = await deps.snapshots.current();
  if (id === undefined) return snap;
  if (!snap.has(id)) throw await deps.store.unknownIdError([id]);
  const kind = snap.kindOf(snap.index.get(id)!);
  if (kind !== 'Product' && kind !== 'Part') throw new BadUserInputError(`${id} is a ${kind}; this report is for products and parts.`, 'id');
  return snap;
}

/** The full records of the nodes an answer names, read in one batch (through the request's loader when there is one). */
export async function recordsOf(deps: ServiceDeps, ids: Iterable<string>): Promise<(id: string) => NodeRecord> {
  const wanted = [...new Set(ids)];
  const records = await loadNodes(deps, wanted);
  const byId = new Map<string, NodeRecord>();
  wanted.forEach((id, i) => {
    const r = records[i];
    if (r && !(r instanceof Error)) byId.set(id, r);
  });
  return (id) => byId.get(id) ?? ({ id, kind: 'Product', name: id } as NodeRecord);
}

function fraction(value: number | null | undefined, name: string, fallback: number): number {
  const v = value ?? fallback;
  if (!(v >= 0 && v <= 1)) throw new BadUserInputError(`${name} must be between 0 and 1; got ${v}.`, name);
  return v;
}

/** How old the figures of an item's upstream are. */
function datesOf(snap: GraphSnapshot, id: string) {
  return snap.figureDates(snap.upstreamOf(snap.index.get(id)!).map((v) => snap.ids[v]!));
}

export async function importContentReport(deps: ServiceDeps, id: string) {
  const snap = await engineFor(deps, id);
  const r = await solveImportContent(deps, snap, id);
  const figures = datesOf(snap, id);
  const node = await recordsOf(deps, [id, ...r.contributions.map((c) => c.itemId), ...r.unmodeled]);
  return {
    ...r,
    graphVersion: snap.version,
    item: node(id),
    contributions: r.contributions.map((c) => ({ item: node(c.itemId), share: c.share })),
    unmodeled: r.unmodeled.map(node),
    figures,
  };
}

export async function importReliantLinksReport(deps: ServiceDeps, id: string, threshold?: number | null) {
  const snap = await engineFor(deps, id);
  const version = snap.version;
  const links = importReliantLinks(snap, id, fraction(threshold, 'threshold', 0.5));
  const node = await recordsOf(deps, links.flatMap((l) => [l.itemId, ...l.foreignSuppliers.map((s) => s.supplierId), ...l.path]));
  return links.map((l) => ({
    ...l,
    graphVersion: version,
    item: node(l.itemId),
    foreignSuppliers: l.foreignSuppliers.map((s) => ({ supplier: node(s.supplierId), country: s.country, weight: s.weight })),
    path: l.path.map(node),
  }));
}

/** Regime names in a request: short labels, a handful. */
const MAX_REGIMES = 20;

export async function disruptionReport(deps: ServiceDeps, scenario: ScenarioInput) {
  const empty = !scenario.allImports && !scenario.sanctioned && !(scenario.nodeIds?.length) && !(scenario.countries?.length);
  if (empty) throw new BadUserInputError('Name something to remove: nodeIds, countries, allImports: true or sanctioned: true.', 'scenario');
  for (const c of scenario.countries ?? []) {
    if (!/^[A-Z]{2}$/.test(c)) throw new BadUserInputError(`countries must be ISO alpha-2 codes in capitals, like CN; got ${JSON.stringify(c)}.`, 'scenario.countries');
  }
  const regimes = scenario.sanctionRegimes ?? null;
  if (regimes && !scenario.sanctioned) throw new BadUserInputError('sanctionRegimes only applies with sanctioned: true.', 'scenario.sanctionRegimes');
  if (regimes && (regimes.length > MAX_REGIMES || regimes.some((r) => typeof r !== 'string' || r.trim() === '' || r.length > 100))) {
    throw new BadUserInputError(`sanctionRegimes takes up to ${MAX_REGIMES} names of 1 to 100 characters, like US-OFAC or EU.`, 'scenario.sanctionRegimes');
  }
  const snap = await deps.snapshots.current();
  const namesProblem = scenarioNamesProblem(scenario.countries ?? [], regimes ?? [], snap.ownershipGraph().nodes.values());
  if (namesProblem) throw new BadUserInputError(namesProblem.message, namesProblem.field);
  const unknown = (scenario.nodeIds ?? []).filter((id) => !snap.has(id));
  if (unknown.length > 0) throw await deps.store.unknownIdError(unknown);
  const sanctioned = scenario.sanctioned ? sanctionedRemovals(snap, regimes) : [];
  const removal: DisruptionScenario = {
    nodeIds: [...(scenario.nodeIds ?? []), ...sanctioned.map((s) => s.nodeId)],
    countries: scenario.countries,
    allImports: scenario.allImports,
  };
  const r = await solveDisruption(deps, snap, removal);
  const version = r.graphVersion;
  // Plain data: thousands of items may lose supply and a country's every supplier be removed,
  // so the door reads the records it shows (GraphQL only those a query selects).
  return {
    losses: lossesInUnits(snap, r.losses),
    finishedGoodsHit: lossesInUnits(snap, r.finishedGoodsHit),
    removedSourceIds: r.removedSources,
    removedGroupIds: r.removedGroups,
    sanctioned: sanctioned,
    converged: r.converged,
    graphVersion: version,
    figures: snap.figureDates(),
  };
}

export type DisruptionAnswer = Awaited<ReturnType<typeof disruptionReport>>;

/** Every id a disruption answer names, for a door that shows them all (tables: the CLI, the CSV reports). */
export function disruptionIds(r: DisruptionAnswer): string[] {
  return [...r.losses.map((l) => l.itemId), ...r.removedSourceIds, ...r.sanctioned.map((s) => s.nodeId)];
}

/** The sources a sanctions scenario removes, with why (src/analytics/sanctions.ts). */
function sanctionedRemovals(snap: GraphSnapshot, regimes: readonly string[] | null) {
  const ownership = snap.ownershipGraph();
  const sources = [...ownership.nodes.values()].filter((n) => n.kind !== 'Organization');
  const s = sanctionedSources(sources, ownership, regimes);
  return s.nodeIds.map((nodeId) => ({ nodeId, reason: s.reasons.get(nodeId)! }));
}

export async function chokepointsReport(deps: ServiceDeps, id: string, minImpact?: number | null, kinds?: readonly NodeKind[] | null) {
  const snap = await engineFor(deps, id);
  const version = snap.version;
  const found = (await solveChokepoints(deps, snap, id, fraction(minImpact, 'minImpact', 1))).filter((c) => !kinds || kinds.length === 0 || kinds.includes(snap.kindOf(snap.index.get(c.nodeId)!)));
  const node = await recordsOf(deps, found.map((c) => c.nodeId));
  return found.map((c) => ({ node: node(c.nodeId), impact: c.impact, group: node(c.nodeId).group === true, memberCount: node(c.nodeId).memberCount ?? null, graphVersion: version }));
}

/** A sector as the CLI and CSV reports spell it (any case); GraphQL's enum is already one. */
export function checkSector(sector: string | null | undefined): Sector | null {
  if (sector === null || sector === undefined || sector === '') return null;
  const code = sector.toUpperCase();
  if (!(SECTOR_CODES as readonly string[]).includes(code)) throw new BadUserInputError(`sector must be one of ${SECTOR_CODES.join(', ')}; got ${JSON.stringify(sector)}.`, 'sector');
  return code as Sector;
}

export async function chainBalanceReport(deps: ServiceDeps, ids?: string[] | null, stage?: string | null, sector?: string | null) {
  // GraphQL's enum cannot be wrong; the CLI's and the CSV report's text can.
  if (stage && !(STAGES as readonly string[]).includes(stage)) throw new BadUserInputError(`stage must be one of ${STAGES.join(', ')}; got ${JSON.stringify(stage)}.`, 'stage');
  const inSector = checkSector(sector);
  const snap = await deps.snapshots.current();
  const unknown = (ids ?? []).filter((id) => !snap.has(id));
  if (unknown.length > 0) throw await deps.store.unknownIdError(unknown);
  const notItems = (ids ?? []).filter((id) => !isItemKind(snap.kindOf(snap.index.get(id)!)));
  if (notItems.length > 0) {
    const what = notItems.map((id) => `${id} is a ${snap.kindOf(snap.index.get(id)!)}`).join('; ');
    throw new BadUserInputError(`chainBalance weighs capacity against demand for products and parts only: ${what}.`, 'ids');
  }
  const rows = await solveChainBalance(deps, snap, { ids, stage, sector: inSector });
  const node = await recordsOf(deps, rows.map((r) => r.itemId));
  return rows.map((r) => ({ ...r, item: node(r.itemId) }));
}

export async function parallelWorkReport(deps: ServiceDeps) {
  const snap = await deps.snapshots.current();
  const found = parallelWork(snap);
  const node = await recordsOf(deps, found.flatMap((p) => [p.itemId, ...p.projects.map((x) => x.projectId)]));
  return found.map((p) => ({
    item: node(p.itemId),
    ownerCount: p.owners.length,
    projects: p.projects.map((x) => ({ project: node(x.projectId), owner: x.owner, progress: x.progress, status: x.status })),
  }));
}

/** Labels for the Sankey's synthetic nodes, in both languages like every node. */
const SYNTHETIC_NAMES = {
  OTHER_IMPORTS: { name: 'Other imports', nameFa: 'سایر واردات' },
  OTHER_HOME: { name: 'Other, made at home', nameFa: 'سایر، ساخت داخل' },
  VALUE_ADDED: { name: 'Value added in making it', nameFa: 'ارزش افزوده در ساخت آن' },
} as const;

export async function valueFlowsReport(deps: ServiceDeps, id: string, minShare?: number | null, detail?: FlowDetail | null) {
  const snap = await engineFor(deps, id);
  const version = snap.version;
  const figures = datesOf(snap, id);
  const r = valueFlows(snap, id, { minShare: fraction(minShare, 'minShare', DEFAULT_MIN_SHARE), detail: detail ?? 'items' });
  const node = await recordsOf(deps, [id, ...r.nodes.flatMap((n) => (n.nodeId ? [n.nodeId] : [])), ...r.nodes.flatMap((n) => (n.members ?? []).flatMap((m) => (m.nodeId ? [m.nodeId] : [])))]);
  return {
    ...r,
    graphVersion: version,
    item: node(id),
    figures,
    importedShare: r.imported / r.total,
    nodes: r.nodes.map((n) => {
      const record = n.nodeId ? node(n.nodeId) : null;
      const names = n.role === 'NODE' ? { name: record!.name, nameFa: record!.nameFa ?? '' } : SYNTHETIC_NAMES[n.role];
      const members = (n.members ?? []).map((m) => {
        const member = m.nodeId ? node(m.nodeId) : null;
        return { ...m, node: member, name: member?.name ?? m.key, nameFa: member?.nameFa ?? '' };
      });
      return { ...n, node: record, ...names, members };
    }),
  };
}

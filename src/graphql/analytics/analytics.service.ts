// Runs the localization metrics for GraphQL and the CLI. Import content, value flows, import-reliant
// links, chokepoints and disruption read the in-memory snapshot of the graph (src/db/snapshot-cache.ts),
// which is checked against the database's graph version on every request, so a write is never
// hidden by a stale answer, and each answer says which version it used. X's upstream is taken from
// the snapshot (cost follows the upstream, not the graph), solved by the pure solvers in
// src/analytics, then the node records the answer names are read in one batched query. Without a
// snapshot (deps.snapshots unset) the subgraph is fetched from the database as before. Chain
// balance and parallel work still fetch from the database, and so does a `sanctioned` scenario
// for the sources it weighs and the organisations behind them. Answers say how old their
// figures are (`figures`, src/analytics/dates.ts).

import {
  chainBalance,
  chokepoints,
  disruption,
  importContent,
  importReliantLinks,
  parallelWork,
  valueFlows,
  DEFAULT_MIN_SHARE,
  type DisruptionReport,
  type SolveOptions,
  type DisruptionScenario,
  type FlowDetail,
} from '../../analytics/index.js';
import { figureDates } from '../../analytics/dates.js';
import { sanctionedSources } from '../../analytics/sanctions.js';
import { BadUserInputError } from '../../errors/index.js';
import type { Executor } from '../../db/executor.js';
import { fetchSanctionCandidates } from '../../db/ownership-store.js';
import type { ChainGraph } from '../../model/graph.js';
import { CHAIN_EDGE_TYPES, isItemKind, STAGES, type NodeKind } from '../../model/kinds.js';
import type { NodeRecord } from '../../model/records.js';
import type { ChainStore } from '../../db/chain-store.js';
import type { SnapshotCache } from '../../db/snapshot-cache.js';
import type { GraphSnapshot } from '../../analytics/graph-snapshot.js';
import { disruptionOnSnapshot } from '../../analytics/snapshot-disruption.js';

/** Hops the upstream fetch may go: far beyond any real chain, a guard against a runaway query. */
const UPSTREAM_DEPTH = 100;

export interface AnalyticsDeps {
  store: ChainStore;
  executor: Executor;
  /** The in-memory snapshot; when absent, subgraphs are fetched from the database. */
  snapshots?: SnapshotCache<GraphSnapshot>;
  /** The request's node loader, to read the records an answer names lazily (GraphQL). */
  loaders?: { node: { load(id: string): Promise<NodeRecord | null> } };
  /** The request's time budget: solves of one candidate at a time check it between candidates. */
  budget?: { check(): void };
}

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

export interface Subgraph {
  graph: ChainGraph;
  /** The snapshot's version, or null when the graph was fetched from the database. */
  graphVersion: number | null;
  /** The snapshot it was taken from, if any. */
  snapshot?: GraphSnapshot;
}

/** How old the subgraph's figures are; a snapshot's records keep only what the metrics read, so it counts them itself. */
function datesOf(sub: Subgraph) {
  return sub.snapshot ? sub.snapshot.figureDates(sub.graph.nodes.keys()) : figureDates(sub.graph);
}

export async function upstreamGraph(deps: AnalyticsDeps, id: string): Promise<Subgraph> {
  if (deps.snapshots) {
    const snap = await deps.snapshots.current();
    const graph = snap.upstreamGraph(id);
    if (graph) return { graph, graphVersion: snap.version, snapshot: snap };
    // Not a chain node: the database says whether it is unknown or, say, a Source.
  }
  const graph = await deps.store.fetchUpstream(id, UPSTREAM_DEPTH);
  if (!graph) throw await deps.store.unknownIdError([id]);
  return { graph, graphVersion: null };
}

/**
 * The full records of the nodes an answer names. A snapshot keeps only what the metrics read, so
 * those come from the database in one batched query; a fetched subgraph already has them.
 */
export async function recordsOf(deps: AnalyticsDeps, sub: Subgraph, ids: Iterable<string>): Promise<(id: string) => NodeRecord> {
  if (sub.graphVersion === null) return nodeOf(sub.graph);
  const wanted = [...new Set(ids)];
  // Through the request's loader when there is one: the fields GraphQL resolves next read the same records.
  const loader = deps.loaders?.node;
  const records = loader ? await Promise.all(wanted.map((id) => loader.load(id))) : await deps.store.nodesByIds(wanted);
  const byId = new Map<string, NodeRecord>();
  wanted.forEach((id, i) => byId.set(id, records[i] ?? sub.graph.nodes.get(id)!));
  return (id) => byId.get(id) ?? sub.graph.nodes.get(id)!;
}

function requireItem(graph: ChainGraph, id: string): void {
  const node = graph.nodes.get(id);
  if (node && node.kind !== 'Product' && node.kind !== 'Part') {
    throw new BadUserInputError(`${id} is a ${node.kind}; this report is for products and parts.`, 'id');
  }
}

function fraction(value: number | null | undefined, name: string, fallback: number): number {
  const v = value ?? fallback;
  if (!(v >= 0 && v <= 1)) throw new BadUserInputError(`${name} must be between 0 and 1; got ${v}.`, name);
  return v;
}

const nodeOf = (graph: ChainGraph) => (id: string): NodeRecord => graph.nodes.get(id)!;

export async function importContentReport(deps: AnalyticsDeps, id: string) {
  const sub = await upstreamGraph(deps, id);
  const graph = sub.graph;
  requireItem(graph, id);
  const r = importContent(graph, id);
  const node = await recordsOf(deps, sub, [id, ...r.contributions.map((c) => c.itemId), ...r.unmodeled]);
  return {
    ...r,
    graphVersion: sub.graphVersion,
    item: node(id),
    contributions: r.contributions.map((c) => ({ item: node(c.itemId), share: c.share })),
    unmodeled: r.unmodeled.map(node),
    figures: datesOf(sub),
  };
}

export async function importReliantLinksReport(deps: AnalyticsDeps, id: string, threshold?: number | null) {
  const sub = await upstreamGraph(deps, id);
  const graph = sub.graph;
  requireItem(graph, id);
  const links = importReliantLinks(graph, id, fraction(threshold, 'threshold', 0.5));
  const node = await recordsOf(deps, sub, links.flatMap((l) => [l.itemId, ...l.foreignSuppliers.map((s) => s.supplierId), ...l.path]));
  return links.map((l) => ({
    ...l,
    graphVersion: sub.graphVersion,
    item: node(l.itemId),
    foreignSuppliers: l.foreignSuppliers.map((s) => ({ supplier: node(s.supplierId), country: s.country, weight: s.weight })),
    path: l.path.map(node),
  }));
}

/** Regime names in a request: short labels, a handful. */
const MAX_REGIMES = 20;

export async function disruptionReport(deps: AnalyticsDeps, scenario: ScenarioInput) {
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
  const sanctioned = scenario.sanctioned ? await sanctionedRemovals(deps, regimes) : [];
  const removal: DisruptionScenario = {
    nodeIds: [...(scenario.nodeIds ?? []), ...sanctioned.map((s) => s.nodeId)],
    countries: scenario.countries,
    allImports: scenario.allImports,
  };
  if (deps.snapshots) {
    const snap = await deps.snapshots.current();
    const unknown = (scenario.nodeIds ?? []).filter((id) => !snap.has(id));
    if (unknown.length > 0) throw await deps.store.unknownIdError(unknown);
    // Sanctions were read just before the snapshot: a source deleted since is no longer there to remove.
    const present = sanctioned.filter((s) => snap.has(s.nodeId));
    const r = disruptionOnSnapshot(snap, removal);
    const common = { converged: r.converged, graphVersion: snap.version, figures: snap.figureDates() };
    // Thousands of items may lose supply, and a country's every supplier be removed: their
    // records are read only if the caller asks for them.
    const loader = deps.loaders?.node;
    if (loader) {
      const load = (id: string) => loader.load(id) as Promise<NodeRecord>;
      const lazy = (l: { itemId: string; loss: number }) => ({ itemId: l.itemId, loss: l.loss, get item() { return load(l.itemId); } });
      return {
        get losses() {
          return r.losses.map(lazy);
        },
        finishedGoodsHit: r.finishedGoodsHit.map(lazy),
        get removedSources() {
          return r.removedSources.map(load);
        },
        removedGroups: r.removedGroups.map(load),
        sanctioned: present.map((s) => ({ node: load(s.nodeId), reason: s.reason })),
        ...common,
      };
    }
    const ids = [...r.losses.map((l) => l.itemId), ...r.removedSources, ...present.map((s) => s.nodeId)];
    const records = await deps.store.nodesByIds([...new Set(ids)]);
    const byId = new Map(records.filter((n): n is NodeRecord => n !== null).map((n) => [n.id, n]));
    return { ...withRecords(r, present, (id) => byId.get(id)!), ...common };
  }
  const graph = await deps.store.fetchAll();
  const unknown = (scenario.nodeIds ?? []).filter((id) => !graph.nodes.has(id));
  if (unknown.length > 0) throw await deps.store.unknownIdError(unknown);
  // Sanctions were read just before: a source deleted since is no longer there to remove.
  const present = sanctioned.filter((s) => graph.nodes.has(s.nodeId));
  const r = disruption(graph, removal);
  // The supply chain's figures, as the snapshot counts them: projects' progress and budgets are not supply.
  const chain = new Set([...graph.nodes.values()].filter((n) => n.kind !== 'Project').map((n) => n.id));
  return { ...withRecords(r, present, nodeOf(graph)), figures: figureDates(graph, chain), converged: r.converged, graphVersion: null };
}

/** A disruption answer with the records of what it names in hand. */
function withRecords(r: DisruptionReport, sanctioned: { nodeId: string; reason: string }[], node: (id: string) => NodeRecord) {
  const withItem = (l: { itemId: string; loss: number }) => ({ itemId: l.itemId, item: node(l.itemId), loss: l.loss });
  return {
    losses: r.losses.map(withItem),
    finishedGoodsHit: r.finishedGoodsHit.map(withItem),
    removedSources: r.removedSources.map(node),
    removedGroups: r.removedGroups.map(node),
    sanctioned: sanctioned.map((s) => ({ node: node(s.nodeId), reason: s.reason })),
  };
}

/** The sources a sanctions scenario removes, with why (src/analytics/sanctions.ts). */
async function sanctionedRemovals(deps: AnalyticsDeps, regimes: readonly string[] | null) {
  const { sources, ownership } = await fetchSanctionCandidates(deps.executor);
  const s = sanctionedSources(sources, ownership, regimes);
  return s.nodeIds.map((nodeId) => ({ nodeId, reason: s.reasons.get(nodeId)! }));
}

/**
 * The disruption answer with every record in hand (for tables: the CLI and the CSV reports),
 * whether the service answered from the snapshot (records loaded on demand) or not.
 */
export async function disruptionWithRecords(deps: AnalyticsDeps, scenario: ScenarioInput) {
  const r = await disruptionReport(deps, scenario);
  const resolve = async (l: { itemId: string; loss: number; item: NodeRecord | Promise<NodeRecord | null> }) => ({ itemId: l.itemId, loss: l.loss, item: (await l.item)! });
  return {
    losses: await Promise.all(r.losses.map(resolve)),
    finishedGoodsHit: await Promise.all(r.finishedGoodsHit.map(resolve)),
    removedSources: await Promise.all(r.removedSources),
    removedGroups: await Promise.all(r.removedGroups),
    sanctioned: await Promise.all(r.sanctioned.map(async (s) => ({ node: await s.node, reason: s.reason }))),
    figures: r.figures,
    converged: r.converged,
    graphVersion: r.graphVersion,
  };
}

export async function chokepointsReport(deps: AnalyticsDeps, id: string, minImpact?: number | null, kinds?: readonly NodeKind[] | null) {
  const sub = await upstreamGraph(deps, id);
  const graph = sub.graph;
  requireItem(graph, id);
  const found = chokepoints(graph, id, fraction(minImpact, 'minImpact', 1), solveOptions(deps)).filter((c) => !kinds || kinds.length === 0 || kinds.includes(graph.nodes.get(c.nodeId)!.kind));
  const node = await recordsOf(deps, sub, found.map((c) => c.nodeId));
  return found.map((c) => ({ node: node(c.nodeId), impact: c.impact, group: node(c.nodeId).group === true, memberCount: node(c.nodeId).memberCount ?? null, graphVersion: sub.graphVersion }));
}

export async function chainBalanceReport(deps: AnalyticsDeps, ids?: string[] | null, stage?: string | null) {
  // GraphQL's enum cannot be wrong; the CLI's and the CSV report's text can.
  if (stage && !(STAGES as readonly string[]).includes(stage)) throw new BadUserInputError(`stage must be one of ${STAGES.join(', ')}; got ${JSON.stringify(stage)}.`, 'stage');
  const graph = await deps.store.fetchAll();
  const unknown = (ids ?? []).filter((id) => !graph.nodes.has(id));
  if (unknown.length > 0) throw await deps.store.unknownIdError(unknown);
  const notItems = (ids ?? []).filter((id) => !isItemKind(graph.nodes.get(id)!.kind));
  if (notItems.length > 0) {
    const what = notItems.map((id) => `${id} is a ${graph.nodes.get(id)!.kind}`).join('; ');
    throw new BadUserInputError(`chainBalance weighs capacity against demand for products and parts only: ${what}.`, 'ids');
  }
  const node = nodeOf(graph);
  return chainBalance(graph, { ids, stage }).map((r) => ({ ...r, item: node(r.itemId) }));
}

export async function parallelWorkReport(deps: AnalyticsDeps) {
  const graph = await deps.store.fetchAll([...CHAIN_EDGE_TYPES, 'LOCALIZES']);
  const node = nodeOf(graph);
  return parallelWork(graph).map((p) => ({
    item: node(p.itemId),
    ownerCount: p.owners.length,
    projects: p.projects.map((project) => ({ project, owner: project.owner, progress: project.progress, status: project.status })),
  }));
}

/** Labels for the Sankey's synthetic nodes, in both languages like every node. */
const SYNTHETIC_NAMES = {
  OTHER_IMPORTS: { name: 'Other imports', nameFa: 'سایر واردات' },
  OTHER_HOME: { name: 'Other, made at home', nameFa: 'سایر، ساخت داخل' },
  VALUE_ADDED: { name: 'Value added in making it', nameFa: 'ارزش افزوده در ساخت آن' },
} as const;

export async function valueFlowsReport(deps: AnalyticsDeps, id: string, minShare?: number | null, detail?: FlowDetail | null) {
  const sub = await upstreamGraph(deps, id);
  const graph = sub.graph;
  requireItem(graph, id);
  const r = valueFlows(graph, id, { minShare: fraction(minShare, 'minShare', DEFAULT_MIN_SHARE), detail: detail ?? 'items' });
  const node = await recordsOf(deps, sub, [id, ...r.nodes.flatMap((n) => (n.nodeId ? [n.nodeId] : []))]);
  return {
    ...r,
    graphVersion: sub.graphVersion,
    item: node(id),
    figures: datesOf(sub),
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

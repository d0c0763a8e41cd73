// Runs the localization metrics for GraphQL and the CLI: fetch the subgraph in one round trip
// (X's upstream, or the whole chain for graph-wide reports), solve in src/analytics, then hand
// back node records for the ids. Nothing is cached, so a write is never hidden by a stale answer.

import {
  chainBalance,
  chokepoints,
  disruption,
  importContent,
  importReliantLinks,
  parallelWork,
  valueFlows,
  DEFAULT_MIN_SHARE,
  type DisruptionScenario,
  type FlowDetail,
} from '../../analytics/index.js';
import { BadUserInputError } from '../../errors/index.js';
import type { ChainGraph } from '../../model/graph.js';
import { CHAIN_EDGE_TYPES, isItemKind, type NodeKind } from '../../model/kinds.js';
import type { NodeRecord } from '../../model/records.js';
import type { ChainStore } from '../../db/chain-store.js';

/** Hops the upstream fetch may go: far beyond any real chain, a guard against a runaway query. */
const UPSTREAM_DEPTH = 100;

export interface AnalyticsDeps {
  store: ChainStore;
}

async function upstreamGraph(deps: AnalyticsDeps, id: string): Promise<ChainGraph> {
  const graph = await deps.store.fetchUpstream(id, UPSTREAM_DEPTH);
  if (!graph) throw await deps.store.unknownIdError([id]);
  return graph;
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
  const graph = await upstreamGraph(deps, id);
  requireItem(graph, id);
  const r = importContent(graph, id);
  const node = nodeOf(graph);
  return {
    ...r,
    item: node(id),
    contributions: r.contributions.map((c) => ({ item: node(c.itemId), share: c.share })),
    unmodeled: r.unmodeled.map(node),
  };
}

export async function importReliantLinksReport(deps: AnalyticsDeps, id: string, threshold?: number | null) {
  const graph = await upstreamGraph(deps, id);
  requireItem(graph, id);
  const node = nodeOf(graph);
  return importReliantLinks(graph, id, fraction(threshold, 'threshold', 0.5)).map((l) => ({
    ...l,
    item: node(l.itemId),
    foreignSuppliers: l.foreignSuppliers.map((s) => ({ supplier: node(s.supplierId), country: s.country, weight: s.weight })),
    path: l.path.map(node),
  }));
}

export async function disruptionReport(deps: AnalyticsDeps, scenario: DisruptionScenario) {
  const empty = !scenario.allImports && !(scenario.nodeIds?.length) && !(scenario.countries?.length);
  if (empty) throw new BadUserInputError('Name something to remove: nodeIds, countries, or allImports: true.', 'scenario');
  for (const c of scenario.countries ?? []) {
    if (!/^[A-Z]{2}$/.test(c)) throw new BadUserInputError(`countries must be ISO alpha-2 codes in capitals, like CN; got ${JSON.stringify(c)}.`, 'scenario.countries');
  }
  const graph = await deps.store.fetchAll();
  const unknown = (scenario.nodeIds ?? []).filter((id) => !graph.nodes.has(id));
  if (unknown.length > 0) throw await deps.store.unknownIdError(unknown);
  const r = disruption(graph, scenario);
  const node = nodeOf(graph);
  const withItem = (l: { itemId: string; loss: number }) => ({ item: node(l.itemId), loss: l.loss });
  return { losses: r.losses.map(withItem), finishedGoodsHit: r.finishedGoodsHit.map(withItem), converged: r.converged };
}

export async function chokepointsReport(deps: AnalyticsDeps, id: string, minImpact?: number | null, kinds?: readonly NodeKind[] | null) {
  const graph = await upstreamGraph(deps, id);
  requireItem(graph, id);
  const node = nodeOf(graph);
  return chokepoints(graph, id, fraction(minImpact, 'minImpact', 1))
    .map((c) => ({ node: node(c.nodeId), impact: c.impact }))
    .filter((c) => !kinds || kinds.length === 0 || kinds.includes(c.node.kind));
}

export async function chainBalanceReport(deps: AnalyticsDeps, ids?: string[] | null, stage?: string | null) {
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
  const graph = await upstreamGraph(deps, id);
  requireItem(graph, id);
  const node = nodeOf(graph);
  const r = valueFlows(graph, id, { minShare: fraction(minShare, 'minShare', DEFAULT_MIN_SHARE), detail: detail ?? 'items' });
  return {
    ...r,
    item: node(id),
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

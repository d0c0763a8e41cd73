// Organisations for every door (GraphQL, CLI): holdings through ownership chains, the
// organisations behind a set of nodes, which organisations would stop an item, and which
// figures are stale. Fetch in one round trip (an item's upstream from the in-memory snapshot when
// there is one), solve in src/analytics, map ids back to records.

import { holdings, backersOf, reachOf } from '../analytics/ownership.js';
import { solveSetChokepoints } from '../engine/solves.js';
import { staleCutoff } from '../analytics/dates.js';
import { BadUserInputError, NotFoundError } from '../errors/index.js';
import { engineFor, recordsOf, type ServiceDeps } from './analytics.js';
import { fetchOwnershipBehind, fetchOwnershipDown, OWNERSHIP_DEPTH } from '../db/ownership-store.js';
import { toEdgeRecord, toNodeRecord } from '../db/mappers.js';
import { FIGURE_PROPERTIES, type NodeRecord } from '../model/records.js';
import { EDGE_TYPES, NODE_KINDS, type EdgeType } from '../model/kinds.js';

/** What staleFigures looks at: the figure properties of node kinds and edge types, and the types that have any. */
const FIGURE_QUERY = (() => {
  const union = (keys: readonly string[]) => [...new Set(keys.flatMap((k) => FIGURE_PROPERTIES[k as keyof typeof FIGURE_PROPERTIES] ?? []))];
  const types = EDGE_TYPES.filter((t) => (FIGURE_PROPERTIES[t] ?? []).length > 0) as EdgeType[];
  return { params: { nodeFigures: union(NODE_KINDS), edgeFigures: union(types) }, types };
})();


export const MAX_STALE_PAGE = 1_000;

function checkDepth(maxDepth: number | null | undefined): number {
  const depth = maxDepth ?? 6;
  if (!Number.isInteger(depth) || depth < 1 || depth > OWNERSHIP_DEPTH) {
    throw new BadUserInputError(`maxDepth must be a whole number from 1 to ${OWNERSHIP_DEPTH}; got ${depth}.`, 'maxDepth');
  }
  return depth;
}

/** What an organisation holds through ownership chains, the sites it and its holdings operate, and the suppliers that are them. */
export async function holdingsReport(deps: ServiceDeps, id: string, maxDepth?: number | null) {
  const depth = checkDepth(maxDepth);
  const graph = await fetchOwnershipDown(deps.executor, id, depth);
  if (!graph) {
    const [node] = await deps.store.nodesByIds([id]);
    if (!node) throw new NotFoundError('node', id);
    throw new BadUserInputError(`${id} is a ${node.kind}; holdings are for organisations.`, 'id');
  }
  const node = (x: string): NodeRecord => graph.nodes.get(x)!;
  const r = holdings(graph, id, { maxDepth: depth });
  const shareIn = new Map<string, { share: number; controlled: boolean }>([[id, { share: 1, controlled: true }]]);
  for (const h of r.holdings) shareIn.set(h.nodeId, { share: h.effectiveShare, controlled: h.controlled });
  const sites = [];
  const suppliers = [];
  for (const e of graph.edges) {
    const held = shareIn.get(e.type === 'IS' ? e.to : e.from);
    if (!held) continue;
    if (e.type === 'OPERATES') sites.push({ node: node(e.to), operator: node(e.from), effectiveShare: held.share, controlled: held.controlled });
    if (e.type === 'IS') suppliers.push({ node: node(e.from), organization: node(e.to), effectiveShare: held.share, controlled: held.controlled });
  }
  const order = (a: { effectiveShare: number; node: NodeRecord }, b: { effectiveShare: number; node: NodeRecord }) => b.effectiveShare - a.effectiveShare || a.node.name.localeCompare(b.node.name);
  return {
    organization: node(id),
    holdings: r.holdings.map((h) => ({ ...h, node: node(h.nodeId), via: h.via.map(node) })),
    sites: sites.sort(order),
    suppliers: suppliers.sort(order),
    cyclic: r.cyclic,
    truncated: r.truncated,
  };
}

/**
 * The organisations behind the nodes of a walk: who operates, owns or is them, and who controls
 * those; `load` reads a node's record (the request's loader).
 */
export async function organizationsBehind(deps: ServiceDeps, ids: readonly string[], load: (id: string) => Promise<NodeRecord | null>) {
  const graph = await fetchOwnershipBehind(deps.executor, ids);
  return backersOf(graph, new Set(ids)).map((b) => ({ organization: graph.nodes.get(b.organizationId)!, nodes: b.nodeIds.map(load), direct: b.direct }));
}

/**
 * Organisations whose removal (everything they reach: sites they or companies they control
 * operate or hold a majority of, suppliers that are them) costs `id` at least `minImpact`.
 */
export async function organizationChokepointsReport(deps: ServiceDeps, id: string, minImpact?: number | null) {
  const bar = minImpact ?? 1;
  if (!(bar >= 0 && bar <= 1)) throw new BadUserInputError(`minImpact must be between 0 and 1; got ${bar}.`, 'minImpact');
  // Who stands behind what comes from the engine's ownership edges, like the chain itself.
  const snap = await engineFor(deps, id);
  const ownership = snap.ownershipGraph();
  const upstream = new Set(snap.upstreamOf(snap.index.get(id)!).map((v) => snap.ids[v]!));
  const reach = new Map<string, string[]>();
  for (const org of ownership.nodes.values()) {
    if (org.kind !== 'Organization') continue;
    const inChain = [...reachOf(ownership, org.id)].filter((x) => upstream.has(x)).sort();
    if (inChain.length > 0) reach.set(org.id, inChain);
  }
  // Organisations that reach the same nodes (a holding and the company it controls, say) stop the
  // same things: each distinct set is solved once, which bounds the work by the chain, not by how
  // many organisations hang on it.
  const orgsBySet = new Map<string, string[]>();
  for (const [org, nodeIds] of reach) {
    const key = nodeIds.join('\n');
    orgsBySet.set(key, [...(orgsBySet.get(key) ?? []), org]);
  }
  const solved = await solveSetChokepoints(deps, snap, id, [...orgsBySet.keys()].map((key) => ({ key, nodeIds: key.split('\n') })), bar);
  const found = solved
    .flatMap((c) => orgsBySet.get(c.nodeId)!.map((org) => ({ org, impact: c.impact })))
    .sort((a, b) => b.impact - a.impact || a.org.localeCompare(b.org));
  const record = await recordsOf(deps, [...found.flatMap((c) => reach.get(c.org)!), ...found.map((c) => c.org)]);
  return found.map((c) => {
    const nodes = reach.get(c.org)!.map(record);
    return { organization: record(c.org), impact: c.impact, nodes, groups: nodes.filter((n) => n.group === true) };
  });
}

/** Records whose figures are dated before (this year − olderThan), oldest first; undated ones too when asked. */
export async function staleFiguresReport(deps: ServiceDeps, olderThan?: number | null, options: { undated?: boolean | null; first?: number | null } = {}) {
  const years = olderThan ?? 3;
  if (!Number.isInteger(years) || years < 0 || years > 200) throw new BadUserInputError(`olderThan is an age in whole years, 0 to 200; got ${years}.`, 'olderThan');
  const first = options.first ?? 100;
  if (!Number.isInteger(first) || first < 1 || first > MAX_STALE_PAGE) throw new BadUserInputError(`first must be between 1 and ${MAX_STALE_PAGE}; got ${first}.`, 'first');
  const cutoff = staleCutoff(years);
  const rows = await deps.executor.read('dates/stale-figures', { cutoff, undated: options.undated === true, limit: first + 1, ...FIGURE_QUERY.params }, { substitutions: { types: FIGURE_QUERY.types } });
  const records = rows.slice(0, first).map((r) => ({
    asOf: (r.asOf as string | null) ?? null,
    figures: (r.figures as string[]).map(String),
    node: r.node ? toNodeRecord(r.node) : null,
    edge: r.edge ? edgeOf(r.edge as unknown as { type: string; from: string; to: string; props: Record<string, never> }) : null,
  }));
  return { cutoff, records, truncated: rows.length > first };
}

function edgeOf(e: { type: string; from: string; to: string; props: Record<string, never> }) {
  return toEdgeRecord(e.type, e.from, e.to, e.props);
}

// The subgraphs the foreign-currency answers are solved on (DOMAIN.md, Foreign currency), each in
// one read transaction. A plan starts from the projects (a Cypher query over Project nodes),
// then fetches only their items' upstream (for h and t) and the one-hop neighbours each item's
// demand is counted on (for V = m × Q): its cost grows with the projects and their items'
// upstream, never with the whole graph.

import { CHAIN_EDGE_TYPES, SOURCE_EDGE_TYPES } from '../model/kinds.js';
import { chainGraph, type ChainGraph } from '../model/graph.js';
import { DEFAULT_HOME_COUNTRY, edgeKey, type EdgeRecord, type NodeRecord } from '../model/records.js';
import type { Executor, QueryRunner } from './executor.js';
import { toEdgeRecord, toNodeRecord } from './mappers.js';

/** Hops an upstream fetch may go: far beyond any real chain, a guard against a runaway query. */
const UPSTREAM_DEPTH = 100;

export interface ProjectFilter {
  ids?: readonly string[] | null;
  statuses?: readonly string[] | null;
  minProgress?: number | null;
}

/** Nodes and edges gathered from several queries, each node and edge once. */
class GraphBuilder {
  readonly nodes = new Map<string, NodeRecord>();
  private readonly edges = new Map<string, EdgeRecord>();

  node(n: NodeRecord): void {
    if (!this.nodes.has(n.id)) this.nodes.set(n.id, n);
  }

  edge(e: EdgeRecord): void {
    const key = edgeKey(e);
    if (!this.edges.has(key)) this.edges.set(key, e);
  }

  build(home: string): ChainGraph {
    return chainGraph(this.nodes.values(), this.edges.values(), home);
  }
}

export class CurrencyStore {
  constructor(private readonly executor: Executor) {}

  /**
   * The projects that pass the filter with their LOCALIZES edges, their items' upstream, and the
   * neighbours their items' demand is counted on.
   */
  async planGraph(filter: ProjectFilter): Promise<{ graph: ChainGraph; projectIds: string[] }> {
    return this.executor.readTransaction(
      async (tx) => {
        const g = new GraphBuilder();
        const rows = await tx.run('currency/projects', {
          ids: filter.ids ?? null,
          statuses: filter.statuses && filter.statuses.length > 0 ? [...filter.statuses] : null,
          minProgress: filter.minProgress ?? 0,
        });
        const items = new Set<string>();
        for (const r of rows) {
          const project = toNodeRecord(r.node);
          g.node(project);
          for (const l of (r.localizes ?? []) as { to: string; props: Record<string, never> }[]) {
            if (!l) continue;
            g.edge(toEdgeRecord('LOCALIZES', project.id, l.to, l.props));
            items.add(l.to);
          }
        }
        await upstream(tx, [...items], g);
        await demandContext(tx, [...items], g);
        return { graph: g.build(await home(tx)), projectIds: rows.map((r) => toNodeRecord(r.node).id) };
      },
      { label: 'currency/plan-graph' },
    );
  }

  /** Everything upstream of the given nodes (themselves included), in one transaction. */
  async upstreamOf(ids: readonly string[]): Promise<ChainGraph> {
    return this.executor.readTransaction(
      async (tx) => {
        const g = new GraphBuilder();
        await upstream(tx, ids, g);
        return g.build(await home(tx));
      },
      { label: 'currency/upstream' },
    );
  }

  /** The items with a foreign source (of one stage, or all), their sources, and their demand neighbours. */
  async importBillGraph(stage: string | null): Promise<{ graph: ChainGraph; itemIds: string[] }> {
    return this.executor.readTransaction(
      async (tx) => {
        const g = new GraphBuilder();
        const homeCountry = await home(tx);
        const ids = (await tx.run('currency/imported-items', { stage, homeCountry })).map((r) => String(r.id));
        for (const r of await tx.run('node/by-ids', { ids })) g.node(toNodeRecord(r.node));
        await linksIn(tx, ids, [...SOURCE_EDGE_TYPES], g);
        await demandContext(tx, ids, g);
        return { graph: g.build(homeCountry), itemIds: ids };
      },
      { label: 'currency/import-bills' },
    );
  }
}

async function home(tx: QueryRunner): Promise<string> {
  const [row] = await tx.run('meta/get');
  return (row?.homeCountry as string | null) ?? DEFAULT_HOME_COUNTRY;
}

async function upstream(tx: QueryRunner, ids: readonly string[], g: GraphBuilder): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx.run('currency/fetch-upstream-many', { ids: [...new Set(ids)] }, { types: CHAIN_EDGE_TYPES, depth: UPSTREAM_DEPTH });
  const nodes = rows.map((r) => toNodeRecord(r.node));
  const inSet = new Set(nodes.map((n) => n.id));
  nodes.forEach((n) => g.node(n));
  rows.forEach((r, i) => {
    for (const e of (r.incoming ?? []) as { type: string; from: string; props: Record<string, never> }[]) {
      if (e && inSet.has(e.from)) g.edge(toEdgeRecord(e.type, e.from, nodes[i]!.id, e.props));
    }
  });
}

/** Incoming edges of the given types, with the nodes at their other end. */
async function linksIn(tx: QueryRunner, ids: readonly string[], types: string[], g: GraphBuilder): Promise<NodeRecord[]> {
  if (ids.length === 0) return [];
  const rows = await tx.run('node/links-in', { ids: [...ids] }, { types });
  return rows.map((r) => {
    const node = toNodeRecord(r.node);
    g.node(node);
    g.edge(toEdgeRecord(r.type, node.id, r.id, r.props));
    return node;
  });
}

async function linksOut(tx: QueryRunner, ids: readonly string[], types: string[], g: GraphBuilder): Promise<EdgeRecord[]> {
  if (ids.length === 0) return [];
  const rows = await tx.run('node/links-out', { ids: [...ids] }, { types });
  return rows.map((r) => {
    const node = toNodeRecord(r.node);
    const edge = toEdgeRecord(r.type, r.id, node.id, r.props);
    g.node(node);
    g.edge(edge);
    return edge;
  });
}

/**
 * What Chain balance counts an item's demand on: the plants it FEEDS with their PRODUCES
 * capacities, and the assemblies it is a COMPONENT_OF with their home sources.
 */
async function demandContext(tx: QueryRunner, ids: readonly string[], g: GraphBuilder): Promise<void> {
  const out = await linksOut(tx, ids, ['FEEDS', 'COMPONENT_OF'], g);
  const plants = [...new Set(out.filter((e) => e.type === 'FEEDS').map((e) => e.to))];
  const assemblies = [...new Set(out.filter((e) => e.type === 'COMPONENT_OF').map((e) => e.to))];
  await linksOut(tx, plants, ['PRODUCES'], g);
  await linksIn(tx, assemblies, [...SOURCE_EDGE_TYPES], g);
}

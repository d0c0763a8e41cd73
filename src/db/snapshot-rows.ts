// Reads the rows the analytics engine is built and refreshed from (src/model/snapshot-rows.ts):
// every engine node and edge in pages, the rows of what a change touched, and the change feed
// since a version (cypher/meta/record-change.cypher writes it).

import type { EdgeType, NodeKind } from '../model/kinds.js';
import { FIGURE_PROPERTIES, holdsFigure } from '../model/records.js';
import { ENGINE_EDGE_TYPES, type SnapshotEdgeInput, type SnapshotNodeInput } from '../model/snapshot-rows.js';
import type { Executor, QueryRunner, Row } from './executor.js';
import type { Plain } from './values.js';

/** Nodes per page of a full load. */
const PAGE = 20_000;

export interface FeedEntry {
  version: number;
  nodes: string[];
  pairs: { from: string; to: string }[];
  full: boolean;
}

type PlainMap = Record<string, Plain>;

const str = (v: Plain | undefined): string | null => (typeof v === 'string' ? v : null);
const num = (v: Plain | undefined): number | null => (typeof v === 'number' ? v : null);

export function nodeRow(m: PlainMap): SnapshotNodeInput {
  return {
    id: String(m.id),
    kind: m.kind as NodeKind,
    name: str(m.name) ?? '',
    country: str(m.country),
    stage: str(m.stage),
    unitValueUsd: num(m.unitValueUsd),
    finalDemand: num(m.finalDemand),
    asOf: str(m.asOf),
    group: m.group === true,
    category: str(m.category),
    figured: holdsFigure(Array.isArray(m.figures) ? m.figures : []),
    owner: str(m.owner),
    status: str(m.status),
    progress: num(m.progress),
    budget: num(m.budget),
    jobs: num(m.jobs),
    expectedCompletion: str(m.expectedCompletion),
    type: str(m.type),
    sanctionRegimes: Array.isArray(m.sanctionRegimes) ? m.sanctionRegimes.filter((r): r is string => typeof r === 'string') : null,
  };
}

export function edgeRow(m: PlainMap): SnapshotEdgeInput {
  return {
    type: String(m.type),
    from: String(m.from),
    to: String(m.to),
    share: num(m.share),
    capacityTpy: num(m.capacityTpy),
    volumePerYear: num(m.volumePerYear),
    originCountry: str(m.originCountry),
    quantityPerUnit: num(m.quantityPerUnit),
    quantity: num(m.quantity),
    valueShare: num(m.valueShare),
    inputImportShare: num(m.inputImportShare),
    output: str(m.output),
    estimate: typeof m.estimate === 'boolean' ? m.estimate : null,
    note: str(m.note),
    sources: Array.isArray(m.sources) ? m.sources.map(String) : null,
    asOf: str(m.asOf),
  };
}

/** The graph's version now (one cheap read). */
export async function graphVersion(executor: Executor): Promise<number> {
  const [row] = await executor.read('meta/graph-version', {}, { timeoutMs: 0 });
  return Number(row?.version ?? 0);
}

/** Every engine node, then every engine edge, in id-ordered pages inside one read transaction. */
export async function readWholeGraph(executor: Executor, sink: { node(row: SnapshotNodeInput): void; edge(row: SnapshotEdgeInput): void }): Promise<void> {
  await executor.readTransaction(
    async (tx) => {
      await pages(tx, 'snapshot/nodes', { figures: FIGURE_PROPERTIES }, {}, (m) => sink.node(nodeRow(m)));
      await pages(tx, 'snapshot/edges', {}, { types: ENGINE_EDGE_TYPES }, (m) => sink.edge(edgeRow(m)));
    },
    { label: 'snapshot/load', timeoutMs: 0 },
  );
}

async function pages(tx: QueryRunner, name: 'snapshot/nodes' | 'snapshot/edges', params: Record<string, unknown>, substitutions: { types?: readonly EdgeType[] }, visit: (m: PlainMap) => void): Promise<void> {
  for (let after = ''; ; ) {
    const [page] = await tx.run(name, { ...params, after, limit: PAGE }, substitutions);
    for (const m of (page?.rows ?? []) as PlainMap[]) visit(m);
    if (page?.last === null || page?.last === undefined) return;
    after = String(page.last);
  }
}

/** The current rows of the nodes and node pairs a change touched. */
export async function readTouched(executor: Executor, ids: readonly string[], pairs: readonly { from: string; to: string }[]): Promise<{ nodes: SnapshotNodeInput[]; edges: SnapshotEdgeInput[] }> {
  return executor.readTransaction(
    async (tx) => {
      const nodes = ids.length === 0 ? [] : (await tx.run('snapshot/nodes-by-id', { ids, figures: FIGURE_PROPERTIES })).map((r: Row) => nodeRow(r.row as PlainMap));
      const edges = pairs.length === 0 ? [] : (await tx.run('snapshot/edges-between', { pairs }, { types: ENGINE_EDGE_TYPES })).map((r: Row) => edgeRow(r.row as PlainMap));
      return { nodes, edges };
    },
    { label: 'snapshot/touched', timeoutMs: 0 },
  );
}

/** The change feed after `since`, oldest first, at most `limit` entries. */
export async function changesSince(executor: Executor, since: number, limit: number): Promise<FeedEntry[]> {
  const rows = await executor.read('meta/changes-since', { since, limit }, { timeoutMs: 0 });
  return rows.map((r) => {
    const froms = Array.isArray(r.froms) ? r.froms.map(String) : [];
    const tos = Array.isArray(r.tos) ? r.tos.map(String) : [];
    return {
      version: Number(r.version),
      nodes: Array.isArray(r.nodes) ? r.nodes.map(String) : [],
      pairs: froms.map((from, i) => ({ from, to: tos[i]! })),
      full: r.full === true,
    };
  });
}

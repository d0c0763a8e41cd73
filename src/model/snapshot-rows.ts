// The rows the in-memory engine is built and refreshed from: a node or an edge with every
// property the metrics read. The database layer reads them (src/db/snapshot-rows.ts), the
// analytics layer lays them out (src/analytics/graph-snapshot.ts); both name them here, once.

import { CHAIN_EDGE_TYPES, type NodeKind } from './kinds.js';

/** The edge types the engine holds: the chain's first (codes 0..4), then those metrics read beside it. */
export const ENGINE_EDGE_TYPES = [...CHAIN_EDGE_TYPES, 'LOCALIZES', 'OWNS', 'OPERATES', 'IS'] as const;

/** A chain node as the snapshot reads it (src/engine/snapshot-cache.ts), or as a test builds it. */
export interface SnapshotNodeInput {
  id: string;
  kind: NodeKind;
  name: string;
  country?: string | null;
  stage?: string | null;
  unitValueUsd?: number | null;
  finalDemand?: number | null;
  /** The date of its figures (docs/domain.md, Dates). */
  asOf?: string | null;
  /** It stands for many firms or sites. */
  group?: boolean | null;
  /** Products and parts: the category code (src/model/categories.ts), which gives the sector. */
  category?: string | null;
  /** It holds a figure its kind dates; worked out from the input's own properties when not given. */
  figured?: boolean;
  // Projects: what the currency planner reads.
  owner?: string | null;
  status?: string | null;
  progress?: number | null;
  budget?: number | null;
  jobs?: number | null;
  expectedCompletion?: string | null;
  // Organisations and sanctioned sources: what ownership and sanctions read.
  type?: string | null;
  sanctionRegimes?: readonly string[] | null;
}

/** An edge with every property the snapshot keeps. */
export interface SnapshotEdgeInput {
  type: string;
  from: string;
  to: string;
  share?: number | null;
  capacityTpy?: number | null;
  volumePerYear?: number | null;
  originCountry?: string | null;
  quantityPerUnit?: number | null;
  quantity?: number | null;
  valueShare?: number | null;
  inputImportShare?: number | null;
  output?: string | null;
  estimate?: boolean | null;
  note?: string | null;
  sources?: readonly string[] | null;
  asOf?: string | null;
}

/** A project's planning figures, by node. */
export interface ProjectFields {
  owner: string | null;
  status: string | null;
  progress: number | null;
  budget: number | null;
  jobs: number | null;
  expectedCompletion: string | null;
}

/** A change to apply: the current rows of what a write touched (src/engine/snapshot-cache.ts reads them). */
export interface GraphDelta {
  version: number;
  /** The touched nodes that exist now, whole. */
  nodes: readonly SnapshotNodeInput[];
  /** The touched ids that no longer exist. */
  removedNodes: readonly string[];
  /** Node pairs whose edges a write touched, with every edge from→to there is now (any snapshot type). */
  pairs: readonly { from: string; to: string; edges: readonly SnapshotEdgeInput[] }[];
}


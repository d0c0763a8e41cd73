// The analytics engine: the snapshot (src/analytics/graph-snapshot.ts) with its supply model
// (src/analytics/supply-model.ts) kept in step. A full build lays both out once; a change applies
// its delta to the snapshot and refreshes the supply of the items it touched, nothing more.

import type { ChainGraph } from '../model/graph.js';
import type { EdgeRecord } from '../model/records.js';
import { GraphSnapshot, type DeltaEffect, type GraphDelta, type SnapshotEdgeInput, type SnapshotNodeInput } from './graph-snapshot.js';
import { refreshSupply } from './supply-model.js';

/** Ends a full build: adjacency, then every item's supply. */
export function finishBuild(snap: GraphSnapshot): GraphSnapshot {
  snap.build();
  refreshSupply(snap);
  return snap;
}

/**
 * Applies a write's delta and refreshes the supply model where it changed. Returns the snapshot
 * to use from now on: the same one, or a compacted copy when dead slots have piled up.
 */
export function applyChange(snap: GraphSnapshot, delta: GraphDelta): { snapshot: GraphSnapshot; effect: DeltaEffect } {
  const effect = snap.applyDelta(delta);
  refreshSupply(snap, effect.items);
  if (!snap.wasteful) return { snapshot: snap, effect };
  return { snapshot: finishBuild(snap.compacted()), effect };
}

/** The engine over a ChainGraph (tests, fixtures, a graph handed in whole). */
export function engineOf(graph: ChainGraph, version = 0, extra: readonly EdgeRecord[] = []): GraphSnapshot {
  const snap = new GraphSnapshot(version, graph.homeCountry);
  for (const node of graph.nodes.values()) snap.addNode(node as unknown as SnapshotNodeInput);
  for (const edge of [...graph.edges, ...extra]) snap.addEdge(edge as unknown as SnapshotEdgeInput);
  return finishBuild(snap);
}

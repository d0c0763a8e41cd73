// Hand-made graphs for the metric tests. Each builder returns a ChainGraph; the expected numbers
// are worked out by hand in the test files that use them.

import { chainGraph, type ChainGraph } from '../model/graph.js';
import type { EdgeRecord, NodeRecord } from '../model/records.js';
import { engineOf } from './engine.js';
import type { GraphSnapshot } from './graph-snapshot.js';

export function n(id: string, kind: NodeRecord['kind'], extra: Record<string, unknown> = {}): NodeRecord {
  return { id, kind, name: id, nameFa: id, ...extra } as NodeRecord;
}

export function e(type: EdgeRecord['type'], from: string, to: string, extra: Record<string, unknown> = {}): EdgeRecord {
  return { type, from, to, ...extra } as EdgeRecord;
}

/** DOMAIN.md's worked example. */
export function workedExample(): ChainGraph {
  return chainGraph(
    [
      n('mine:a', 'Mine', { country: 'IR' }),
      n('ore', 'Product', { stage: 'ORE', unitValueUsd: 40 }),
      n('plant:pellet', 'Plant', { country: 'IR' }),
      n('pellet', 'Product', { stage: 'INTERMEDIATE', unitValueUsd: 100 }),
      n('supplier:cn', 'Supplier', { country: 'CN' }),
      n('electrode', 'Part', { unitValueUsd: 5000 }),
      n('plant:steel', 'Plant', { country: 'IR' }),
      n('supplier:tr', 'Supplier', { country: 'TR' }),
      n('steel', 'Product', { stage: 'SEMI_FINISHED', unitValueUsd: 500 }),
    ],
    [
      e('EXTRACTS', 'mine:a', 'ore', { capacityTpy: 1000 }),
      e('FEEDS', 'ore', 'plant:pellet', { quantityPerUnit: 1.5 }),
      e('PRODUCES', 'plant:pellet', 'pellet', { capacityTpy: 600 }),
      e('SUPPLIES', 'supplier:cn', 'electrode', { volumePerYear: 2 }),
      e('FEEDS', 'pellet', 'plant:steel', { quantityPerUnit: 1.4, valueShare: 0.5 }),
      e('FEEDS', 'electrode', 'plant:steel', { quantityPerUnit: 0.01 }),
      e('PRODUCES', 'plant:steel', 'steel', { share: 0.8, capacityTpy: 400 }),
      e('SUPPLIES', 'supplier:tr', 'steel', { share: 0.2, volumePerYear: 100 }),
    ],
  );
}

const engines = new WeakMap<ChainGraph, GraphSnapshot>();

/** The engine over a test graph, built once per graph object. */
export function on(graph: ChainGraph): GraphSnapshot {
  let snap = engines.get(graph);
  if (!snap) engines.set(graph, (snap = engineOf(graph)));
  return snap;
}

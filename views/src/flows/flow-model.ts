// The flows view's picture is the server's `valueFlows` answer (src/analytics/value-flows.ts): the
// value rule lives there, beside importContent, so the Sankey and the reports never disagree.
// This module only turns the GraphQL answer into what the drawing code reads. Pure: no DOM.

import type { NodeKind } from '../shared/chain.js';

export const DEFAULT_MIN_SHARE = 0.02;

export type FlowRole = 'NODE' | 'OTHER_IMPORTS' | 'OTHER_HOME' | 'VALUE_ADDED';

/** `valueFlows { … }` as operations.graphql asks for it. */
export interface ValueFlowsAnswer {
  item: { id: string; name: string; nameFa: string; unit?: string | null };
  unitValueUsd: number | null;
  total: number;
  imported: number;
  importedShare: number;
  cutLoops: number;
  merged: number;
  nodes: {
    key: string;
    role: FlowRole;
    node: { id: string; kind: NodeKind } | null;
    name: string;
    nameFa: string;
    foreign: boolean;
    importShare: number;
    value: number;
    valueAdded: number;
    count: number;
  }[];
  links: FlowLink[];
}

export interface FlowNode {
  key: string;
  /** The graph node; null for the gathered and value-added nodes. */
  id: string | null;
  kind: NodeKind | null;
  name: string;
  nameFa: string;
  foreign: boolean;
  importShare: number;
  value: number;
  valueAdded: number;
  /** A node gathering what is under the threshold, imported or not. */
  other?: 'imports' | 'home';
  count?: number;
  /** The value added where the root itself is made. */
  added?: boolean;
}

export interface FlowLink {
  source: string;
  target: string;
  value: number;
  importShare: number;
}

export interface FlowModel {
  rootId: string;
  unit: string | null;
  unitValueUsd: number | null;
  total: number;
  imported: number;
  nodes: FlowNode[];
  links: FlowLink[];
  cutLoops: number;
  merged: number;
}

export function flowModel(answer: ValueFlowsAnswer): FlowModel {
  return {
    rootId: answer.item.id,
    unit: answer.item.unit ?? null,
    unitValueUsd: answer.unitValueUsd,
    total: answer.total,
    imported: answer.imported,
    nodes: answer.nodes.map((n) => ({
      key: n.key,
      id: n.node?.id ?? null,
      kind: n.node?.kind ?? null,
      name: n.name,
      nameFa: n.nameFa,
      foreign: n.foreign,
      importShare: n.importShare,
      value: n.value,
      valueAdded: n.valueAdded,
      ...(n.role === 'OTHER_IMPORTS' ? { other: 'imports' as const, count: n.count } : {}),
      ...(n.role === 'OTHER_HOME' ? { other: 'home' as const, count: n.count } : {}),
      ...(n.role === 'VALUE_ADDED' ? { added: true } : {}),
    })),
    links: answer.links.map((l) => ({ ...l })),
    cutLoops: answer.cutLoops,
    merged: answer.merged,
  };
}

// The flows view's picture is the server's `valueFlows` answer (src/analytics/value-flows.ts): the
// value rule lives there, beside importContent, so the Sankey and the reports never disagree.
// These are the answer's shapes, as operations.graphql asks for them; the page draws them as they are.

import type { NodeKind } from '../shared/chain.js';

export const DEFAULT_MIN_SHARE = 0.02;

export type FlowRole = 'NODE' | 'OTHER_IMPORTS' | 'OTHER_HOME' | 'VALUE_ADDED';

export interface FlowNode {
  /** What links name: the node id, or a key of its own for a synthetic node. */
  key: string;
  role: FlowRole;
  /** The graph node; null for the gathered and value-added nodes. */
  node: { id: string; kind: NodeKind } | null;
  name: string;
  nameFa: string;
  foreign: boolean;
  importShare: number;
  value: number;
  valueAdded: number;
  /** For OTHER_* nodes: how many nodes they gather. */
  count: number;
  /** For OTHER_* nodes: the nodes they gather, largest part first. */
  members: FlowMember[];
}

export interface FlowMember {
  key: string;
  name: string;
  nameFa: string;
  /** What it passes on through the group. */
  value: number;
  /** Its own value (under minShare × total). */
  nodeValue: number;
}

export interface FlowLink {
  source: string;
  target: string;
  value: number;
  importShare: number;
}

/** `valueFlows { … }`. */
export interface ValueFlows {
  item: { id: string; name: string; nameFa: string; unit?: string | null };
  unitValueUsd: number | null;
  total: number;
  imported: number;
  importedShare: number;
  cutLoops: number;
  merged: number;
  nodes: FlowNode[];
  links: FlowLink[];
}

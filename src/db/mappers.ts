// Database records to domain objects, one mapper per shape. Properties whose names start with
// "_" are derived by Zanjir (search keys) and never leave this layer.

import { ENTITY_LABEL, isEdgeType, isNodeKind, type EdgeType, type NodeKind } from '../model/kinds.js';
import type { EdgeRecord, NodeRecord, PropertyValue } from '../model/records.js';
import type { Plain, PlainNode } from './values.js';

export function toNodeRecord(value: Plain): NodeRecord {
  const node = value as unknown as PlainNode;
  const kind = node.labels.find((l) => l !== ENTITY_LABEL && isNodeKind(l)) as NodeKind | undefined;
  if (!kind) throw new Error(`node ${String(node.properties.id)} has no known kind label (${node.labels.join(', ')})`);
  return { ...publicProperties(node.properties), kind } as NodeRecord;
}

export function toEdgeRecord(type: Plain, from: Plain, to: Plain, props: Plain): EdgeRecord {
  if (!isEdgeType(type)) throw new Error(`unknown relationship type ${String(type)}`);
  return { ...publicProperties(props as Record<string, Plain>), type: type as EdgeType, from: String(from), to: String(to) };
}

export function publicProperties(props: Record<string, Plain>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(props)) {
    if (!key.startsWith('_') && value !== null) out[key] = value as PropertyValue;
  }
  return out;
}

/** The data sets that wrote a record (its derived `_datasets`), or null when none did. */
export function datasetsOf(props: Record<string, Plain>): string[] | null {
  const value = props._datasets;
  return Array.isArray(value) && value.length > 0 ? value.map(String) : null;
}

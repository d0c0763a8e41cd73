// Turns what the driver returns into plain JSON-ready values: Integers to numbers, temporal
// values to ISO strings, nodes and relationships to plain objects. Nothing outside src/db sees a
// driver type.

import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime, isPoint, isNode, isRelationship, isPath } from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export interface PlainNode {
  elementId: string;
  labels: string[];
  properties: Record<string, Plain>;
}

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as neo4j.Integer).inSafeRange() ? (value as neo4j.Integer).toNumber() : (value as neo4j.Integer).toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (isNode(value as never)) {
    const n = value as neo4j.Node;
    return { elementId: n.elementId, labels: [...n.labels], properties: toPlainMap(n.properties) };
  }
  if (isRelationship(value as never)) {
    const r = value as neo4j.Relationship;
    return { elementId: r.elementId, type: r.type, start: r.startNodeElementId, end: r.endNodeElementId, properties: toPlainMap(r.properties) };
  }
  if (isPath(value as never)) {
    const p = value as neo4j.Path;
    return { start: toPlain(p.start), end: toPlain(p.end), segments: p.segments.map((s) => ({ start: toPlain(s.start), relationship: toPlain(s.relationship), end: toPlain(s.end) })) } as Plain;
  }
  if (isDate(value as never) || isDateTime(value as never) || isLocalDateTime(value as never) || isTime(value as never) || isLocalTime(value as never) || isDuration(value as never) || isPoint(value as never)) {
    return String(value);
  }
  if (typeof value === 'object') return toPlainMap(value as Record<string, unknown>);
  return String(value);
}

export function toPlainMap(o: Record<string, unknown>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(o)) out[k] = toPlain(v);
  return out;
}

// One storage type per property name, from the record schemas: what CSV headers and GraphML keys
// declare. Lists are string lists (aliases, sources).

import { EDGE_PROPERTIES, EDGE_SCHEMAS, NODE_PROPERTIES, NODE_SCHEMAS } from '../../model/records.js';
import { z } from 'zod';

export type PropertyType = 'string' | 'double' | 'boolean' | 'string[]';

function typeOf(schema: z.ZodTypeAny): PropertyType {
  let s: z.ZodTypeAny = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    else if (s instanceof z.ZodEffects) s = s.innerType();
    else break;
  }
  if (s instanceof z.ZodNumber) return 'double';
  if (s instanceof z.ZodBoolean) return 'boolean';
  if (s instanceof z.ZodArray) return 'string[]';
  return 'string';
}

function collect(schemas: Record<string, z.AnyZodObject>, names: Record<string, string[]>, skip: string[]): Map<string, PropertyType> {
  const out = new Map<string, PropertyType>();
  for (const [kind, props] of Object.entries(names)) {
    for (const p of props) {
      if (skip.includes(p) || out.has(p)) continue;
      out.set(p, typeOf(schemas[kind]!.shape[p]));
    }
  }
  return out;
}

/** Node properties (besides id and kind) with their types, in a stable order. */
export const NODE_PROPERTY_TYPES = collect(NODE_SCHEMAS as unknown as Record<string, z.AnyZodObject>, NODE_PROPERTIES, ['id', 'kind']);
/** Edge properties (besides type, from, to) with their types. */
export const EDGE_PROPERTY_TYPES = collect(EDGE_SCHEMAS as unknown as Record<string, z.AnyZodObject>, EDGE_PROPERTIES, ['type', 'from', 'to']);

/** The properties one kind or type can hold, in the same stable order. */
export function propertiesOf(all: Map<string, PropertyType>, allowed: readonly string[]): [string, PropertyType][] {
  return [...all].filter(([name]) => allowed.includes(name));
}

// The records of the zanjir/1 interchange format (docs/interchange.md) and their validation.
// Pure: no I/O. The importer feeds records one at a time, so a million-record file is checked
// without holding it whole; cross-record rules (endpoints, duplicates) are in document-check.ts.

import { z } from 'zod';
import {
  EDGE_TYPES,
  NODE_KINDS,
  PROJECT_STATUSES,
  SITE_STATUSES,
  STAGES,
  type EdgeType,
  type NodeKind,
} from './kinds.js';
import { toIsoDate } from './jalali.js';
import { CATEGORY_CODES, type Category } from './categories.js';

export type PropertyValue = string | number | boolean | string[];

/** A node as the graph holds it: identity, names, and the kind's own properties, flat. */
export interface NodeRecord {
  id: string;
  kind: NodeKind;
  name: string;
  nameFa: string;
  [property: string]: PropertyValue | undefined;
}

/** An edge as the graph holds it. */
export interface EdgeRecord {
  type: EdgeType;
  from: string;
  to: string;
  [property: string]: PropertyValue | undefined;
}

export const FORMAT = 'zanjir/1';
export const DEFAULT_HOME_COUNTRY = 'IR';

/**
 * Ids are readable ASCII (`mine:gol-e-gohar`): letters, digits and . _ : / - + only, so a
 * look-alike (a Cyrillic "у" for "y") can never name a second node that reads the same.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/+-]*$/;
/** Bounds on what a record may hold: far beyond real data, well inside Neo4j's index key limits. */
export const LIMITS = { idLength: 200, nameLength: 300, aliases: 20, shortText: 1_000, longText: 10_000, documentText: 2_000_000, maxNumber: 1e15 } as const;

const id = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`)
  .regex(ID_PATTERN, 'must be plain ASCII: letters, digits and . _ : / - + (like mine:gol-e-gohar), starting with a letter or digit');
/** Free text of a given maximum length. */
const textUpTo = (max: number) => z.string({ invalid_type_error: 'must be a string' }).max(max, `must be at most ${max} characters`);
const text = textUpTo(LIMITS.shortText);
const longText = textUpTo(LIMITS.longText);
const requiredText = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`);
const nonNegative = z
  .number({ invalid_type_error: 'must be a number' })
  .finite('must be finite')
  .nonnegative('must not be negative')
  .max(LIMITS.maxNumber, `must be at most ${LIMITS.maxNumber.toExponential()} (a larger figure is a typo or a unit mistake)`);
const fraction = z
  .number({ invalid_type_error: 'must be a number' })
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1');
const country = z
  .string({ invalid_type_error: 'must be a string' })
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, like IR or CN');
const isoDate = z
  .string({ invalid_type_error: 'must be a string' })
  .transform((value, ctx) => {
    const iso = toIsoDate(value);
    if (iso === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a date: YYYY-MM-DD, or Solar Hijri like 1401/05/26' });
      return z.NEVER;
    }
    return iso;
  });
const idList = z.array(id, { invalid_type_error: 'must be a list of ids' });

const nodeBase = {
  id,
  name: requiredText,
  nameFa: requiredText,
  aliases: z.array(requiredText.refine((a) => !a.includes(';'), "must not contain ';' (it separates list items in CSV and GraphML exports)"), { invalid_type_error: 'must be a list of strings' }).max(LIMITS.aliases, `must hold at most ${LIMITS.aliases} names`).optional(),
  sources: idList.optional(),
  estimate: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
  note: longText.optional(),
};

const itemProps = {
  unit: text.optional(),
  unitValueUsd: nonNegative.optional(),
  hsCode: text.optional(),
  finalDemand: nonNegative.optional(),
  category: z.enum(CATEGORY_CODES as [Category, ...Category[]]).optional(),
};

export const NODE_SCHEMAS = {
  Mine: z.object({
    ...nodeBase,
    kind: z.literal('Mine'),
    commodity: text.optional(),
    province: text.optional(),
    country: country.optional(),
    capacityTpy: nonNegative.optional(),
    reservesMt: nonNegative.optional(),
    status: z.enum(SITE_STATUSES).optional(),
  }),
  Product: z.object({ ...nodeBase, ...itemProps, kind: z.literal('Product'), stage: z.enum(STAGES).optional() }),
  Plant: z.object({
    ...nodeBase,
    kind: z.literal('Plant'),
    operator: text.optional(),
    province: text.optional(),
    country: country.optional(),
    status: z.enum(SITE_STATUSES).optional(),
  }),
  Part: z.object({ ...nodeBase, ...itemProps, kind: z.literal('Part') }),
  Supplier: z.object({
    ...nodeBase,
    kind: z.literal('Supplier'),
    country: country.optional(),
    province: text.optional(),
    knowledgeBased: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
  }),
  Project: z.object({
    ...nodeBase,
    kind: z.literal('Project'),
    owner: text.optional(),
    progress: fraction.optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
    budget: nonNegative.optional(),
    startedAt: isoDate.optional(),
  }),
  Source: z.object({
    ...nodeBase,
    kind: z.literal('Source'),
    title: text.optional(),
    publisher: text.optional(),
    url: text.optional(),
    publishedAt: isoDate.optional(),
    lang: text.optional(),
    text: textUpTo(LIMITS.documentText).optional(),
  }),
} satisfies Record<NodeKind, z.ZodTypeAny>;

const edgeBase = {
  from: id,
  to: id,
  estimate: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
  note: longText.optional(),
  sources: idList.optional(),
};

export const EDGE_SCHEMAS = {
  EXTRACTS: z.object({ ...edgeBase, type: z.literal('EXTRACTS'), capacityTpy: nonNegative.optional(), share: fraction.optional() }),
  PRODUCES: z.object({ ...edgeBase, type: z.literal('PRODUCES'), capacityTpy: nonNegative.optional(), share: fraction.optional() }),
  SUPPLIES: z.object({
    ...edgeBase,
    type: z.literal('SUPPLIES'),
    volumePerYear: nonNegative.optional(),
    share: fraction.optional(),
    originCountry: country.optional(),
  }),
  FEEDS: z.object({
    ...edgeBase,
    type: z.literal('FEEDS'),
    quantityPerUnit: nonNegative.optional(),
    valueShare: fraction.optional(),
    output: id.optional(),
  }),
  COMPONENT_OF: z.object({
    ...edgeBase,
    type: z.literal('COMPONENT_OF'),
    quantity: nonNegative.optional(),
    valueShare: fraction.optional(),
  }),
  LOCALIZES: z.object({
    ...edgeBase,
    type: z.literal('LOCALIZES'),
    // DOMAIN.md, Foreign currency: the units a year the project adds, and the import share of
    // its inputs when the item has no modelled home recipe.
    capacityTpy: nonNegative.optional(),
    inputImportShare: fraction.optional(),
  }),
  CITES: z.object({ ...edgeBase, type: z.literal('CITES'), quote: longText.optional() }),
  MENTIONS: z.object({ ...edgeBase, type: z.literal('MENTIONS') }),
} satisfies Record<EdgeType, z.ZodTypeAny>;

/** Properties each kind or type may hold, for mappers and exporters (typed columns, GraphML keys). */
export const NODE_PROPERTIES: Record<NodeKind, string[]> = mapValues(NODE_SCHEMAS, (s) => Object.keys(s.shape));
export const EDGE_PROPERTIES: Record<EdgeType, string[]> = mapValues(EDGE_SCHEMAS, (s) => Object.keys(s.shape));

export interface RecordProblem {
  /** Dotted path inside the record, e.g. "share"; empty for the record as a whole. */
  field: string;
  message: string;
}

export type RecordResult<T> = { ok: true; record: T } | { ok: false; problems: RecordProblem[] };

export function parseNode(raw: unknown): RecordResult<NodeRecord> {
  if (!isPlainObject(raw)) return fail('', 'a node must be a JSON object');
  const kind = raw.kind;
  if (kind === undefined) return fail('kind', `is required: one of ${NODE_KINDS.join(', ')}`);
  if (typeof kind !== 'string' || !Object.hasOwn(NODE_SCHEMAS, kind)) {
    return fail('kind', `unknown kind ${brief(kind)}: expected one of ${NODE_KINDS.join(', ')}`);
  }
  const schema: z.ZodTypeAny = NODE_SCHEMAS[kind as NodeKind].strict();
  return fromZod<NodeRecord>(schema.safeParse(raw));
}

export function parseEdge(raw: unknown): RecordResult<EdgeRecord> {
  if (!isPlainObject(raw)) return fail('', 'an edge must be a JSON object');
  const type = raw.type;
  if (type === undefined) return fail('type', `is required: one of ${EDGE_TYPES.join(', ')}`);
  if (typeof type !== 'string' || !Object.hasOwn(EDGE_SCHEMAS, type)) {
    return fail('type', `unknown edge type ${brief(type)}: expected one of ${EDGE_TYPES.join(', ')}`);
  }
  const schema: z.ZodTypeAny = EDGE_SCHEMAS[type as EdgeType].strict();
  return fromZod<EdgeRecord>(schema.safeParse(raw));
}

/** The key that identifies an edge: one edge per (type, from, to), and per output for FEEDS. */
export function edgeKey(edge: Pick<EdgeRecord, 'type' | 'from' | 'to'> & { output?: unknown }): string {
  const output = edge.type === 'FEEDS' && typeof edge.output === 'string' ? edge.output : '';
  return `${edge.type}\u0000${edge.from}\u0000${edge.to}\u0000${output}`;
}

/** The properties stored on a node beyond its identity (id and kind live in the label and key). */
export function nodeProperties(node: NodeRecord): Record<string, PropertyValue> {
  const { kind: _kind, ...rest } = node;
  return dropUndefined(rest);
}

export function edgeProperties(edge: EdgeRecord): Record<string, PropertyValue> {
  const { type: _type, from: _from, to: _to, ...rest } = edge;
  return dropUndefined(rest);
}

function dropUndefined(o: Record<string, PropertyValue | undefined>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

function fromZod<T>(result: z.SafeParseReturnType<unknown, unknown>): RecordResult<T> {
  if (result.success) return { ok: true, record: result.data as T };
  return { ok: false, problems: result.error.issues.map(describeIssue) };
}

function describeIssue(issue: z.ZodIssue): RecordProblem {
  const field = issue.path.join('.');
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const keys = issue.keys.slice(0, 10).map((k) => brief(k));
    return { field: '', message: `unknown propert${issue.keys.length > 1 ? 'ies' : 'y'} ${keys.join(', ')}${issue.keys.length > 10 ? ` and ${issue.keys.length - 10} more` : ''}` };
  }
  if (issue.code === z.ZodIssueCode.invalid_enum_value) {
    return { field, message: `must be one of ${issue.options.join(', ')} (got ${brief(issue.received)})` };
  }
  if (issue.code === z.ZodIssueCode.invalid_type && issue.received === 'undefined') {
    return { field, message: 'is required' };
  }
  return { field, message: issue.message };
}

/**
 * A value quoted in a message, cut short: a megabyte of bad input must not come back in the
 * error (twice), only enough of it to recognise.
 */
export function brief(value: unknown, max = 60): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(typeof value));
  } catch {
    text = `a ${typeof value}`;
  }
  return text.length > max ? `${text.slice(0, max)}…" (${text.length} characters)` : text;
}

function fail(field: string, message: string): { ok: false; problems: RecordProblem[] } {
  return { ok: false, problems: [{ field, message }] };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mapValues<K extends string, A, B>(o: Record<K, A>, f: (a: A) => B): Record<K, B> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as A)])) as Record<K, B>;
}

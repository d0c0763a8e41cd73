// The records of the zanjir/1 interchange format (docs/interchange.md) and their validation.
// Pure: no I/O. The importer feeds records one at a time, so a million-record file is checked
// without holding it whole; cross-record rules (endpoints, duplicates) are in document-check.ts.

import { z } from 'zod';
import {
  EDGE_TYPES,
  NODE_KINDS,
  ORGANIZATION_TYPES,
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
export const LIMITS = { idLength: 200, nameLength: 300, aliases: 20, shortText: 1_000, longText: 10_000, documentText: 2_000_000, maxNumber: 1e15, sanctions: 50, riskFlags: 20, flagLength: 100, memberCount: 10_000_000 } as const;

const id = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`)
  .regex(ID_PATTERN, 'must be plain ASCII: letters, digits and . _ : / - + (like mine:gol-e-gohar), starting with a letter or digit');
/**
 * Control characters (C0, DEL, C1) would drive the terminal of whoever prints a record (`zanjir
 * report`: colours, titles, cleared screens) and NUL breaks C tools: names take none, free text
 * only line breaks and tabs.
 */
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Free text of a given maximum length. */
const textUpTo = (max: number) =>
  z
    .string({ invalid_type_error: 'must be a string' })
    .max(max, `must be at most ${max} characters`)
    .refine((t) => !CONTROL_IN_TEXT.test(t), 'must not contain control characters (line breaks and tabs are fine)');
const text = textUpTo(LIMITS.shortText);
const longText = textUpTo(LIMITS.longText);
const requiredText = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`)
  .refine((t) => !CONTROL_IN_NAME.test(t), 'must not contain control characters');
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

/**
 * `asOf`: the year, month or day a record's figures describe (docs/domain.md, Dates): 2019,
 * "2019", "2019-03", "2019-03-20" or a Solar Hijri date (1397/12/29), stored as text that sorts
 * in time order ("2019" < "2019-03" < "2019-03-20").
 */
export function toAsOf(value: unknown): string | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (text === null) return null;
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    return year >= 1800 && year <= 2200 ? text : null;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    return year >= 1800 && year <= 2200 && m >= 1 && m <= 12 ? text : null;
  }
  const iso = toIsoDate(text);
  return iso && Number(iso.slice(0, 4)) >= 1800 && Number(iso.slice(0, 4)) <= 2200 ? iso : null;
}
const asOf = z
  .union([z.number(), z.string()], { invalid_type_error: 'must be a year (2019), a month (2019-03) or a date (2019-03-20, or Solar Hijri 1397/12/29)' })
  .transform((value, ctx) => {
    const v = toAsOf(value);
    if (v === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a year (2019), a month (2019-03) or a date (2019-03-20, or Solar Hijri 1397/12/29), between 1800 and 2200' });
      return z.NEVER;
    }
    return v;
  });
const shortLabel = z
  .string({ invalid_type_error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.flagLength, `must be at most ${LIMITS.flagLength} characters`)
  .refine((a) => !a.includes(';'), "must not contain ';' (it separates list items in CSV and GraphML exports)");

/** A node that stands for many firms or sites (docs/domain.md, Groups). */
const groupProps = {
  group: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
  memberCount: z
    .number({ invalid_type_error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(LIMITS.memberCount, `must be at most ${LIMITS.memberCount}`)
    .optional(),
};

/**
 * Sanctions, stored as three lists of the same length (Neo4j properties cannot hold maps): entry i
 * is `sanctionRegimes[i]`, listed at `sanctionListedAt[i]` ("" when unknown), according to Source
 * `sanctionSources[i]` ("" when none). Documents may give them in this form or as
 * `sanctions: [{ regime, listedAt, source }]` (parseNode converts).
 */
const sanctionProps = {
  sanctionRegimes: z.array(shortLabel, { invalid_type_error: 'must be a list of strings' }).max(LIMITS.sanctions, `must hold at most ${LIMITS.sanctions} entries`).optional(),
  sanctionListedAt: z.array(z.string({ invalid_type_error: 'must be a string' }).max(10, 'must be a date or ""'), { invalid_type_error: 'must be a list of strings' }).max(LIMITS.sanctions).optional(),
  sanctionSources: z.array(z.string({ invalid_type_error: 'must be a string' }).max(LIMITS.idLength), { invalid_type_error: 'must be a list of strings' }).max(LIMITS.sanctions).optional(),
  riskFlags: z.array(shortLabel, { invalid_type_error: 'must be a list of strings' }).max(LIMITS.riskFlags, `must hold at most ${LIMITS.riskFlags} flags`).optional(),
};

const SANCTION_SCHEMA = z
  .object({
    regime: shortLabel,
    listedAt: asOf.optional(),
    source: id.optional(),
  })
  .strict();

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
  asOf: asOf.optional(),
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
    asOf: asOf.optional(),
    ...groupProps,
  }),
  Product: z.object({ ...nodeBase, ...itemProps, kind: z.literal('Product'), stage: z.enum(STAGES).optional() }),
  Plant: z.object({
    ...nodeBase,
    kind: z.literal('Plant'),
    operator: text.optional(),
    province: text.optional(),
    country: country.optional(),
    status: z.enum(SITE_STATUSES).optional(),
    asOf: asOf.optional(),
    ...groupProps,
  }),
  Part: z.object({ ...nodeBase, ...itemProps, kind: z.literal('Part') }),
  Supplier: z.object({
    ...nodeBase,
    kind: z.literal('Supplier'),
    country: country.optional(),
    province: text.optional(),
    knowledgeBased: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
    asOf: asOf.optional(),
    ...groupProps,
    ...sanctionProps,
  }),
  Project: z.object({
    ...nodeBase,
    kind: z.literal('Project'),
    owner: text.optional(),
    progress: fraction.optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
    budget: nonNegative.optional(),
    // DOMAIN.md, "A jobs floor": jobs the project creates when finished.
    jobs: nonNegative.optional(),
    startedAt: isoDate.optional(),
    expectedCompletion: asOf.optional(),
    asOf: asOf.optional(),
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
  Organization: z.object({
    ...nodeBase,
    kind: z.literal('Organization'),
    type: z.enum(ORGANIZATION_TYPES).optional(),
    country: country.optional(),
    province: text.optional(),
    url: text.optional(),
    asOf: asOf.optional(),
    ...groupProps,
    ...sanctionProps,
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
  EXTRACTS: z.object({ ...edgeBase, type: z.literal('EXTRACTS'), capacityTpy: nonNegative.optional(), share: fraction.optional(), asOf: asOf.optional() }),
  PRODUCES: z.object({ ...edgeBase, type: z.literal('PRODUCES'), capacityTpy: nonNegative.optional(), share: fraction.optional(), asOf: asOf.optional() }),
  SUPPLIES: z.object({
    ...edgeBase,
    asOf: asOf.optional(),
    type: z.literal('SUPPLIES'),
    volumePerYear: nonNegative.optional(),
    share: fraction.optional(),
    originCountry: country.optional(),
  }),
  FEEDS: z.object({
    ...edgeBase,
    type: z.literal('FEEDS'),
    asOf: asOf.optional(),
    quantityPerUnit: nonNegative.optional(),
    valueShare: fraction.optional(),
    output: id.optional(),
  }),
  COMPONENT_OF: z.object({
    ...edgeBase,
    type: z.literal('COMPONENT_OF'),
    asOf: asOf.optional(),
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
    asOf: asOf.optional(),
  }),
  CITES: z.object({ ...edgeBase, type: z.literal('CITES'), quote: longText.optional() }),
  MENTIONS: z.object({ ...edgeBase, type: z.literal('MENTIONS') }),
  OPERATES: z.object({ ...edgeBase, type: z.literal('OPERATES'), asOf: asOf.optional() }),
  // An OWNS edge without a share is a subsidiary whose share the data does not give (docs/domain.md).
  OWNS: z.object({ ...edgeBase, type: z.literal('OWNS'), share: fraction.optional(), asOf: asOf.optional() }),
  IS: z.object({ ...edgeBase, type: z.literal('IS') }),
  RUNS: z.object({ ...edgeBase, type: z.literal('RUNS') }),
  MEMBER_OF: z.object({ ...edgeBase, type: z.literal('MEMBER_OF') }),
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
  if (raw.sanctions !== undefined) {
    const lists = sanctionLists(raw.sanctions, 'sanctionRegimes' in raw || 'sanctionListedAt' in raw || 'sanctionSources' in raw);
    if (!lists.ok) return lists;
    const { sanctions: _sanctions, ...rest } = raw;
    const parsed = fromZod<NodeRecord>(schema.safeParse({ ...rest, ...lists.record }));
    // A kind without sanctions: name the property the document used.
    if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => (p.message.includes('"sanction') ? { field: '', message: 'unknown property "sanctions"' } : p)) };
    return parsed;
  }
  const parsed = fromZod<NodeRecord>(schema.safeParse(raw));
  if (parsed.ok) {
    const r = parsed.record;
    const n = Array.isArray(r.sanctionRegimes) ? r.sanctionRegimes.length : 0;
    const lengths = [r.sanctionListedAt, r.sanctionSources].map((l) => (Array.isArray(l) ? l.length : n));
    if (lengths.some((l) => l !== n)) return fail('sanctionRegimes', 'sanctionRegimes, sanctionListedAt and sanctionSources must have the same length (one entry per sanction)');
  }
  return parsed;
}

/** One sanction: what a document or the API shows; stored as three parallel lists. */
export interface Sanction {
  regime: string;
  listedAt: string | null;
  source: string | null;
}

/** `sanctions: [{ regime, listedAt, source }]` → the three stored lists. */
function sanctionLists(value: unknown, alsoLists: boolean): RecordResult<Record<string, string[]>> {
  if (alsoLists) return fail('sanctions', 'give sanctions either as `sanctions` or as the three sanction* lists, not both');
  if (!Array.isArray(value)) return fail('sanctions', 'must be a list of { regime, listedAt, source }');
  if (value.length > LIMITS.sanctions) return fail('sanctions', `must hold at most ${LIMITS.sanctions} entries`);
  const problems: RecordProblem[] = [];
  const out = { sanctionRegimes: [] as string[], sanctionListedAt: [] as string[], sanctionSources: [] as string[] };
  value.forEach((entry, i) => {
    const r = SANCTION_SCHEMA.safeParse(entry);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const p = describeIssue(issue);
        problems.push({ field: `sanctions.${i}${p.field ? `.${p.field}` : ''}`, message: p.message });
      }
      return;
    }
    out.sanctionRegimes.push(r.data.regime);
    out.sanctionListedAt.push(r.data.listedAt ?? '');
    out.sanctionSources.push(r.data.source ?? '');
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record: out };
}

/** The sanctions a stored record holds, as entries. */
export function sanctionsOf(record: Record<string, unknown>): Sanction[] {
  const regimes = Array.isArray(record.sanctionRegimes) ? (record.sanctionRegimes as string[]) : [];
  const listed = Array.isArray(record.sanctionListedAt) ? (record.sanctionListedAt as string[]) : [];
  const sources = Array.isArray(record.sanctionSources) ? (record.sanctionSources as string[]) : [];
  return regimes.map((regime, i) => ({ regime, listedAt: listed[i] || null, source: sources[i] || null }));
}

/** A record in the interchange's friendlier shape: the three sanction lists as `sanctions`. */
export function withSanctionEntries<T extends Record<string, unknown>>(record: T): Record<string, unknown> {
  if (!Array.isArray(record.sanctionRegimes)) return record;
  const { sanctionRegimes: _r, sanctionListedAt: _l, sanctionSources: _s, ...rest } = record;
  const sanctions = sanctionsOf(record).map((s) => ({ regime: s.regime, ...(s.listedAt ? { listedAt: s.listedAt } : {}), ...(s.source ? { source: s.source } : {}) }));
  return { ...rest, sanctions };
}

/** Properties that are figures which change over time, per kind or type: what `asOf` dates. */
/** The one rule for "this record holds a figure": one of its kind's figure properties is a number. */
export function holdsFigure(values: readonly unknown[]): boolean {
  return values.some((v) => typeof v === 'number');
}

export const FIGURE_PROPERTIES: Partial<Record<NodeKind | EdgeType, readonly string[]>> = {
  Mine: ['capacityTpy', 'reservesMt'],
  Product: ['unitValueUsd', 'finalDemand'],
  Part: ['unitValueUsd', 'finalDemand'],
  Project: ['progress', 'budget', 'jobs'],
  EXTRACTS: ['capacityTpy', 'share'],
  PRODUCES: ['capacityTpy', 'share'],
  SUPPLIES: ['volumePerYear', 'share'],
  FEEDS: ['quantityPerUnit', 'valueShare'],
  COMPONENT_OF: ['quantity', 'valueShare'],
  LOCALIZES: ['capacityTpy', 'inputImportShare'],
  OWNS: ['share'],
};

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

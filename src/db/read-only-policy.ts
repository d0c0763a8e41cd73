// What researcher Cypher may do, decided on Neo4j's own plan of the query (EXPLAIN), never on its
// text: Neo4j plans LOAD CSV, SHOW/TERMINATE TRANSACTIONS, SHOW SETTINGS and many procedures as
// reads, so "read mode" is no access control. Every operator must be on an allow-list of pure
// graph reads, every procedure and namespaced function on a short list of harmless ones, and the
// whole plan must run against Zanjir's own database. Anything else is refused before it runs.

/** The plan as the driver hands it over (ResultSummary.plan), reduced to what the check reads. */
export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

/**
 * `scrub`: the plan only passes an introspection procedure's rows through (db.labels() and the
 * like), and its answer must go through scrubBookkeeping() before anyone sees it.
 */
export type PolicyVerdict = { allowed: true; scrub?: true } | { allowed: false; what: string; reason: string };

// Zanjir's own bookkeeping (API keys, the change log and feed, data set and import records, the
// meta node) lives in the graph under labels starting with `Zanjir`, and it has no relationships
// (every relationship type comes from EDGE_TYPES). Researchers must not read it (issue 22). What
// makes that sound: a bookkeeping node can be reached only by a node lookup, never by an expand,
// so (1) no lookup may name a bookkeeping label, (2) no lookup may go without a label (all nodes,
// by id, by element id, the all-nodes count), (3) the introspection procedures may only pass
// their rows through, which are then scrubbed; (4) as a last check, any answer holding a
// bookkeeping node is refused whole (bookkeepingInAnswer).
const BOOKKEEPING_PREFIX = 'Zanjir';
/** A label or type in a plan's Details or a query's text: `n:ZanjirApiKey`, `:Mine|ZanjirMeta`, `&!Zanjir…`. */
const BOOKKEEPING_NAME = /[:|&!]\s*`?(Zanjir\w*)/i;
/** Lookups that bind a node with no label: each could bind a bookkeeping node. */
const LABEL_LESS_LOOKUPS = new Set(['AllNodesScan', 'NodeByIdSeek', 'NodeByElementIdSeek']);
/** Procedures that describe the graph's labels and types: allowed only with their rows passed through. */
const INTROSPECTION_PROCEDURES = new Set(['db.labels', 'db.relationshipTypes', 'db.schema.visualization', 'db.schema.nodeTypeProperties', 'db.schema.relTypeProperties']);
/** What may sit around an introspection procedure: steps that keep or drop its rows, never change them. */
const PASS_THROUGH = new Set(['ProduceResults', 'ProcedureCall', 'Sort', 'Filter', 'Projection']);
/** A Projection that only renames columns: `label AS l, x AS y`. */
const RENAMES_ONLY = /^\s*(?:`?[\w]+`?\s+AS\s+`?[\w ]+`?\s*(?:,\s*|$))*$/;

const BOOKKEEPING_REASON = 'which could read Zanjir’s own bookkeeping (API keys, the change log, data set and import records), hidden from researchers';

/** Refuses a query whose text names a bookkeeping label or type, before it is planned. */
export function checkBookkeepingText(text: string): PolicyVerdict {
  const named = BOOKKEEPING_NAME.exec(text)?.[1];
  if (named) return { allowed: false, what: `the label ${named}`, reason: BOOKKEEPING_REASON };
  return { allowed: true };
}

/** Operators that only read the graph and compute on what they read. Names as Neo4j 5 plans them. */
const READ_OPERATORS = new Set([
  // leaves: scans and seeks
  'AllNodesScan', 'NodeByLabelScan', 'UnionNodeByLabelsScan', 'IntersectionNodeByLabelsScan', 'SubtractionNodeByLabelsScan',
  'NodeByIdSeek', 'NodeByElementIdSeek', 'NodeIndexSeek', 'NodeUniqueIndexSeek', 'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange', 'NodeIndexScan', 'NodeIndexContainsScan', 'NodeIndexEndsWithScan', 'MultiNodeIndexSeek',
  'AssertingMultiNodeIndexSeek', 'NodeCountFromCountStore', 'RelationshipCountFromCountStore',
  'DirectedRelationshipByIdSeek', 'UndirectedRelationshipByIdSeek', 'DirectedRelationshipByElementIdSeek',
  'UndirectedRelationshipByElementIdSeek', 'DirectedRelationshipTypeScan', 'UndirectedRelationshipTypeScan',
  'DirectedUnionRelationshipTypesScan', 'UndirectedUnionRelationshipTypesScan', 'DirectedAllRelationshipsScan',
  'UndirectedAllRelationshipsScan', 'DirectedRelationshipIndexSeek', 'UndirectedRelationshipIndexSeek',
  'DirectedRelationshipUniqueIndexSeek', 'UndirectedRelationshipUniqueIndexSeek', 'DirectedRelationshipIndexSeekByRange',
  'UndirectedRelationshipIndexSeekByRange', 'DirectedRelationshipUniqueIndexSeekByRange', 'UndirectedRelationshipUniqueIndexSeekByRange',
  'DirectedRelationshipIndexScan', 'UndirectedRelationshipIndexScan', 'DirectedRelationshipIndexContainsScan',
  'UndirectedRelationshipIndexContainsScan', 'DirectedRelationshipIndexEndsWithScan', 'UndirectedRelationshipIndexEndsWithScan',
  'Argument', 'ArgumentTracker',
  // traversal
  'Expand', 'OptionalExpand', 'VarLengthExpand', 'ShortestPath', 'StatefulShortestPath', 'Trail', 'Repeat',
  'ProjectEndpoints', 'TriadicSelection', 'TriadicBuild', 'TriadicFilter', 'BFSPruningVarExpand', 'NullifyMetadata',
  // rows: filter, project, order, page, aggregate
  'ProduceResults', 'Filter', 'Projection', 'CacheProperties', 'Limit', 'ExhaustiveLimit', 'Skip', 'Top', 'Top1WithTies',
  'PartialTop', 'Sort', 'PartialSort', 'Distinct', 'OrderedDistinct', 'EagerAggregation', 'OrderedAggregation', 'Unwind',
  'EmptyResult', 'Eager', 'Optional', 'Anti', 'AssertSameNode', 'AssertSameRelationship',
  // combining
  'Apply', 'SemiApply', 'AntiSemiApply', 'LetSemiApply', 'LetAntiSemiApply', 'SelectOrSemiApply', 'SelectOrAntiSemiApply',
  'LetSelectOrSemiApply', 'LetSelectOrAntiSemiApply', 'RollUpApply', 'ConditionalApply', 'AntiConditionalApply',
  'CartesianProduct', 'NodeHashJoin', 'ValueHashJoin', 'NodeLeftOuterHashJoin', 'NodeRightOuterHashJoin', 'Union', 'OrderedUnion',
  // procedures: allowed only by name, below
  'ProcedureCall',
]);

/** Procedures that describe or search the graph and nothing else. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
]);

/** Namespaces of built-in functions that compute on values (dates, points, vectors). */
const ALLOWED_FUNCTION_NAMESPACES = ['date', 'datetime', 'localdatetime', 'time', 'localtime', 'duration', 'point', 'vector'];

const NAMESPACED_CALL = /(?<![\w.`$])([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+)\s*\(/g;

/** Checks a whole plan; the first thing not allowed is named in the refusal. */
export function checkReadOnlyPlan(plan: PlanNode | null | undefined, database: string, options: { bookkeeping?: boolean } = {}): PolicyVerdict {
  if (!plan) return { allowed: false, what: 'a statement Neo4j gave no plan for', reason: 'which cannot be checked' };
  const stack: PlanNode[] = [plan];
  const families: string[] = [];
  let introspection: string | null = null;
  let procedures = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    const bookkeeping: PolicyVerdict = options.bookkeeping ? { allowed: true } : checkBookkeepingOperator(node);
    if (!bookkeeping.allowed) return bookkeeping;
    const verdict = checkOperator(node, database);
    if (!verdict.allowed) return verdict;
    const family = familyOf(node);
    families.push(family);
    if (family === 'ProcedureCall') {
      procedures += 1;
      const procedure = procedureOf(node);
      if (INTROSPECTION_PROCEDURES.has(procedure)) introspection = procedure;
    }
    if (family === 'Projection' && !RENAMES_ONLY.test(detailsOf(node))) families.push('Projection(computed)');
    stack.push(...(node.children ?? []));
  }
  if (introspection === null || options.bookkeeping) return { allowed: true };
  // Its rows are scrubbed of bookkeeping labels, which is sound only if each row reaches the
  // answer as the procedure gave it: no computation, aggregation, paging or second source.
  const other = families.find((f) => !PASS_THROUGH.has(f));
  if (other !== undefined || procedures > 1) {
    return {
      allowed: false,
      what: `${introspection}() with ${other ?? 'another procedure'}`,
      reason: 'and its rows may only be filtered, sorted or renamed (CALL … YIELD … WHERE … RETURN … ORDER BY …), so that Zanjir’s own bookkeeping labels can be left out of them',
    };
  }
  return { allowed: true, scrub: true };
}

function checkBookkeepingOperator(node: PlanNode): PolicyVerdict {
  const family = familyOf(node);
  const details = detailsOf(node);
  const named = BOOKKEEPING_NAME.exec(details)?.[1];
  if (named) return { allowed: false, what: `the label ${named}`, reason: BOOKKEEPING_REASON };
  if (LABEL_LESS_LOOKUPS.has(family)) {
    return { allowed: false, what: `a node lookup without a label (${family})`, reason: `${BOOKKEEPING_REASON}; start every pattern from a labelled node, such as (n:Entity) or (m:Mine)` };
  }
  // `MATCH (n) RETURN count(n)` is answered from the count store over all nodes, bookkeeping too.
  if (family === 'NodeCountFromCountStore' && !/\(\s*\w*\s*:\s*`?\w/.test(details)) {
    return { allowed: false, what: 'a count of all nodes (NodeCountFromCountStore)', reason: `${BOOKKEEPING_REASON}; count a label instead, such as (n:Entity)` };
  }
  if (family === 'ProcedureCall' && procedureOf(node) === 'db.propertyKeys') {
    return { allowed: false, what: 'the procedure db.propertyKeys', reason: `${BOOKKEEPING_REASON}, whose property keys it lists too; db.schema.nodeTypeProperties() lists the graph’s own` };
  }
  return { allowed: true };
}

function familyOf(node: PlanNode): string {
  return (node.operatorType.split('@')[0] ?? '').split('(')[0]!;
}

function procedureOf(node: PlanNode): string {
  return /^\s*([\w.]+)\s*\(/.exec(detailsOf(node))?.[1] ?? '';
}

/** True for a value (as values.ts toPlain gives it) that is or names bookkeeping. */
function isBookkeeping(value: unknown): boolean {
  if (typeof value === 'string') return /^:?`?Zanjir/.test(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as { labels?: unknown; type?: unknown };
  if (Array.isArray(v.labels) && v.labels.some((l) => typeof l === 'string' && l.startsWith(BOOKKEEPING_PREFIX))) return true;
  return typeof v.type === 'string' && v.type.startsWith(BOOKKEEPING_PREFIX);
}

/**
 * An introspection procedure's rows without bookkeeping: a row holding a bookkeeping label or
 * node as one of its values is dropped; inside lists (db.schema.visualization's nodes and
 * relationships, nodeTypeProperties' nodeLabels) the bookkeeping items are dropped.
 */
export function scrubBookkeeping<T>(rows: T[][]): T[][] {
  const clean = (value: unknown): unknown => (Array.isArray(value) ? value.filter((x) => !isBookkeeping(x)).map(clean) : value);
  return rows.filter((row) => !row.some(isBookkeeping)).map((row) => row.map(clean) as T[]);
}

/** Whether an answer holds a bookkeeping node or relationship anywhere (lists, maps, paths). */
export function bookkeepingInAnswer(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (!Array.isArray(value) && isBookkeeping(value)) return true;
  return Object.values(value).some(bookkeepingInAnswer);
}

function checkOperator(node: PlanNode, database: string): PolicyVerdict {
  const [name = '', db] = node.operatorType.split('@');
  if (db !== undefined && db !== database) {
    return { allowed: false, what: `the database "${db}"`, reason: `and researcher Cypher runs on "${database}" only` };
  }
  const family = name.split('(')[0]!;
  if (!READ_OPERATORS.has(family)) return { allowed: false, what: describeOperator(family), reason: 'which is not a pure read of the graph' };
  const details = detailsOf(node);
  if (family === 'ProcedureCall') {
    const procedure = procedureOf(node);
    if (!ALLOWED_PROCEDURES.has(procedure)) {
      return { allowed: false, what: `the procedure ${procedure || '(unnamed)'}`, reason: 'which is not on the allow-list' };
    }
    return { allowed: true };
  }
  for (const match of details.matchAll(NAMESPACED_CALL)) {
    const fn = match[1]!;
    if (!ALLOWED_FUNCTION_NAMESPACES.includes(fn.split('.')[0]!.toLowerCase())) {
      return { allowed: false, what: `the function ${fn}`, reason: 'which is not on the allow-list' };
    }
  }
  return { allowed: true };
}

function detailsOf(node: PlanNode): string {
  const args = node.arguments ?? {};
  const value = args.Details ?? args.details ?? '';
  return typeof value === 'string' ? value : String(value);
}

/** Names the clause behind an operator a researcher would recognise. */
function describeOperator(family: string): string {
  if (family === 'LoadCSV') return 'LOAD CSV (reading files and URLs)';
  if (/^Show/.test(family)) return `SHOW … (${family}: server and session information)`;
  if (/^Terminate/.test(family)) return 'TERMINATE TRANSACTIONS';
  if (/^(Create|Merge|Set|Delete|DetachDelete|Remove|Foreach|Transaction|Lock|Drop|Alter|Grant|Deny|Revoke|Start|Stop)/.test(family)) {
    return `${family} (a write or administration step)`;
  }
  if (family === 'SystemProcedureCall' || family === 'AdministrationCommand') return `${family} (an administration command)`;
  return `the plan step ${family}`;
}

/** Bounds on a researcher's Cypher parameters: an object of named values, not a payload. */
export const CYPHER_PARAMS = { maxKeys: 100, maxBytes: 1_000_000, maxDepth: 32 } as const;

/**
 * Why a researcher's `params` cannot be sent to Neo4j, or null when they can: they must be one
 * object (named parameters), with at most CYPHER_PARAMS.maxKeys names, nested at most maxDepth
 * deep, and at most maxBytes as JSON.
 */
export function cypherParamsProblem(params: unknown): string | null {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return `params must be an object of named parameters, like {"id": "product:steel"}; got ${Array.isArray(params) ? 'a list' : params === null ? 'null' : `a ${typeof params}`}.`;
  const names = Object.keys(params);
  if (names.length > CYPHER_PARAMS.maxKeys) return `params may name at most ${CYPHER_PARAMS.maxKeys} parameters; got ${names.length}.`;
  const tooDeep = (value: unknown, depth: number): boolean => {
    if (depth > CYPHER_PARAMS.maxDepth) return true;
    if (typeof value !== 'object' || value === null) return false;
    return Object.values(value).some((v) => tooDeep(v, depth + 1));
  };
  if (tooDeep(params, 0)) return `params are nested more than ${CYPHER_PARAMS.maxDepth} deep.`;
  const bytes = Buffer.byteLength(JSON.stringify(params), 'utf8');
  if (bytes > CYPHER_PARAMS.maxBytes) return `params are ${bytes.toLocaleString('en')} bytes as JSON; at most ${CYPHER_PARAMS.maxBytes.toLocaleString('en')}.`;
  return null;
}

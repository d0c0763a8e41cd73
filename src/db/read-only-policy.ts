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

export type PolicyVerdict = { allowed: true } | { allowed: false; what: string; reason: string };

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
  'db.propertyKeys',
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
export function checkReadOnlyPlan(plan: PlanNode | null | undefined, database: string): PolicyVerdict {
  if (!plan) return { allowed: false, what: 'a statement Neo4j gave no plan for', reason: 'which cannot be checked' };
  const stack: PlanNode[] = [plan];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const verdict = checkOperator(node, database);
    if (!verdict.allowed) return verdict;
    stack.push(...(node.children ?? []));
  }
  return { allowed: true };
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
    const procedure = /^\s*([\w.]+)\s*\(/.exec(details)?.[1] ?? '';
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

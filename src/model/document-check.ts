// Checks a zanjir/1 document record by record and then across records: duplicate ids, an id
// given two kinds, edge endpoints that are missing or of the wrong kind, duplicate edges.
// Records arrive one at a time (the importer streams), so only ids, kinds and edge keys are kept.

import { EDGE_ENDPOINTS, isNodeKind, type EdgeType, type NodeKind } from './kinds.js';
import { edgeKey, parseEdge, parseNode, type EdgeRecord, type NodeRecord } from './records.js';

/** One thing wrong with one record, located so a person can find it in the file. */
export interface Problem {
  /** Where the record is: "nodes[3]", "steel.json edges[12]", "line 17". */
  where: string;
  /** The record's id or edge, when known, to help find it. */
  record?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const at = p.record ? `${p.where} (${p.record})` : p.where;
  return `${at}: ${p.field ? `${p.field} ` : ''}${p.message}`;
}

interface EdgeRef {
  type: EdgeType;
  from: string;
  to: string;
  output?: string;
  sources?: string[];
  where: string;
}

interface NodeRef {
  kind: NodeKind;
  where: string;
  sources?: string[];
  /** Sources named by its sanctions. */
  sanctionSources?: string[];
}

export class DocumentChecker {
  readonly problems: Problem[] = [];
  private nodes = new Map<string, NodeRef>();
  private edges: EdgeRef[] = [];
  private edgeKeys = new Map<string, string>();
  /** Ids of node records that failed their own checks: edges naming them are not reported again. */
  private readonly invalidIds = new Map<string, NodeKind | undefined>();
  nodeCount = 0;
  edgeCount = 0;

  /** Checks one node record; returns it normalised (dates as ISO) when it is well formed. */
  addNode(raw: unknown, where: string): NodeRecord | undefined {
    this.nodeCount += 1;
    const rawId = idOf(raw);
    const result = parseNode(raw);
    if (!result.ok) {
      for (const p of result.problems) this.report({ where, record: rawId, field: p.field || undefined, message: p.message });
      if (rawId) this.invalidIds.set(rawId, kindOf(raw));
      return undefined;
    }
    const node = result.record;
    const previous = this.nodes.get(node.id);
    if (previous) {
      const message =
        previous.kind === node.kind
          ? `duplicate node: the same id is defined at ${previous.where}`
          : `id given two kinds: ${node.kind} here, ${previous.kind} at ${previous.where}`;
      this.report({ where, record: node.id, field: 'id', message });
      return undefined;
    }
    const sanctionSources = Array.isArray(node.sanctionSources) ? node.sanctionSources.filter((s) => s !== '') : [];
    this.nodes.set(node.id, { kind: node.kind, where, sources: node.sources as string[] | undefined, ...(sanctionSources.length > 0 ? { sanctionSources } : {}) });
    return node;
  }

  /** Checks one edge record's own shape; endpoints are checked in finish(). */
  addEdge(raw: unknown, where: string): EdgeRecord | undefined {
    this.edgeCount += 1;
    const result = parseEdge(raw);
    if (!result.ok) {
      for (const p of result.problems) this.report({ where, record: describeRawEdge(raw), field: p.field || undefined, message: p.message });
      return undefined;
    }
    const edge = result.record;
    const key = edgeKey(edge);
    const previous = this.edgeKeys.get(key);
    if (previous) {
      this.report({ where, record: describeEdge(edge), message: `duplicate edge: the same edge is defined at ${previous}` });
      return undefined;
    }
    this.edgeKeys.set(key, where);
    this.edges.push({
      type: edge.type,
      from: edge.from,
      to: edge.to,
      output: edge.output as string | undefined,
      sources: edge.sources as string[] | undefined,
      where,
    });
    return edge;
  }

  /** Every id the rest of the check needs a kind for: the document's nodes and what edges name. */
  idsToResolve(): string[] {
    const ids = new Set<string>(this.nodes.keys());
    for (const e of this.edges) {
      ids.add(e.from);
      ids.add(e.to);
      if (e.output) ids.add(e.output);
      for (const s of e.sources ?? []) ids.add(s);
    }
    for (const n of this.nodes.values()) for (const s of [...(n.sources ?? []), ...(n.sanctionSources ?? [])]) ids.add(s);
    return [...ids];
  }

  /** Ids defined by this document, with their kinds. */
  documentKinds(): ReadonlyMap<string, NodeKind> {
    return new Map([...this.nodes].map(([id, n]) => [id, n.kind]));
  }

  /**
   * Completes the check given the kinds already in the database for idsToResolve().
   * Returns every problem found, document order first.
   */
  finish(existing: ReadonlyMap<string, NodeKind>): Problem[] {
    for (const [id, node] of this.nodes) {
      const stored = existing.get(id);
      if (stored && stored !== node.kind) {
        this.report({ where: node.where, record: id, field: 'id', message: `id given two kinds: ${node.kind} here, ${stored} in the database` });
      }
      this.checkSources(node.sources, node.where, id, existing);
      this.checkSources(node.sanctionSources, node.where, id, existing, 'sanctions');
    }
    const kindOf = (id: string): NodeKind | undefined => this.nodes.get(id)?.kind ?? existing.get(id);
    for (const edge of this.edges) this.checkEndpoints(edge, kindOf);
    return this.problems;
  }

  private checkEndpoints(edge: EdgeRef, kindOf: (id: string) => NodeKind | undefined): void {
    const rule = EDGE_ENDPOINTS[edge.type];
    const record = describeEdge(edge);
    for (const end of ['from', 'to'] as const) {
      const kind = kindOf(edge[end]) ?? this.invalidIds.get(edge[end]);
      if (!kind && this.invalidIds.has(edge[end])) continue;
      if (!kind) {
        this.report({ where: edge.where, record, field: end, message: `names ${edge[end]}, which is neither in this import nor in the database` });
      } else if (!rule[end].includes(kind)) {
        this.report({
          where: edge.where,
          record,
          field: end,
          message: `${edge.type} must ${end === 'from' ? 'start at' : 'end at'} ${rule[end].join(' or ')}, but ${edge[end]} is a ${kind}`,
        });
      }
    }
    if (edge.output) {
      const kind = kindOf(edge.output);
      if (kind !== 'Product' && kind !== 'Part') {
        this.report({ where: edge.where, record, field: 'output', message: `must name a Product or Part the plant makes; ${edge.output} is ${kind ? `a ${kind}` : 'unknown'}` });
      }
    }
    this.checkSources(edge.sources, edge.where, record, { get: kindOf } as ReadonlyMap<string, NodeKind>);
  }

  private checkSources(sources: string[] | undefined, where: string, record: string, existing: Pick<ReadonlyMap<string, NodeKind>, 'get'>, field = 'sources'): void {
    for (const s of sources ?? []) {
      const kind = this.nodes.get(s)?.kind ?? existing.get(s);
      if (kind !== 'Source') {
        this.report({ where, record, field, message: `must ${field === 'sources' ? 'list' : 'name'} Source ids; ${s} is ${kind ? `a ${kind}` : 'unknown'}` });
      }
    }
  }

  /** Frees what the check kept per record (ids, edge keys) once finish() has run; the counts stay. */
  release(): void {
    this.nodes = new Map();
    this.edges = [];
    this.edgeKeys = new Map();
  }

  /** Records a problem found outside the record checks (a line that is not JSON, a header). */
  report(p: Problem): void {
    this.problems.push(p);
  }
}

function kindOf(raw: unknown): NodeKind | undefined {
  const kind = typeof raw === 'object' && raw !== null ? (raw as { kind?: unknown }).kind : undefined;
  return isNodeKind(kind) ? kind : undefined;
}

function idOf(raw: unknown): string | undefined {
  if (typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string') {
    return (raw as { id: string }).id.slice(0, 200);
  }
  return undefined;
}

function describeEdge(e: { type: string; from: string; to: string }): string {
  return `${e.from} -${e.type}-> ${e.to}`;
}

function describeRawEdge(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.from === 'string' && typeof r.to === 'string') return describeEdge({ type: typeof r.type === 'string' ? r.type.slice(0, 40) : '?', from: r.from.slice(0, 200), to: r.to.slice(0, 200) });
  return undefined;
}

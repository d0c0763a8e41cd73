// Edits with a trail: upsert and delete single nodes and edges, each in one write transaction
// together with its entry in the change log (who, when, the record before and after). A delete
// is soft: the record leaves the graph, but its whole content (a node with all its edges) stays
// in the log and undoChange puts it back; `purge` also erases that content, from the delete's entry
// and from every earlier one (they keep that something happened), for data that must go.
// Edits take the import lock, so they never interleave with an import.

import { randomUUID } from 'node:crypto';
import type { Executor, QueryRunner } from '../db/executor.js';
import { deleteEverything } from '../db/chain-store.js';
import { datasetsOf, toEdgeRecord, toNodeRecord } from '../db/mappers.js';
import type { Plain, PlainNode } from '../db/values.js';
import { BadUserInputError, ConflictError, ImportValidationError, NotFoundError } from '../errors/index.js';
import { EDGE_ENDPOINTS, isEdgeType, type EdgeType, type NodeKind } from '../model/kinds.js';
import { edgeProperties, nodeProperties, parseEdge, parseNode, type EdgeRecord, type NodeRecord, type PropertyValue } from '../model/records.js';
import { searchKey, searchText } from '../model/search-text.js';
import { besideImports, lockForSingleTransaction, type RecoveryOptions } from './import-journal.js';

export type ChangeOp = 'UPSERT_NODE' | 'DELETE_NODE' | 'UPSERT_EDGE' | 'DELETE_EDGE' | 'UNDO' | 'IMPORT' | 'RESET';

export interface Change {
  changeId: string;
  at: string;
  actor: string;
  op: ChangeOp;
  targetKind: 'NODE' | 'EDGE' | 'GRAPH';
  targetId: string;
  nodeIds: string[];
  /** The record before and after, as JSON text; null where there was none (or it was purged). */
  before: string | null;
  after: string | null;
  summary: string;
  undoes: string | null;
  undoneBy: string | null;
  undoneAt: string | null;
}

export interface EdgeKeyInput {
  type: string;
  from: string;
  to: string;
  output?: string | null;
}

/** A deleted node as the log keeps it: the node and every edge it had, and the data sets that wrote them. */
interface NodeSnapshot {
  node: NodeRecord;
  edges: EdgeRecord[];
  /** `node`: the node's data sets; `edges`: each edge's, in the order of `edges` (absent in older logs). */
  datasets?: { node: string[] | null; edges: (string[] | null)[] };
}

export class Edits {
  constructor(
    private readonly executor: Executor,
    private readonly recovery: Pick<RecoveryOptions, 'staleAfterMs'> = {},
  ) {}

  /** Creates a node, or merges the given properties into it (`unset` removes properties). */
  async upsertNode(actor: string, raw: unknown, unset: readonly string[] = []): Promise<{ node: NodeRecord; change: Change }> {
    return this.inTransaction(async (tx) => {
      const input = asObject(raw, 'node');
      checkUnset(unset);
      const id = typeof input.id === 'string' ? input.id : '';
      const existing = id ? await readNode(tx, id) : null;
      if (existing && input.kind !== undefined && input.kind !== existing.kind) {
        throw invalid('node', 'kind', `${id} is a ${existing.kind}; a node's kind cannot change (delete it and create it anew)`);
      }
      const merged: Record<string, unknown> = { ...(existing ?? {}), ...input };
      for (const key of unset) {
        if (['id', 'kind', 'name', 'nameFa'].includes(key)) throw new BadUserInputError(`${key} cannot be unset: every node has one.`, 'unset');
        delete merged[key];
      }
      const parsed = parseNode(merged);
      if (!parsed.ok) throw new ImportValidationError(parsed.problems.map((p) => ({ where: 'node', field: p.field, message: p.message })));
      const node = parsed.record;
      if (existing && sameJson(existing, node)) return { node, change: await this.log(tx, actor, 'UPSERT_NODE', 'NODE', node.id, [node.id], existing, node, `no change to ${node.id}`) };
      await tx.run('edit/node-put', nodePutParams(node, null), { label: node.kind });
      const summary = existing ? `updated ${node.kind} ${node.id}` : `created ${node.kind} ${node.id}`;
      return { node, change: await this.log(tx, actor, 'UPSERT_NODE', 'NODE', node.id, [node.id], existing, node, summary) };
    });
  }

  /** Creates an edge, or merges the given properties into it. Its ends must exist, of the right kinds. */
  async upsertEdge(actor: string, raw: unknown, unset: readonly string[] = []): Promise<{ edge: EdgeRecord; change: Change }> {
    return this.inTransaction(async (tx) => {
      const input = asObject(raw, 'edge');
      checkUnset(unset);
      const existing = await readEdge(tx, keyOf(input));
      const merged: Record<string, unknown> = { ...(existing ?? {}), ...input };
      for (const k of unset) {
        if (['type', 'from', 'to', 'output'].includes(k)) throw new BadUserInputError(`${k} cannot be unset: it is part of the edge's key.`, 'unset');
        delete merged[k];
      }
      const parsed = parseEdge(merged);
      if (!parsed.ok) throw new ImportValidationError(parsed.problems.map((p) => ({ where: 'edge', field: p.field, message: p.message })));
      const edge = parsed.record;
      await checkEndpoints(tx, edge);
      const label = describeEdge(edge);
      if (existing && sameJson(existing, edge)) return { edge, change: await this.log(tx, actor, 'UPSERT_EDGE', 'EDGE', label, [edge.from, edge.to], existing, edge, `no change to ${label}`) };
      await tx.run('edit/edge-put', edgeParams(edge, edgeProperties(edge)), { type: edge.type });
      return { edge, change: await this.log(tx, actor, 'UPSERT_EDGE', 'EDGE', label, [edge.from, edge.to], existing, edge, `${existing ? 'updated' : 'created'} ${label}`) };
    });
  }

  /** Removes a node and its edges; the log keeps them whole (unless purged) so the delete can be undone. */
  async deleteNode(actor: string, id: string, purge = false): Promise<Change> {
    return this.inTransaction(async (tx) => {
      const [row] = await tx.run('edit/node-get', { id });
      if (!row?.node) throw new NotFoundError('node', id);
      const node = toNodeRecord(row.node);
      const edgeRows = await tx.run('edit/node-edges', { id });
      const edges = edgeRows.map((r) => toEdgeRecord(r.type, r.from, r.to, r.props));
      await tx.run('edit/node-delete', { id });
      const datasets = { node: datasetsOf((row.node as unknown as PlainNode).properties), edges: edgeRows.map((r) => datasetsOf(r.props as Record<string, Plain>)) };
      const snapshot: NodeSnapshot = { node, edges, datasets };
      const ids = [...new Set([id, ...edges.flatMap((e) => [e.from, e.to])])];
      const summary = `deleted ${node.kind} ${id} and its ${edges.length} edge${edges.length === 1 ? '' : 's'}${purge ? ' (purged: cannot be undone)' : ''}`;
      // Purge keeps nothing: the node's earlier entries (and its edges') would still hold it.
      if (purge) await tx.run('edit/change-scrub', { id, edge: null });
      return this.log(tx, actor, 'DELETE_NODE', 'NODE', id, ids, purge ? null : snapshot, null, summary);
    });
  }

  async deleteEdge(actor: string, keyInput: EdgeKeyInput, purge = false): Promise<Change> {
    return this.inTransaction(async (tx) => {
      const key = validKey(keyInput);
      const existing = await readEdge(tx, key);
      if (!existing) throw new NotFoundError('edge', describeEdge(key));
      await tx.run('edit/edge-delete', { from: key.from, to: key.to, output: key.output ?? '' }, { type: key.type });
      const label = describeEdge(key);
      if (purge) await tx.run('edit/change-scrub', { id: null, edge: label });
      return this.log(tx, actor, 'DELETE_EDGE', 'EDGE', label, [key.from, key.to], purge ? null : existing, null, `deleted ${label}${purge ? ' (purged)' : ''}`);
    });
  }

  /**
   * Reverts one change, when the graph still holds what that change left: an edit made since
   * (or an import) is never overwritten silently; the conflict is named instead.
   */
  async undo(actor: string, changeId: string): Promise<Change> {
    return this.inTransaction(async (tx) => {
      const change = await readChange(tx, changeId);
      if (!change) throw new NotFoundError('change', changeId);
      if (change.undoneBy) throw new ConflictError(`Change ${changeId} was already undone by ${change.undoneBy}.`, { changeId });
      let undo: Change;
      switch (change.op) {
        case 'UPSERT_NODE':
          undo = await this.undoNodeUpsert(tx, actor, change);
          break;
        case 'DELETE_NODE':
          undo = await this.undoNodeDelete(tx, actor, change);
          break;
        case 'UPSERT_EDGE':
          undo = await this.undoEdgeUpsert(tx, actor, change);
          break;
        case 'DELETE_EDGE':
          undo = await this.undoEdgeDelete(tx, actor, change);
          break;
        default:
          throw new ConflictError(`A ${change.op} change cannot be undone here${change.op === 'UNDO' ? '; undo the original change again instead' : ''}.`, { changeId });
      }
      await tx.run('edit/change-mark-undone', { changeId, undoneBy: undo.changeId });
      return { ...undo };
    });
  }

  async list(filter: { since?: string | null; nodeId?: string | null; first?: number | null }): Promise<Change[]> {
    const limit = filter.first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new BadUserInputError(`first must be between 1 and 1000; got ${limit}.`, 'first');
    const since = filter.since ?? null;
    if (since !== null && Number.isNaN(Date.parse(since))) throw new BadUserInputError(`since must be an ISO date-time, like 2026-12-01T10:00:00Z; got ${JSON.stringify(since)}.`, 'since');
    const rows = await this.executor.read('edit/change-list', { since: since === null ? null : new Date(since).toISOString(), nodeId: filter.nodeId ?? null, limit });
    return rows.map((r) => toChange(r.change));
  }

  /** Records an operation that is not a single-record edit (an import, a reset). */
  async record(actor: string, op: 'IMPORT' | 'RESET', summary: string): Promise<Change> {
    // The import or reset itself raised the graph's version; its log entry changes no graph.
    return this.executor.writeTransaction((tx) => this.log(tx, actor, op, 'GRAPH', op === 'RESET' ? 'graph' : 'import', [], null, null, summary), { label: 'edit/record' });
  }

  private async undoNodeUpsert(tx: QueryRunner, actor: string, change: Change): Promise<Change> {
    const after = JSON.parse(change.after ?? 'null') as NodeRecord | null;
    const before = JSON.parse(change.before ?? 'null') as NodeRecord | null;
    if (!after) throw new ConflictError(`Change ${change.changeId} cannot be undone: ${change.targetId} was purged since, and the log no longer holds what the change wrote.`, { changeId: change.changeId });
    const current = await readNode(tx, change.targetId);
    if (!current || !sameJson(current, after)) {
      throw new ConflictError(`${change.targetId} has changed since change ${change.changeId}; undo the later changes first (see changes(nodeId: "${change.targetId}")).`, { changeId: change.changeId });
    }
    if (before) {
      await tx.run('edit/node-put', nodePutParams(before, null), { label: before.kind });
      return this.log(tx, actor, 'UNDO', 'NODE', before.id, [before.id], current, before, `undid ${change.changeId}: restored ${before.id}`, change.changeId);
    }
    const edges = await tx.run('edit/node-edges', { id: current.id });
    if (edges.length > 0) {
      throw new ConflictError(`${current.id} has ${edges.length} edge${edges.length === 1 ? '' : 's'} made since it was created; delete ${edges.length === 1 ? 'it' : 'them'} before undoing its creation.`, { changeId: change.changeId });
    }
    await tx.run('edit/node-delete', { id: current.id });
    return this.log(tx, actor, 'UNDO', 'NODE', current.id, [current.id], current, null, `undid ${change.changeId}: removed ${current.id}`, change.changeId);
  }

  private async undoNodeDelete(tx: QueryRunner, actor: string, change: Change): Promise<Change> {
    if (!change.before) throw new ConflictError(`Change ${change.changeId} was a purge: what it deleted was not kept and cannot be restored.`, { changeId: change.changeId });
    const { node, edges, datasets } = JSON.parse(change.before) as NodeSnapshot;
    if (await readNode(tx, node.id)) throw new ConflictError(`${node.id} exists again (created since change ${change.changeId}); nothing to restore.`, { changeId: change.changeId });
    // Back in the data sets that wrote it, those still recorded (so removing one takes it again).
    const [found] = await tx.run('dataset/existing', { names: [...new Set([...(datasets?.node ?? []), ...(datasets?.edges ?? []).flatMap((d) => d ?? [])])] });
    const live = new Set(((found?.names as string[] | undefined) ?? []).map(String));
    const stillRecorded = (names: string[] | null | undefined) => {
      const kept = (names ?? []).filter((n) => live.has(n));
      return kept.length > 0 ? kept : null;
    };
    await tx.run('edit/node-put', nodePutParams(node, stillRecorded(datasets?.node)), { label: node.kind });
    // The other ends, looked up in one query rather than one per edge.
    const others = [...new Set(edges.map((e) => (e.from === node.id ? e.to : e.from)).filter((id) => id !== node.id))];
    const present = new Set((await tx.run('import/lookup-kinds', { ids: others })).map((r) => String(r.id)));
    const missing: string[] = [];
    for (const [i, edge] of edges.entries()) {
      const other = edge.from === node.id ? edge.to : edge.from;
      if (other !== node.id && !present.has(other)) {
        missing.push(other);
        continue;
      }
      await tx.run('edit/edge-put', { ...edgeParams(edge, edgeProperties(edge)), datasets: stillRecorded(datasets?.edges[i]) }, { type: edge.type });
    }
    if (missing.length > 0) {
      throw new ConflictError(`Cannot restore ${node.id} whole: its edges lead to ${[...new Set(missing)].join(', ')}, which no longer exist${missing.length > 1 ? '' : 's'}. Restore those first.`, { changeId: change.changeId, missing });
    }
    return this.log(tx, actor, 'UNDO', 'NODE', node.id, change.nodeIds, null, node, `undid ${change.changeId}: restored ${node.id} and ${edges.length} edge${edges.length === 1 ? '' : 's'}`, change.changeId);
  }

  private async undoEdgeUpsert(tx: QueryRunner, actor: string, change: Change): Promise<Change> {
    const after = JSON.parse(change.after ?? 'null') as EdgeRecord | null;
    const before = JSON.parse(change.before ?? 'null') as EdgeRecord | null;
    if (!after) throw new ConflictError(`Change ${change.changeId} cannot be undone: ${change.targetId} was purged since, and the log no longer holds what the change wrote.`, { changeId: change.changeId });
    const current = await readEdge(tx, keyOf(after as unknown as Record<string, unknown>)!);
    if (!current || !sameJson(current, after)) throw new ConflictError(`${change.targetId} has changed since change ${change.changeId}; undo the later changes first.`, { changeId: change.changeId });
    if (before) await tx.run('edit/edge-put', edgeParams(before, edgeProperties(before)), { type: before.type });
    else await tx.run('edit/edge-delete', { from: after.from, to: after.to, output: outputOf(after) }, { type: after.type });
    return this.log(tx, actor, 'UNDO', 'EDGE', change.targetId, change.nodeIds, current, before, `undid ${change.changeId}: ${before ? 'restored' : 'removed'} ${change.targetId}`, change.changeId);
  }

  private async undoEdgeDelete(tx: QueryRunner, actor: string, change: Change): Promise<Change> {
    if (!change.before) throw new ConflictError(`Change ${change.changeId} was a purge: the edge was not kept and cannot be restored.`, { changeId: change.changeId });
    const edge = JSON.parse(change.before) as EdgeRecord;
    if (await readEdge(tx, keyOf(edge as unknown as Record<string, unknown>)!)) throw new ConflictError(`${change.targetId} exists again; nothing to restore.`, { changeId: change.changeId });
    await checkEndpoints(tx, edge);
    await tx.run('edit/edge-put', edgeParams(edge, edgeProperties(edge)), { type: edge.type });
    return this.log(tx, actor, 'UNDO', 'EDGE', change.targetId, change.nodeIds, null, edge, `undid ${change.changeId}: restored ${change.targetId}`, change.changeId);
  }

  private inTransaction<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    const attempt = () =>
      this.executor.writeTransaction(async (tx) => {
        await lockForSingleTransaction(tx);
        return work(tx);
      }, { label: 'edit' });
    return besideImports(this.executor, attempt, this.recovery);
  }

  private async log(
    tx: QueryRunner,
    actor: string,
    op: ChangeOp,
    targetKind: Change['targetKind'],
    targetId: string,
    nodeIds: string[],
    before: unknown,
    after: unknown,
    summary: string,
    undoes: string | null = null,
  ): Promise<Change> {
    const change = {
      changeId: randomUUID(),
      actor,
      op,
      targetKind,
      targetId,
      nodeIds,
      before: before === null || before === undefined ? null : JSON.stringify(before),
      after: after === null || after === undefined ? null : JSON.stringify(after),
      summary,
      undoes,
    };
    const [row] = await tx.run('edit/change-create', change);
    return { ...change, at: String(row?.at), undoneBy: null, undoneAt: null };
  }
}

async function readNode(tx: QueryRunner, id: string): Promise<NodeRecord | null> {
  const [row] = await tx.run('edit/node-get', { id });
  return row?.node ? toNodeRecord(row.node) : null;
}

async function readEdge(tx: QueryRunner, key: ReturnType<typeof keyOf>): Promise<EdgeRecord | null> {
  if (!key) return null;
  const [row] = await tx.run('edit/edge-get', { from: key.from, to: key.to, output: key.output ?? '' }, { type: key.type });
  if (!row) return null;
  return toEdgeRecord(key.type, key.from, key.to, row.props);
}

async function checkEndpoints(tx: QueryRunner, edge: EdgeRecord): Promise<void> {
  const allowed = EDGE_ENDPOINTS[edge.type];
  const problems: { where: string; field: string; message: string }[] = [];
  for (const [field, id, kinds] of [['from', edge.from, allowed.from], ['to', edge.to, allowed.to]] as const) {
    const node = await readNode(tx, id);
    if (!node) problems.push({ where: 'edge', field, message: `names ${id}, which is not in the graph` });
    else if (!(kinds as readonly NodeKind[]).includes(node.kind)) problems.push({ where: 'edge', field, message: `${field} ${edge.type} must ${field === 'from' ? 'start' : 'end'} at ${kinds.join(' or ')}, but ${id} is a ${node.kind}` });
  }
  if (problems.length > 0) throw new ImportValidationError(problems);
}

function keyOf(input: Record<string, unknown>): { type: EdgeType; from: string; to: string; output: string | null } | null {
  const { type, from, to, output } = input;
  if (!isEdgeType(type) || typeof from !== 'string' || typeof to !== 'string') return null;
  return { type, from, to, output: type === 'FEEDS' && typeof output === 'string' ? output : null };
}

function validKey(input: EdgeKeyInput): NonNullable<ReturnType<typeof keyOf>> {
  const key = keyOf(input as unknown as Record<string, unknown>);
  if (!key) throw new BadUserInputError(`An edge is named by type (one of the edge types), from and to; got ${JSON.stringify({ type: input.type, from: input.from, to: input.to }).slice(0, 200)}.`, 'edge');
  return key;
}

/** Most property names one edit may unset: a record has a few dozen properties at most. */
const MAX_UNSET = 100;

function checkUnset(unset: readonly string[]): void {
  if (unset.length > MAX_UNSET) throw new BadUserInputError(`unset names at most ${MAX_UNSET} properties; got ${unset.length}.`, 'unset');
}

/** edit/edge-put's parameters; a new edge belongs to no data set unless a restore says so. */
function edgeParams(edge: Pick<EdgeRecord, 'from' | 'to'> & { output?: unknown }, props: Record<string, PropertyValue>) {
  return { from: edge.from, to: edge.to, output: typeof edge.output === 'string' ? edge.output : '', props, datasets: null as string[] | null };
}

/** edit/node-put's parameters: `datasets` only for a node it creates (a restore). */
function nodePutParams(node: NodeRecord, datasets: string[] | null) {
  return { id: node.id, props: nodeProperties(node), searchKey: searchKey(node), searchText: searchText(node), datasets };
}

function outputOf(edge: EdgeRecord): string {
  return typeof edge.output === 'string' ? edge.output : '';
}

function describeEdge(edge: { type: string; from: string; to: string; output?: unknown }): string {
  return `${edge.from} -${edge.type}-> ${edge.to}${edge.type === 'FEEDS' && typeof edge.output === 'string' && edge.output ? ` (output ${edge.output})` : ''}`;
}


function toChange(value: Plain): Change {
  const c = value as Record<string, Plain>;
  const str = (v: Plain | undefined) => (v === null || v === undefined ? null : String(v));
  return {
    changeId: String(c.changeId),
    at: String(c.at),
    actor: String(c.actor),
    op: c.op as ChangeOp,
    targetKind: c.targetKind as Change['targetKind'],
    targetId: String(c.targetId),
    nodeIds: Array.isArray(c.nodeIds) ? c.nodeIds.map(String) : [],
    before: str(c.before),
    after: str(c.after),
    summary: String(c.summary ?? ''),
    undoes: str(c.undoes),
    undoneBy: str(c.undoneBy),
    undoneAt: str(c.undoneAt),
  };
}

async function readChange(tx: QueryRunner, changeId: string): Promise<Change | null> {
  const [row] = await tx.run('edit/change-get', { changeId });
  return row?.change ? toChange(row.change) : null;
}

function asObject(raw: unknown, what: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new BadUserInputError(`The ${what} must be a JSON object, as in a zanjir/1 document.`, what);
  return raw as Record<string, unknown>;
}

function invalid(where: string, field: string, message: string): ImportValidationError {
  return new ImportValidationError([{ where, field, message }]);
}

/** Records compared by content, whatever their key order. */
function sameJson(a: object, b: object): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}


/** Deletes every node and edge, and logs who did it (API keys and the change log stay). */
export async function emptyGraph(executor: Executor, actor: string): Promise<{ nodesDeleted: number; changeId: string }> {
  const nodesDeleted = await deleteEverything(executor);
  const change = await new Edits(executor).record(actor, 'RESET', `deleted ${nodesDeleted} nodes`);
  return { nodesDeleted, changeId: change.changeId };
}

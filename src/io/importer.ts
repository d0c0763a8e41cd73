// Imports zanjir/1 data all-or-nothing. Phase 1 reads every source and checks every record
// (shape, duplicates, kinds of existing ids, edge endpoints) and refuses the import with the full
// list of problems if there is any. Phase 2 re-reads the sources and writes them in batches
// (UNWIND … MERGE), nodes before edges. An ordinary import is one write transaction, so a failure
// anywhere leaves the database as it was. A large one (more than ZANJIR_IMPORT_TX_RECORDS records)
// is staged: each batch commits on its own with a journal that undoes it, so it stays
// all-or-nothing without Neo4j holding millions of records in one transaction (import-journal.ts).
// MERGE by id makes a second run change nothing.

import { createHash } from 'node:crypto';
import { ConflictError, ImportFailedError, ImportValidationError } from '../errors/index.js';
import type { Executor, QueryRunner } from '../db/executor.js';
import { DocumentChecker, type Problem } from '../model/document-check.js';
import { NODE_KINDS, EDGE_TYPES, type EdgeType, type NodeKind } from '../model/kinds.js';
import { DEFAULT_HOME_COUNTRY, edgeProperties, nodeProperties, parseEdge, parseNode, type EdgeRecord, type NodeRecord } from '../model/records.js';
import { searchKey, searchText } from '../model/search-text.js';
import { assertOwner, beginJournal, claim, commitJournal, lockForSingleTransaction, recoverImports, rollBack, type Journal } from './import-journal.js';
import { refreshSearchKeys } from '../db/search-keys.js';
import { CYPHER_ROOT } from '../db/database.js';
import { applySchema, relaxSchemaForBulkLoad } from '../db/schema.js';
import { InvalidLine, type ImportSource } from './sources.js';
import { beginDataset, commitDataset, planDataset, type DatasetPlan, type DatasetRequest } from './datasets.js';

export interface ImportProgress {
  phase: 'check' | 'write-nodes' | 'write-edges' | 'done';
  /** Records handled so far in this phase, and in all (known after the check). */
  done: number;
  total: number;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  homeCountry: string;
  /** 'single': one transaction. 'staged': journaled batches (a large import). */
  mode: 'single' | 'staged';
  nodes: ImportCounts;
  edges: ImportCounts;
  sources: string[];
  durationMs: number;
  /** The data set the import is recorded as (src/io/datasets.ts). */
  dataset: string;
  /** sha256 of its records (each record's JSON, in order), not of the files' bytes. */
  checksum: string;
}

export interface ImportOptions {
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** 'auto' (default): staged above singleTransactionMax records, else one transaction. */
  mode?: 'auto' | 'single' | 'staged';
  singleTransactionMax?: number;
  /** A fault injected on purpose after the given staged batch (ZANJIR_FAULT): fail, or kill the process. */
  fault?: { after: number; kind: 'fail' | 'crash' } | null;
  /** Told when an earlier, interrupted import is rolled back first. */
  log?: (line: string) => void;
  /** The data set to record the import as: its name (default: from the first file) and who imports it. */
  dataset?: DatasetRequest;
  /**
   * A staged import into an empty database drops the secondary indexes and per-kind id
   * constraints while it writes and builds them again after (default). false keeps them.
   */
  bulkIndexes?: boolean;
}

const DEFAULT_BATCH = 5_000;
const DEFAULT_SINGLE_TRANSACTION_MAX = 100_000;
const LOOKUP_BATCH = 10_000;

/** The write queries: MERGE for records that may exist, CREATE for those the check proved new. */
type WriteQuery = 'import/merge-nodes' | 'import/merge-edges' | 'import/create-nodes' | 'import/create-edges';

/** Writes one batch of rows with a named write query; returns what the batch reports. */
type BatchWriter = (name: WriteQuery, rows: Record<string, unknown>[], substitutions: { label?: NodeKind; type?: EdgeType }) => Promise<Written>;

/** Records proved new by the check are created in larger batches: no lookup, so they are cheap. */
const CREATE_BATCH = 10_000;

export async function importSources(executor: Executor, sources: ImportSource[], options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  const batchSize = options.batchSize ?? DEFAULT_BATCH;

  // An import left half-written by a dead process is undone before anything else is read.
  await recoverImports(executor, { log: options.log });
  const { homeCountry, storedHome, checker, existing, checksum } = await checkAll(executor, sources, progress);
  const dataset = await planDataset(executor, options.dataset, sources.map((s) => s.name), checksum);
  const total = checker.nodeCount + checker.edgeCount;
  const staged = options.mode === 'staged' || (options.mode !== 'single' && total > (options.singleTransactionMax ?? DEFAULT_SINGLE_TRANSACTION_MAX));
  const write = staged ? writeStaged : writeInOneTransaction;
  // A first load into an empty database builds the secondary indexes after the data, in bulk.
  const bulk = staged && options.bulkIndexes !== false && !(await anyEntity(executor));
  if (bulk) await relaxSchemaForBulkLoad(executor, CYPHER_ROOT);
  const counts = await write(executor, sources, {
    batchSize,
    createBatchSize: options.batchSize ?? CREATE_BATCH,
    homeCountry,
    homeChanged: homeCountry !== storedHome,
    dataset,
    fault: options.fault ?? null,
    progress: (phase, done) => progress({ phase, done, total }),
    nodeCount: checker.nodeCount,
    edgeCount: checker.edgeCount,
    stored: (id) => existing.has(id),
  }).finally(async () => {
    // Whether it committed or rolled back (a crash is mended by the next start's applySchema).
    if (bulk) await applySchema(executor, CYPHER_ROOT);
  });
  progress({ phase: 'done', done: total, total });
  return {
    homeCountry,
    mode: staged ? 'staged' : 'single',
    nodes: withUnchanged(counts.nodes, checker.nodeCount),
    edges: withUnchanged(counts.edges, checker.edgeCount),
    sources: sources.map((s) => s.name),
    durationMs: Date.now() - started,
    dataset: dataset.name,
    checksum,
  };
}

interface WritePlan {
  batchSize: number;
  /** Batch size for records the check proved new (CREATE): larger by default. */
  createBatchSize: number;
  homeCountry: string;
  /** The database held another home country (or none): only then is it written, since it changes every foreign flag. */
  homeChanged: boolean;
  /** Passed to every merge batch as $dataset (the data-set hook, see datasets.ts). */
  dataset: DatasetPlan;
  fault: ImportOptions['fault'];
  nodeCount: number;
  edgeCount: number;
  progress: (phase: 'write-nodes' | 'write-edges', done: number) => void;
  /** Whether the database held this id before the import (from the check's lookup). */
  stored: (id: string) => boolean;
}

async function writeAll(sources: ImportSource[], plan: WritePlan, write: BatchWriter): Promise<{ nodes: Written; edges: Written }> {
  const nodes = await writeNodes(write, sources, plan, (done) => plan.progress('write-nodes', done));
  const edges = await writeEdges(write, sources, plan, (done) => plan.progress('write-edges', plan.nodeCount + done));
  return { nodes, edges };
}

const NO_JOURNAL = { journal: false, importId: null, seq: null };

/** Every batch in one write transaction: nothing is visible until all of it commits. */
function writeInOneTransaction(executor: Executor, sources: ImportSource[], plan: WritePlan) {
  return executor.writeTransaction(
    async (tx) => {
      await lockForSingleTransaction(tx);
      await beginDataset(tx, plan.dataset, null, plan.homeCountry);
      const counts = await writeAll(sources, plan, (name, rows, substitutions) => runBatch(tx, name, { rows, dataset: plan.dataset.name, ...NO_JOURNAL }, substitutions));
      if (plan.homeChanged) await tx.run('meta/set-home-country', { homeCountry: plan.homeCountry, now: new Date().toISOString() });
      await commitDataset(tx, plan.dataset, withUnchanged(counts.nodes, plan.nodeCount), withUnchanged(counts.edges, plan.edgeCount));
      return counts;
    },
    { label: 'import', timeoutMs: 0 },
  );
}

/** Each batch commits with its own undo journal; any failure rolls every batch back. */
async function writeStaged(executor: Executor, sources: ImportSource[], plan: WritePlan) {
  const journal = await beginJournal(executor, sources.map((s) => s.name));
  try {
    // Everything up to the journal's commit is gathered into the journal's change set and recorded at the commit.
    const deferred = { changes: journal.changes, deferChanges: true };
    const bookkeeping = { run: (name: Parameters<Executor['write']>[0], params?: Record<string, unknown>) => executor.write(name, params, deferred) };
    await beginDataset(bookkeeping, plan.dataset, journal.importId, plan.homeCountry);
    const counts = await writeAll(sources, plan, (name, rows, substitutions) => writeJournaledBatch(executor, journal, plan.fault, plan.dataset.name, name, rows, substitutions));
    if (plan.homeChanged) await executor.write('meta/set-home-country', { homeCountry: plan.homeCountry, now: new Date().toISOString() }, deferred);
    await commitDataset(bookkeeping, plan.dataset, withUnchanged(counts.nodes, plan.nodeCount), withUnchanged(counts.edges, plan.edgeCount));
    await commitJournal(executor, journal);
    return counts;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    try {
      // Another process may have taken the import over (this one looked dead); it rolls back then.
      if (await claim(executor, journal.importId, journal.owner, Number.MAX_SAFE_INTEGER)) await rollBack(executor, journal);
    } catch (rollbackError) {
      // The journal is still there: the next import or server start finishes the rollback.
      throw new Error(`Import failed while writing (${reason}), and rolling it back failed too (${(rollbackError as Error).message}). The next import or server start will finish the rollback.`, { cause: rollbackError });
    }
    throw new ImportFailedError(reason, journal.batches);
  }
}

async function writeJournaledBatch(
  executor: Executor,
  journal: Journal,
  fault: ImportOptions['fault'],
  dataset: string,
  name: WriteQuery,
  rows: Record<string, unknown>[],
  substitutions: { label?: NodeKind; type?: EdgeType },
): Promise<Written> {
  const seq = journal.batches + 1;
  const written = await executor.writeTransaction(
    async (tx) => {
      const result = await runBatch(tx, name, { rows, dataset, journal: true, importId: journal.importId, seq }, substitutions);
      await assertOwner(tx, journal, 'writing', seq);
      return result;
    },
    { label: name, timeoutMs: 0, changes: journal.changes, deferChanges: true },
  );
  journal.batches = seq;
  if (fault && seq === fault.after) injectFault(fault.kind, seq);
  return written;
}

/** ZANJIR_FAULT: fail the import, or kill the process without any cleanup, as a crash would. */
function injectFault(kind: 'fail' | 'crash', seq: number): void {
  if (kind === 'crash') process.kill(process.pid, 'SIGKILL');
  throw new Error(`fault injected after batch ${seq} (ZANJIR_FAULT)`);
}

/**
 * One merge batch, and in the same transaction the search fields of nodes that kept their stored
 * aliases (the row left them out), rebuilt from what is stored.
 */
async function runBatch(tx: QueryRunner, name: Parameters<BatchWriter>[0], params: Record<string, unknown>, substitutions: Parameters<BatchWriter>[2]): Promise<Written> {
  const [r] = await tx.run(name, params, substitutions);
  // An edge whose end was deleted after the check matches nothing and would vanish unreported.
  const sent = Array.isArray(params.rows) ? params.rows.length : 0;
  if ((name === 'import/merge-edges' || name === 'import/create-edges') && Number(r?.written ?? 0) < sent) {
    throw new ConflictError(`${sent - Number(r?.written ?? 0)} of the import's ${substitutions.type ?? ''} edges lost an end while the import was writing (a node deleted after the check); the import was refused and nothing was written. Run it again.`);
  }
  const cleared = Array.isArray(r?.cleared) ? r.cleared.map(String) : [];
  await refreshSearchKeys(tx, cleared);
  return { created: Number(r?.created ?? 0), updated: Number(r?.updated ?? 0) };
}

async function checkAll(
  executor: Executor,
  sources: ImportSource[],
  progress: (p: ImportProgress) => void,
): Promise<{ homeCountry: string; storedHome: string | null; checker: DocumentChecker; existing: Map<string, NodeKind>; checksum: string }> {
  const checker = new DocumentChecker();
  const hash = createHash('sha256');
  const homes = new Map<string, string>();
  for (const source of sources) {
    const header = await source.header();
    for (const p of header.problems) checker.report(p);
    if (header.homeCountry) homes.set(source.name, header.homeCountry);
    if (header.problems.length > 0) continue;
    let seen = 0;
    for await (const record of source.records()) {
      if (record.raw instanceof InvalidLine) checker.report({ where: record.where, message: record.raw.message });
      else {
        hashRecord(hash, record.raw);
        if (record.section === 'node') checker.addNode(record.raw, record.where);
        else checker.addEdge(record.raw, record.where);
      }
      seen += 1;
      if (seen % 10_000 === 0) progress({ phase: 'check', done: checker.nodeCount + checker.edgeCount, total: 0 });
    }
  }
  const existing = await lookupKinds(executor, checker.idsToResolve());
  const storedHome = (await executor.read('meta/get'))[0]?.homeCountry as string | null | undefined;
  const homeCountry = resolveHomeCountry(homes, storedHome ?? null, checker);
  const problems = checker.finish(existing);
  if (problems.length > 0) throw new ImportValidationError(problems);
  checker.release();
  return { homeCountry, storedHome: storedHome ?? null, checker, existing, checksum: hash.digest('hex') };
}

/**
 * The checksum takes each record's JSON and a newline. A record too deeply nested to serialise
 * fails its own check (the import is refused), so its place in the sum does not matter.
 */
function hashRecord(hash: ReturnType<typeof createHash>, raw: unknown): void {
  try {
    hash.update(`${JSON.stringify(raw)}\n`);
  } catch {
    hash.update('\u0000unserialisable\n');
  }
}

/** All sources of one import and the database must agree on the home country. */
function resolveHomeCountry(homes: Map<string, string>, stored: string | null, checker: DocumentChecker): string {
  const distinct = new Set(homes.values());
  if (distinct.size > 1) {
    checker.report({ where: [...homes.keys()].join(', '), field: 'homeCountry', message: `differs between the files (${[...homes].map(([f, c]) => `${f}: ${c}`).join(', ')})` });
  }
  const requested = [...distinct][0] ?? stored ?? DEFAULT_HOME_COUNTRY;
  if (stored && requested !== stored) {
    checker.report({ where: [...homes.keys()].join(', ') || 'document', field: 'homeCountry', message: `is ${requested}, but the database holds a ${stored} data set; import into an empty database or use ${stored}` });
  }
  return requested;
}

async function anyEntity(executor: Executor): Promise<boolean> {
  const [row] = await executor.read('import/any-entity');
  return row?.any === true;
}

async function lookupKinds(executor: Executor, ids: string[]): Promise<Map<string, NodeKind>> {
  const kinds = new Map<string, NodeKind>();
  if (ids.length === 0) return kinds;
  await executor.readTransaction(async (tx) => {
    for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
      const rows = await tx.run('import/lookup-kinds', { ids: ids.slice(i, i + LOOKUP_BATCH) });
      for (const r of rows) kinds.set(String(r.id), r.kind as NodeKind);
    }
  }, { label: 'import/lookup-kinds', timeoutMs: 0 });
  return kinds;
}

interface Written {
  created: number;
  updated: number;
}

async function writeNodes(write: BatchWriter, sources: ImportSource[], plan: WritePlan, onDone: (n: number) => void): Promise<Written> {
  const pipe: Pipe = { inFlight: Promise.resolve() };
  const merges = new Batches<NodeKind, Record<string, unknown>>(plan.batchSize, (label, rows) => write('import/merge-nodes', rows, { label }), pipe);
  const creates = new Batches<NodeKind, Record<string, unknown>>(plan.createBatchSize, (label, rows) => write('import/create-nodes', rows, { label }), pipe);
  let done = 0;
  for (const source of sources) {
    for await (const { section, raw } of source.records()) {
      if (section !== 'node') continue;
      // Checked in phase 1; parse again for the normalised form (dates as ISO).
      const node = reparseNode(raw);
      const row = { id: node.id, props: nodeProperties(node), searchKey: searchKey(node), searchText: searchText(node) };
      await (plan.stored(node.id) ? merges : creates).add(node.kind, row);
      onDone((done += 1));
    }
  }
  return sum(await merges.flushAll(NODE_KINDS), await creates.flushAll(NODE_KINDS));
}

async function writeEdges(write: BatchWriter, sources: ImportSource[], plan: WritePlan, onDone: (n: number) => void): Promise<Written> {
  const pipe: Pipe = { inFlight: Promise.resolve() };
  const merges = new Batches<EdgeType, Record<string, unknown>>(plan.batchSize, (type, rows) => write('import/merge-edges', rows, { type }), pipe);
  const creates = new Batches<EdgeType, Record<string, unknown>>(plan.createBatchSize, (type, rows) => write('import/create-edges', rows, { type }), pipe);
  let done = 0;
  for (const source of sources) {
    for await (const { section, raw } of source.records()) {
      if (section !== 'edge') continue;
      const edge = reparseEdge(raw);
      // An edge with an end this import creates cannot be in the database yet.
      const isNew = !plan.stored(edge.from) || !plan.stored(edge.to);
      await (isNew ? creates : merges).add(edge.type, { from: edge.from, to: edge.to, props: edgeProperties(edge) });
      onDone((done += 1));
    }
  }
  return sum(await merges.flushAll(EDGE_TYPES), await creates.flushAll(EDGE_TYPES));
}

function sum(a: Written, b: Written): Written {
  return { created: a.created + b.created, updated: a.updated + b.updated };
}

/**
 * Rows grouped by label or type, written a batch at a time; sums what each batch reports. One
 * batch is written while the next is read and prepared (Node and Neo4j work at the same time),
 * and batches are written strictly one after another, in order.
 */
class Batches<K extends string, Row> {
  private readonly pending = new Map<K, Row[]>();
  readonly totals: Written = { created: 0, updated: 0 };
  added = 0;

  constructor(
    private readonly size: number,
    private readonly write: (key: K, rows: Row[]) => Promise<Written>,
    /** Shared by the batches of one phase, so their writes never overlap. */
    private readonly pipe: Pipe,
  ) {}

  async add(key: K, row: Row): Promise<void> {
    const list = this.pending.get(key) ?? [];
    list.push(row);
    this.pending.set(key, list);
    this.added += 1;
    if (list.length >= this.size) await this.flush(key);
  }

  async flushAll(keys: readonly K[]): Promise<Written> {
    for (const key of keys) await this.flush(key);
    await this.pipe.inFlight;
    return this.totals;
  }

  /** Waits for the batch being written (so at most one is in flight), then starts this one. */
  private async flush(key: K): Promise<void> {
    const rows = this.pending.get(key);
    if (!rows || rows.length === 0) return;
    this.pending.set(key, []);
    await this.pipe.inFlight;
    const writing = this.write(key, rows).then((result) => {
      this.totals.created += result.created;
      this.totals.updated += result.updated;
    });
    // A failure surfaces at the next flush or at flushAll; never as an unhandled rejection.
    writing.catch(() => {});
    this.pipe.inFlight = writing;
  }
}

/** The write in flight for one phase of an import. */
interface Pipe {
  inFlight: Promise<void>;
}

function withUnchanged(w: Written, total: number): ImportCounts {
  return { created: w.created, updated: w.updated, unchanged: total - w.created - w.updated };
}

// Phase 1 proved every record valid, so a failure here is a programming error, not user input.
function reparseNode(raw: unknown): NodeRecord {
  const r = parseNode(raw);
  if (!r.ok) throw new Error(`record changed between check and write: ${JSON.stringify(r.problems)}`);
  return r.record;
}

function reparseEdge(raw: unknown): EdgeRecord {
  const r = parseEdge(raw);
  if (!r.ok) throw new Error(`record changed between check and write: ${JSON.stringify(r.problems)}`);
  return r.record;
}

export type { Problem };

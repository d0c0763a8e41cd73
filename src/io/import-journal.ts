// The journal that keeps a staged import all-or-nothing without one huge transaction.
//
// A staged import writes its batches in transactions of their own. Each batch, in the same
// transaction as its writes, records how to undo itself: a ZanjirImportBatch with what it created
// and a ZanjirImportUndo copy of everything it changed, taken before the change. A ZanjirImport
// node is the journal's head: 'writing' until the commit point, 'committed' after it.
//   - The import fails: its batches are undone newest first, each in one transaction, and the
//     data set's meta is put back. The database is as it was.
//   - The process dies: the head stays 'writing' and its heartbeat stops. The next import, or the
//     next server start, rolls it back the same way (a rollback interrupted in turn resumes).
//   - It commits: the journal is deleted in chunks; a cleanup cut short is finished later.
// While a staged import is being written, readers can see its batches (Neo4j has no snapshot
// across transactions); ordinary imports, up to ZANJIR_IMPORT_TX_RECORDS records, are one
// transaction and never visible half-written.

import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/executor.js';
import { ImportInProgressError } from '../errors/index.js';

/** A writer silent this long is taken for dead. Batches heartbeat every few seconds. */
export const STALE_AFTER_MS = 120_000;
const CLEANUP_CHUNK = 10_000;

export interface OpenImport {
  importId: string;
  state: 'writing' | 'committed';
  startedAt: string;
  heartbeatAt: string;
  batches: number;
  sources: string[];
}

export interface RecoveryOptions {
  /** Imports whose heartbeat is older than this are rolled back; younger ones make this throw. */
  staleAfterMs?: number;
  log?: (line: string) => void;
  now?: () => Date;
}

export async function openImports(executor: Executor): Promise<OpenImport[]> {
  const rows = await executor.read('import/journal-list', {}, { timeoutMs: 0 });
  return rows.map((r) => ({
    importId: String(r.importId),
    state: r.state === 'committed' ? 'committed' : 'writing',
    startedAt: String(r.startedAt),
    heartbeatAt: String(r.heartbeatAt),
    batches: Number(r.batches ?? 0),
    sources: Array.isArray(r.sources) ? r.sources.map(String) : [],
  }));
}

/**
 * Finishes what earlier imports left: cleans up committed ones, rolls back dead ones. Throws
 * ImportInProgressError when another import is still alive, so two are never written at once.
 * Returns how many imports it rolled back.
 */
export async function recoverImports(executor: Executor, options: RecoveryOptions = {}): Promise<number> {
  const log = options.log ?? (() => {});
  const staleAfter = options.staleAfterMs ?? STALE_AFTER_MS;
  const now = (options.now ?? (() => new Date()))().getTime();
  let rolledBack = 0;
  for (const open of await openImports(executor)) {
    if (open.state === 'committed') {
      await cleanUp(executor, open.importId);
      continue;
    }
    const silentFor = now - Date.parse(open.heartbeatAt);
    if (silentFor < staleAfter) throw new ImportInProgressError(open.startedAt, open.batches);
    log(`An import of ${open.sources.join(', ') || 'a document'} started ${open.startedAt} stopped after ${open.batches} batches without finishing; rolling it back…`);
    await rollBack(executor, open.importId);
    log('Rolled back: the database is as it was before that import.');
    rolledBack += 1;
  }
  return rolledBack;
}

export interface Journal {
  importId: string;
  /** Batches written so far; the next batch's sequence number is this + 1. */
  batches: number;
}

export async function beginJournal(executor: Executor, sources: string[]): Promise<Journal> {
  const importId = randomUUID();
  await executor.write('import/journal-begin', { importId, now: new Date().toISOString(), sources });
  return { importId, batches: 0 };
}

/** The commit point: after it the import stands; then the journal is cleaned up. */
export async function commitJournal(executor: Executor, journal: Journal): Promise<void> {
  const [row] = await executor.write('import/journal-commit', { importId: journal.importId, now: new Date().toISOString() });
  if (!row) throw new Error(`import ${journal.importId} is no longer open; it was rolled back by another process`);
  await cleanUp(executor, journal.importId);
}

/** Undoes every batch of an import, newest first, then its meta change and the journal's head. */
export async function rollBack(executor: Executor, importId: string): Promise<void> {
  const batches = await executor.read('import/journal-batches', { importId }, { timeoutMs: 0 });
  for (const b of batches) {
    const params = { importId, seq: b.seq };
    if (b.what === 'nodes') await executor.write('import/undo-nodes', params, { timeoutMs: 0, substitutions: { label: String(b.label) } });
    else await executor.write('import/undo-edges', params, { timeoutMs: 0, substitutions: { type: String(b.type) } });
  }
  await executor.write('import/undo-meta', { importId }, { timeoutMs: 0 });
}

async function cleanUp(executor: Executor, importId: string): Promise<void> {
  for (;;) {
    const [row] = await executor.write('import/journal-delete-entries', { importId, limit: CLEANUP_CHUNK }, { timeoutMs: 0 });
    if (Number(row?.deleted ?? 0) === 0) break;
  }
  await executor.write('import/journal-end', { importId }, { timeoutMs: 0 });
}

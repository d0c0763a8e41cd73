// The journal that keeps a staged import all-or-nothing without one huge transaction.
//
// A staged import writes its batches in transactions of their own. Each batch, in the same
// transaction as its writes, records how to undo itself: a ZanjirImportBatch with what it created
// and a ZanjirImportUndo copy of everything it changed, taken before the change. A ZanjirImport
// node is the journal's head: 'writing' until the commit point, 'committed' after it.
//   - The import fails: its batches are undone newest first, each in one transaction, and the
//     data set's meta is put back. The database is as it was.
//   - The process dies: the head stays 'writing' and its heartbeat stops. The next import, or the
//     next server start, takes it over and rolls it back the same way (a rollback interrupted in
//     turn is taken over and resumed).
//   - It commits: the journal is deleted in chunks; a cleanup cut short is finished later.
// Only one process writes or rolls back an import: the head names its owner, each batch locks the
// head and checks it still owns a 'writing' import before it commits, and a takeover locks the head
// before it reads how long the owner has been silent (by the database's clock). Only one staged
// import is open at a time (a unique `slot`), and a one-transaction import holds a lock that a
// staged one must take to open.
// While a staged import is being written, readers can see its batches (Neo4j has no snapshot
// across transactions); ordinary imports, up to ZANJIR_IMPORT_TX_RECORDS records, are one
// transaction and never visible half-written.

import { randomUUID } from 'node:crypto';
import { isConstraintViolation, type Executor, type QueryRunner } from '../db/executor.js';
import { ImportInProgressError } from '../errors/index.js';
import { forgetDatasetOfImport } from './datasets.js';
import { ChangeSet } from '../db/change-set.js';

/** A writer silent this long is taken for dead. Batches heartbeat every few seconds. */
export const STALE_AFTER_MS = 120_000;
const CLEANUP_CHUNK = 10_000;

export interface OpenImport {
  importId: string;
  state: 'writing' | 'rolling-back' | 'committed';
  startedAt: string;
  /** Seconds since its owner last showed it was alive, by the database's clock. */
  silentSeconds: number;
  batches: number;
  sources: string[];
}

export interface RecoveryOptions {
  /** Imports silent longer than this are rolled back; others make this throw. */
  staleAfterMs?: number;
  log?: (line: string) => void;
}

export async function openImports(executor: Executor): Promise<OpenImport[]> {
  const rows = await executor.read('import/journal-list', {}, { timeoutMs: 0 });
  return rows.map((r) => ({
    importId: String(r.importId),
    state: r.state === 'committed' || r.state === 'rolling-back' ? r.state : 'writing',
    startedAt: String(r.startedAt),
    silentSeconds: Number(r.silentSeconds ?? 0),
    batches: Number(r.batches ?? 0),
    sources: Array.isArray(r.sources) ? r.sources.map(String) : [],
  }));
}

/**
 * Finishes what earlier imports left: cleans up committed ones, takes over and rolls back dead
 * ones. Throws ImportInProgressError when another import is still alive, so two are never written
 * at once. Returns how many imports it rolled back.
 */
export async function recoverImports(executor: Executor, options: RecoveryOptions = {}): Promise<number> {
  const log = options.log ?? (() => {});
  const minSilentSeconds = Math.floor((options.staleAfterMs ?? STALE_AFTER_MS) / 1000);
  let rolledBack = 0;
  for (const open of await openImports(executor)) {
    if (open.state === 'committed') {
      await cleanUp(executor, open.importId);
      continue;
    }
    const owner = randomUUID();
    if (open.silentSeconds < minSilentSeconds || !(await claim(executor, open.importId, owner, minSilentSeconds))) {
      throw new ImportInProgressError(open.startedAt, open.batches);
    }
    log(`An import of ${open.sources.join(', ') || 'a document'} started ${open.startedAt} stopped after ${open.batches} batches without finishing; rolling it back…`);
    await rollBack(executor, { importId: open.importId, owner });
    log('Rolled back: the database is as it was before that import.');
    rolledBack += 1;
  }
  return rolledBack;
}

export interface Journal {
  importId: string;
  /** This process's claim on the import: only its owner may write or roll it back. */
  owner: string;
  /** Batches written so far; the next batch's sequence number is this + 1. */
  batches: number;
  /**
   * What the batches touched, gathered but not yet in the change feed: the commit records it
   * once, so readers refresh once per import, not once per batch, and never for a rolled-back one.
   */
  changes: ChangeSet;
}

export async function beginJournal(executor: Executor, sources: string[]): Promise<Journal> {
  const journal: Journal = { importId: randomUUID(), owner: randomUUID(), batches: 0, changes: new ChangeSet() };
  try {
    await executor.write('import/journal-begin', { importId: journal.importId, owner: journal.owner, sources });
  } catch (error) {
    if (!isConstraintViolation(error)) throw error;
    // Another staged import opened between our check and now.
    const other = (await openImports(executor)).find((o) => o.state !== 'committed');
    throw new ImportInProgressError(other?.startedAt ?? 'just now', other?.batches ?? 0);
  }
  return journal;
}

/**
 * Inside a batch's transaction: refreshes the heartbeat and proves this process still owns the
 * import. Throws (so the batch is abandoned) when another process has taken it over.
 */
export async function assertOwner(tx: QueryRunner, journal: Pick<Journal, 'importId' | 'owner'>, state: 'writing' | 'rolling-back', seq: number | null): Promise<void> {
  const rows = await tx.run('import/journal-heartbeat', { importId: journal.importId, owner: journal.owner, state, seq });
  if (rows.length === 0) throw new Error(`import ${journal.importId} was taken over by another process (its heartbeat was late), which rolls it back`);
}

/**
 * Runs work that must not run beside an open staged import (an edit, a removal). When one is in
 * the way and its writer is dead (silent past the threshold), it is rolled back here and the work
 * tried again, so a crashed import does not wait for the next import to be cleaned up; a live one
 * still makes the work refuse with IMPORT_IN_PROGRESS.
 */
export async function besideImports<T>(executor: Executor, work: () => Promise<T>, options: RecoveryOptions = {}): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ImportInProgressError)) throw error;
    if ((await recoverImports(executor, options)) === 0) throw error;
    return work();
  }
}

/** A one-transaction import: holds the import lock and refuses to run beside an open staged import. */
export async function lockForSingleTransaction(tx: QueryRunner): Promise<void> {
  const [row] = await tx.run('import/lock-single');
  if (row?.openImport) throw new ImportInProgressError(String(row.startedAt), Number(row.batches ?? 0));
}

/** The commit point: after it the import stands; then the journal is cleaned up. */
export async function commitJournal(executor: Executor, journal: Journal): Promise<void> {
  const [row] = await executor.write('import/journal-commit', { importId: journal.importId, owner: journal.owner }, { changes: journal.changes });
  if (!row) throw new Error(`import ${journal.importId} was taken over by another process before it could commit`);
  await cleanUp(executor, journal.importId);
}

/** Claims an import for rollback; false if someone else holds it (and is alive). */
export async function claim(executor: Executor, importId: string, owner: string, minSilentSeconds: number): Promise<boolean> {
  const rows = await executor.write('import/journal-claim', { importId, owner, minSilentSeconds });
  return rows.length > 0;
}

/**
 * Undoes every batch of a claimed import, newest first, each in one transaction that also proves
 * the claim still holds; then its meta change and the journal's head.
 */
export async function rollBack(executor: Executor, journal: Pick<Journal, 'importId' | 'owner'>): Promise<void> {
  const { importId } = journal;
  const batches = await executor.read('import/journal-batches', { importId }, { timeoutMs: 0 });
  // The batches may have been seen by a full build that ran during the import: the undo is
  // recorded in the change feed once, with the last step, so every engine drops them.
  const changes = new ChangeSet();
  for (const b of batches) {
    const params = { importId, seq: b.seq };
    await executor.writeTransaction(
      async (tx) => {
        await assertOwner(tx, journal, 'rolling-back', null);
        if (b.what === 'nodes') await tx.run('import/undo-nodes', params, { label: String(b.label) });
        else await tx.run('import/undo-edges', params, { type: String(b.type) });
      },
      { label: 'import/undo', timeoutMs: 0, changes, deferChanges: true },
    );
  }
  // The data set it was recording: its name off every record it marked, its bookkeeping gone.
  await forgetDatasetOfImport(executor, importId);
  await executor.writeTransaction(
    async (tx) => {
      await assertOwner(tx, journal, 'rolling-back', null);
      await tx.run('import/undo-meta', { importId });
    },
    { label: 'import/undo-meta', timeoutMs: 0 },
  );
}

async function cleanUp(executor: Executor, importId: string): Promise<void> {
  for (;;) {
    const [row] = await executor.write('import/journal-delete-entries', { importId, limit: CLEANUP_CHUNK }, { timeoutMs: 0 });
    if (Number(row?.deleted ?? 0) === 0) break;
  }
  await executor.write('import/journal-end', { importId }, { timeoutMs: 0 });
}

// Data sets (docs/domain.md, Data sets): every import is recorded as a ZanjirDataset (name, files,
// checksum of its records, who, when, counts), and every node and relationship it writes carries
// the name in `_datasets`. While it writes, each batch keeps, in its own transaction, what
// removing the data set needs: the ids it created (ZanjirDatasetBatch) and, for each record it
// changed but did not create, a copy from before (ZanjirDatasetUndo) and what it wrote
// (ZanjirDatasetWrite) — see cypher/import/merge-*.cypher.
//
// Removing a data set, in one transaction (all or nothing):
//   1. refuse when records of other data sets or edits hang on nodes only it brought;
//   2. delete the relationships, then the nodes, it created that no other data set has written
//      since (their `_datasets` is exactly [name]);
//   3. on records it updated, put back every property it wrote that still holds what it wrote;
//   4. take its name off every record; delete its bookkeeping and its record.
// A staged import that is rolled back (or dies) forgets its data set the same way (steps 4).

import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { BadUserInputError, DatasetExistsError, DatasetInUseError, NotFoundError } from '../errors/index.js';
import { isConstraintViolation, type Executor, type QueryRunner } from '../db/executor.js';
import { refreshSearchKeys } from '../db/search-keys.js';
import { ImportInProgressError } from '../errors/index.js';

/** Data-set names: readable ASCII, like ids, at most 100 characters. */
export const DATASET_NAME = /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,99}$/;

export interface DatasetRequest {
  /** The name to record the import under; default: from its first file ("steel.json" → "steel"). */
  name?: string | null;
  /** Who imports it: a key's subject, "cli:alice", "seed". */
  by?: string | null;
}

export interface DatasetPlan {
  datasetId: string;
  name: string;
  files: string[];
  checksum: string;
  by: string;
}

export interface DatasetCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface DatasetInfo {
  name: string;
  state: 'writing' | 'committed';
  files: string[];
  checksum: string;
  importedBy: string;
  importedAt: string;
  homeCountry: string | null;
  nodes: DatasetCounts;
  edges: DatasetCounts;
}

export interface RemovalSummary {
  name: string;
  nodesDeleted: number;
  edgesDeleted: number;
  nodesRestored: number;
  edgesRestored: number;
}

export function checkDatasetName(name: unknown, field = 'dataset'): string {
  if (typeof name !== 'string' || !DATASET_NAME.test(name)) {
    throw new BadUserInputError(`${field} must be 1 to 100 characters of letters, digits and . _ : + - (starting with a letter or digit), like seed-2026 or steel.json; got ${JSON.stringify(String(name).slice(0, 60))}.`, field);
  }
  return name;
}

/** "steel.json" → "steel"; anything else folded to the name alphabet; "document" for an inline document. */
export function defaultDatasetName(sourceNames: readonly string[]): string {
  const first = sourceNames[0] ?? 'document';
  const base = path.basename(first).replace(/\.(jsonl|ndjson|json)$/i, '');
  const folded = base.replace(/[^A-Za-z0-9._:+-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 90);
  return folded || 'document';
}

/** The name and record of an import's data set: the name asked for (refused when taken), or a free default. */
export async function planDataset(executor: Executor, request: DatasetRequest | undefined, sourceNames: readonly string[], checksum: string): Promise<DatasetPlan> {
  const taken = new Set((await executor.read('dataset/list', { name: null })).map((r) => String(r.name)));
  let name: string;
  if (request?.name) {
    name = checkDatasetName(request.name);
    if (taken.has(name)) throw new DatasetExistsError(name);
  } else {
    const base = defaultDatasetName(sourceNames);
    name = base;
    for (let i = 2; taken.has(name); i += 1) name = `${base}-${i}`;
  }
  return { datasetId: randomUUID(), name, files: [...sourceNames], checksum, by: request?.by ?? 'unknown' };
}

/** Takes the data set's name, before anything else is written (in the import's transaction, or on its own for a staged one). */
export async function beginDataset(tx: Pick<QueryRunner, 'run'>, plan: DatasetPlan, importId: string | null, homeCountry: string): Promise<void> {
  try {
    await tx.run('dataset/begin', { name: plan.name, datasetId: plan.datasetId, importId, files: plan.files, checksum: plan.checksum, by: plan.by, homeCountry });
  } catch (error) {
    if (isConstraintViolation(error)) throw new DatasetExistsError(plan.name);
    throw error;
  }
}

export async function commitDataset(tx: Pick<QueryRunner, 'run'>, plan: DatasetPlan, nodes: DatasetCounts, edges: DatasetCounts): Promise<void> {
  await tx.run('dataset/commit', { datasetId: plan.datasetId, nodes, edges });
}

/** After a staged import is rolled back: forget the data set it was recording (names off, bookkeeping gone). */
export async function forgetDatasetOfImport(executor: Executor, importId: string): Promise<void> {
  const [row] = await executor.read('dataset/of-import', { importId }, { timeoutMs: 0 });
  if (!row) return;
  const name = String(row.name);
  await executor.writeTransaction(
    async (tx) => {
      await tx.run('dataset/unmark', { name });
      await tx.run('dataset/forget', { name });
    },
    { label: 'dataset/forget', timeoutMs: 0 },
  );
}

export async function listDatasets(executor: Executor, name: string | null = null): Promise<DatasetInfo[]> {
  const rows = await executor.read('dataset/list', { name });
  return rows.map((r) => ({
    name: String(r.name),
    state: r.state === 'committed' ? 'committed' : 'writing',
    files: Array.isArray(r.files) ? r.files.map(String) : [],
    checksum: String(r.checksum ?? ''),
    importedBy: String(r.importedBy ?? 'unknown'),
    importedAt: String(r.importedAt ?? ''),
    homeCountry: (r.homeCountry as string | null) ?? null,
    nodes: { created: Number(r.nodesCreated ?? 0), updated: Number(r.nodesUpdated ?? 0), unchanged: Number(r.nodesUnchanged ?? 0) },
    edges: { created: Number(r.edgesCreated ?? 0), updated: Number(r.edgesUpdated ?? 0), unchanged: Number(r.edgesUnchanged ?? 0) },
  }));
}

/** Removes (once no import is open: see dataset-removal.ts) exactly what only this data set brought and restores what it overwrote; all or nothing. */
export async function removeDatasetNow(executor: Executor, name: string): Promise<RemovalSummary> {
  checkDatasetName(name, 'name');
  // Not beside an unfinished import (its rollback would undo around the removal).
  const open = (await executor.read('import/journal-list', {}, { timeoutMs: 0 })).find((o) => o.state !== 'committed');
  if (open) throw new ImportInProgressError(String(open.startedAt), Number(open.batches ?? 0));
  const [info] = await listDatasets(executor, name);
  if (!info) throw new NotFoundError('data set', name);
  if (info.state !== 'committed') throw new ImportInProgressError(info.importedAt, 0);
  return executor.writeTransaction(
    async (tx) => {
      // The lock edits and imports take (import/lock-single): an edit is wholly before the
      // removal (and blocks it below) or after it (and finds its node gone), never in between.
      const [lock] = await tx.run('import/lock-single');
      if (lock?.openImport) throw new ImportInProgressError(String(lock.startedAt), Number(lock.batches ?? 0));
      const blockers = (await tx.run('dataset/blockers', { name })).map((r) => String(r.record));
      if (blockers.length > 0) throw new DatasetInUseError(name, blockers.slice(0, 10), Math.max(0, blockers.length - 10));
      const [deleted] = await tx.run('dataset/delete-created', { name });
      const [nodes] = await tx.run('dataset/restore-nodes', { name });
      const restoredIds = Array.isArray(nodes?.ids) ? nodes.ids.map(String) : [];
      // Names restored: rebuild the derived search fields from what is stored now.
      await refreshSearchKeys(tx, restoredIds);
      const [edges] = await tx.run('dataset/restore-edges', { name });
      await tx.run('dataset/unmark', { name });
      await tx.run('dataset/forget', { name });
      return {
        name,
        nodesDeleted: Number(deleted?.nodes ?? 0),
        edgesDeleted: Number(deleted?.edges ?? 0),
        nodesRestored: restoredIds.length,
        edgesRestored: Number(edges?.edges ?? 0),
      };
    },
    { label: 'dataset/remove', timeoutMs: 0 },
  );
}

// Removing a data set, as every door calls it: a staged import left by a dead process is rolled
// back first instead of blocking the removal until the next import (issue 22). Apart from
// datasets.ts because the import journal itself uses datasets.ts.

import type { Executor } from '../db/executor.js';
import { removeDatasetNow, type RemovalSummary } from './datasets.js';
import { besideImports, type RecoveryOptions } from './import-journal.js';

export function removeDataset(executor: Executor, name: string, recovery: Pick<RecoveryOptions, 'staleAfterMs'> = {}): Promise<RemovalSummary> {
  return besideImports(executor, () => removeDatasetNow(executor, name), recovery);
}

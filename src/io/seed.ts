// Loads the seed data set into an empty database on start-up (ZANJIR_SEED: 'default' is seed/,
// 'none' starts empty, anything else is a file or folder).

import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import type { Database } from '../db/database.js';
import { importSources, type ImportOptions, type ImportSummary } from './importer.js';
import { linkSources } from './link-sources.js';
import { filesFor, sourceForFile } from './sources.js';

export const DEFAULT_SEED_DIR = path.join(PROJECT_ROOT, 'seed');

export function seedFiles(seed: string): string[] {
  if (seed === 'none') return [];
  return filesFor(seed === 'default' ? DEFAULT_SEED_DIR : path.resolve(seed));
}

/** Imports the seed when the database holds no chain nodes yet; returns null when it did nothing. */
export async function seedIfEmpty(db: Database, seed: string, options: ImportOptions = {}): Promise<ImportSummary | null> {
  const files = seedFiles(seed);
  if (files.length === 0) return null;
  const counts = await db.store.counts();
  if (Object.values(counts.nodes).some((n) => n > 0)) return null;
  const summary = await importSources(db.executor, files.map((f) => sourceForFile(f)), { dataset: { name: seed === 'default' ? 'seed' : null, by: 'seed' }, ...options });
  // The seed's articles are Source nodes with full text: record which nodes they mention.
  await linkSources(db.executor);
  return summary;
}

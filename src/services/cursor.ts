// Opaque keyset cursors: the sort field, the sort key (a string, a number, or null for nodes
// without the value) and the id of the last node seen, so a page resumes exactly after it even
// while nodes are added.

import { BadUserInputError } from '../errors/index.js';
import type { OrderField, SortKey } from '../db/chain-store.js';

export function encodeCursor(field: OrderField, key: SortKey, id: string): string {
  return Buffer.from(JSON.stringify([field, key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field: OrderField): { key: SortKey; id: string } {
  try {
    const [f, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, unknown, unknown];
    const keyOk = key === null || typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key));
    if (f === field && keyOk && typeof id === 'string') return { key: key as SortKey, id };
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError('after is not a cursor from this listing (was the order changed?).', 'after');
}

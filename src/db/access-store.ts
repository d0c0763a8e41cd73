// API keys in the database, so every Zanjir process on one Neo4j honours the same keys and a
// revocation reaches them all. Only digests are stored (src/access/api-key.ts).

import { generateApiKey } from '../access/api-key.js';
import type { Executor } from './executor.js';

export interface ApiKeyRecord {
  keyId: string;
  role: string;
  name: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface StoredKey {
  keyId: string;
  hash: string;
  role: string;
  name: string;
  revoked: boolean;
}

export class AccessStore {
  constructor(private readonly executor: Executor) {}

  async create(key: { keyId: string; hash: string; role: string; name: string; createdBy: string }): Promise<ApiKeyRecord> {
    const [row] = await this.executor.write('access/key-create', key);
    return toRecord(row!);
  }

  /** Makes a key and stores its digest: the key itself is in the answer and nowhere else. */
  async issue(key: { role: string; name: string; createdBy: string }): Promise<{ key: string; apiKey: ApiKeyRecord }> {
    const made = generateApiKey();
    return { key: made.key, apiKey: await this.create({ keyId: made.keyId, hash: made.hash, ...key }) };
  }

  async find(keyId: string): Promise<StoredKey | null> {
    const [row] = await this.executor.read('access/key-by-id', { keyId });
    if (!row) return null;
    return { keyId: String(row.keyId), hash: String(row.hash), role: String(row.role), name: String(row.name ?? ''), revoked: row.revoked === true };
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (await this.executor.read('access/key-list')).map(toRecord);
  }

  async revoke(keyId: string, revokedBy: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.executor.write('access/key-revoke', { keyId, revokedBy });
    return row ? toRecord(row) : null;
  }

  async touch(keyId: string): Promise<void> {
    await this.executor.write('access/key-touch', { keyId });
  }
}

function toRecord(row: Record<string, unknown>): ApiKeyRecord {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    keyId: String(row.keyId),
    role: String(row.role),
    name: String(row.name ?? ''),
    createdAt: String(row.createdAt),
    createdBy: String(row.createdBy ?? ''),
    revokedAt: str(row.revokedAt),
    lastUsedAt: str(row.lastUsedAt),
  };
}

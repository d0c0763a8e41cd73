// API keys: `zk_<keyId>_<secret>`. The id finds the key's record; only a SHA-256 digest of the
// secret is stored, so a copy of the database does not hand out working keys. The secret is 256
// random bits, so a plain digest is as strong as a slow password hash here.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const KEY_PREFIX = 'zk_';
const KEY_PATTERN = /^zk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  keyId: string;
  /** The whole key, shown once to whoever creates it. */
  key: string;
  hash: string;
}

export function generateApiKey(): NewApiKey {
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, key: `${KEY_PREFIX}${keyId}_${secret}`, hash: digest(secret) };
}

/** The key's id and secret, or null for anything that is not shaped like a Zanjir key. */
export function parseApiKey(key: string): { keyId: string; secret: string } | null {
  const match = KEY_PATTERN.exec(key.trim());
  return match ? { keyId: match[1]!, secret: match[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(digest(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A key's name says who or what it is for: 1 to KEY_NAME_MAX characters once trimmed. */
export const KEY_NAME_MAX = 100;

/** The name as stored, or null when it is empty or longer than KEY_NAME_MAX. */
export function keyName(name: string | undefined): string | null {
  const trimmed = name?.trim() ?? '';
  return trimmed.length >= 1 && trimmed.length <= KEY_NAME_MAX ? trimmed : null;
}

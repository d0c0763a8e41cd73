// Turns a request's credentials into a Principal. An API key (`Authorization: Bearer zk_…` or
// `X-API-Key: zk_…`) or a JWT (`Authorization: Bearer eyJ…`, when an issuer is configured) grants
// its own role; no credentials gives the configured anonymous role. Credentials that are present
// but wrong are refused outright, never quietly downgraded to anonymous.

import type { AccessConfig } from '../config.js';
import { UnauthenticatedError } from '../errors/index.js';
import { parseApiKey, secretMatches, KEY_PREFIX } from './api-key.js';
import type { JwtVerifier } from './jwt.js';
import { isRole, type Principal } from './roles.js';

/** What the authenticator needs of the key store (src/db/access-store.ts). */
export interface KeyLookup {
  find(keyId: string): Promise<{ keyId: string; hash: string; role: string; name: string; revoked: boolean } | null>;
  touch(keyId: string): Promise<void>;
}

type Headers = Record<string, string | string[] | undefined>;

export class Authenticator {
  private readonly cache = new Map<string, { at: number; key: Awaited<ReturnType<KeyLookup['find']>> }>();

  constructor(
    private readonly config: AccessConfig,
    private readonly keys: KeyLookup,
    private readonly jwt: JwtVerifier | null,
  ) {}

  async authenticate(headers: Headers): Promise<Principal> {
    const credential = credentialOf(headers);
    if (credential === null) {
      const role = this.config.anonymousRole === 'none' ? null : this.config.anonymousRole;
      return { role, subject: 'anonymous', via: 'anonymous' };
    }
    if (credential.startsWith(KEY_PREFIX)) return this.apiKey(credential);
    if (this.jwt && credential.split('.').length === 3) return this.jwt.verify(credential);
    throw new UnauthenticatedError(
      this.jwt ? 'The bearer token is neither a Zanjir API key (zk_…) nor a JWT.' : 'The bearer token is not a Zanjir API key (zk_…); this server accepts no other tokens.',
    );
  }

  /** Forgets cached keys at once (after a revocation made by this process). */
  forget(keyId?: string): void {
    if (keyId) this.cache.delete(keyId);
    else this.cache.clear();
  }

  private async apiKey(credential: string): Promise<Principal> {
    const parsed = parseApiKey(credential);
    if (!parsed) throw new UnauthenticatedError('The API key is malformed: a Zanjir key looks like zk_<12 hex>_<43 characters>.');
    const stored = await this.lookup(parsed.keyId);
    if (!stored || !secretMatches(parsed.secret, stored.hash)) throw new UnauthenticatedError('The API key is not valid.');
    if (stored.revoked) throw new UnauthenticatedError('The API key has been revoked.');
    if (!isRole(stored.role)) throw new UnauthenticatedError('The API key carries an unknown role; ask an admin to issue a new one.');
    return { role: stored.role, subject: `key:${stored.keyId}${stored.name ? ` (${stored.name})` : ''}`, via: 'api-key' };
  }

  private async lookup(keyId: string) {
    const ttl = this.config.keyCacheSeconds * 1000;
    const cached = this.cache.get(keyId);
    if (cached && Date.now() - cached.at < ttl) return cached.key;
    const key = await this.keys.find(keyId);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(keyId, { at: Date.now(), key });
    // Once per cache period, not per request: a read path should not write on every call.
    if (key && !key.revoked) this.keys.touch(keyId).catch(() => {});
    return key;
  }
}

function credentialOf(headers: Headers): string | null {
  const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || null;
  const apiKey = single(headers['x-api-key']);
  if (apiKey) return apiKey;
  const authorization = single(headers.authorization);
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <API key or JWT>".');
  return match[1]!;
}

// JWT sign-in: tokens signed by an identity provider (Keycloak, Azure AD, Auth0, …) whose public
// keys are published as a JWKS. Only asymmetric algorithms are accepted (never `none`, never a
// shared HMAC secret that would make the JWKS a forgery kit). The caller's role comes from one
// claim, configured by name.

import { createPublicKey, verify as verifySignature, constants, type KeyObject, type JsonWebKey } from 'node:crypto';
import type { JwtConfig } from '../config.js';
import { UnauthenticatedError, ForbiddenError } from '../errors/index.js';
import { strongestRole, type Principal } from './roles.js';

const ALGORITHMS: Record<string, { hash: string; kty: string; pss?: boolean; ecdsa?: boolean }> = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  RS384: { hash: 'sha384', kty: 'RSA' },
  RS512: { hash: 'sha512', kty: 'RSA' },
  PS256: { hash: 'sha256', kty: 'RSA', pss: true },
  PS384: { hash: 'sha384', kty: 'RSA', pss: true },
  ES256: { hash: 'sha256', kty: 'EC', ecdsa: true },
  ES384: { hash: 'sha384', kty: 'EC', ecdsa: true },
  EdDSA: { hash: '', kty: 'OKP' },
};

/** Seconds of clock difference tolerated on exp and nbf. */
const LEEWAY_S = 60;
const JWKS_TTL_MS = 10 * 60_000;
/** An unknown kid refreshes the JWKS at most this often (key rotation without a flood). */
const REFRESH_MIN_MS = 30_000;

interface Jwk extends JsonWebKey {
  kid?: string;
  use?: string;
  alg?: string;
}

export class JwtVerifier {
  private keys = new Map<string, { key: KeyObject; jwk: Jwk }>();
  private fetchedAt = 0;
  private fetching: Promise<void> | null = null;

  constructor(
    private readonly config: JwtConfig,
    private readonly fetchJson: (url: string) => Promise<unknown> = defaultFetchJson,
  ) {}

  async verify(token: string, now = Date.now()): Promise<Principal> {
    const parts = token.split('.');
    if (parts.length !== 3) throw new UnauthenticatedError('The bearer token is neither a Zanjir API key nor a JWT.');
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = decodeJson(headerPart, 'header');
    const payload = decodeJson(payloadPart, 'payload');
    const alg = typeof header.alg === 'string' ? header.alg : '';
    const spec = ALGORITHMS[alg];
    if (!spec) throw new UnauthenticatedError(`JWT algorithm ${JSON.stringify(header.alg)} is not accepted; use one of ${Object.keys(ALGORITHMS).join(', ')}.`);
    const key = await this.keyFor(typeof header.kid === 'string' ? header.kid : null, spec.kty, now);
    const signed = Buffer.from(`${headerPart}.${payloadPart}`, 'utf8');
    const signature = Buffer.from(signaturePart, 'base64url');
    // A key of the right family that still cannot verify (an X25519 key is OKP, like Ed25519) throws:
    // the token is refused, never a 500 (issue 22).
    const verifies = (hash: string | null, data: Buffer, options: Parameters<typeof verifySignature>[2], sig: Buffer): boolean => {
      try {
        return verifySignature(hash, data, options, sig);
      } catch {
        throw new UnauthenticatedError(`The issuer's key${typeof header.kid === 'string' ? ` with kid ${JSON.stringify(header.kid)}` : ''} cannot verify ${alg} signatures.`);
      }
    };
    const ok = verifies(
      spec.hash || null,
      signed,
      {
        key,
        ...(spec.pss ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : {}),
        ...(spec.ecdsa ? { dsaEncoding: 'ieee-p1363' as const } : {}),
      },
      signature,
    );
    if (!ok) throw new UnauthenticatedError('The JWT signature does not verify against the issuer’s keys.');
    this.checkClaims(payload, now);
    const claim = payload[this.config.roleClaim];
    const role = strongestRole(Array.isArray(claim) ? claim : [claim]);
    if (!role) throw new ForbiddenError(`The token is valid but its ${this.config.roleClaim} claim grants no Zanjir role (reader, researcher, editor or admin).`);
    const subject = typeof payload.sub === 'string' ? payload.sub : 'unknown';
    return { role, subject: `jwt:${subject.slice(0, 200)}`, via: 'jwt' };
  }

  private checkClaims(payload: Record<string, unknown>, now: number): void {
    const seconds = now / 1000;
    if (payload.iss !== this.config.issuer) throw new UnauthenticatedError(`The JWT was issued by ${JSON.stringify(payload.iss)}, not by ${this.config.issuer}.`);
    if (typeof payload.exp !== 'number') throw new UnauthenticatedError('The JWT has no expiry (exp); tokens must expire.');
    if (payload.exp + LEEWAY_S < seconds) throw new UnauthenticatedError('The JWT has expired.');
    if (typeof payload.nbf === 'number' && payload.nbf - LEEWAY_S > seconds) throw new UnauthenticatedError('The JWT is not valid yet (nbf).');
    if (this.config.audience !== null) {
      const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      if (!aud.includes(this.config.audience)) throw new UnauthenticatedError(`The JWT is not meant for this server (aud must include ${this.config.audience}).`);
    }
  }

  private async keyFor(kid: string | null, kty: string, now: number): Promise<KeyObject> {
    if (now - this.fetchedAt > JWKS_TTL_MS) await this.refresh(now);
    let found = this.pick(kid, kty);
    if (!found && now - this.fetchedAt > REFRESH_MIN_MS) {
      await this.refresh(now);
      found = this.pick(kid, kty);
    }
    if (!found) throw new UnauthenticatedError(`No signing key${kid ? ` with kid ${JSON.stringify(kid)}` : ''} at the issuer's JWKS.`);
    return found;
  }

  private pick(kid: string | null, kty: string): KeyObject | null {
    if (kid !== null) {
      const entry = this.keys.get(kid);
      return entry && entry.jwk.kty === kty ? entry.key : null;
    }
    const candidates = [...this.keys.values()].filter((k) => k.jwk.kty === kty);
    return candidates.length === 1 ? candidates[0]!.key : null;
  }

  private refresh(now: number): Promise<void> {
    this.fetching ??= (async () => {
      try {
        const doc = (await this.fetchJson(this.config.jwksUrl)) as { keys?: Jwk[] };
        const keys = new Map<string, { key: KeyObject; jwk: Jwk }>();
        (doc?.keys ?? []).forEach((jwk, i) => {
          if (jwk.use && jwk.use !== 'sig') return;
          try {
            keys.set(jwk.kid ?? `#${i}`, { key: createPublicKey({ key: jwk, format: 'jwk' }), jwk });
          } catch {
            // A key this runtime cannot read is skipped; the others still work.
          }
        });
        this.keys = keys;
        this.fetchedAt = now;
      } catch (error) {
        throw new UnauthenticatedError(`The issuer's signing keys could not be fetched (${(error as Error).message}); try again shortly.`);
      } finally {
        this.fetching = null;
      }
    })();
    return this.fetching;
  }
}

function decodeJson(part: string, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new UnauthenticatedError(`The JWT ${what} is not valid base64url JSON.`);
}

async function defaultFetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

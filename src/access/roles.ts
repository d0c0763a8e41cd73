// Roles and what each may do. One table, read by every door (GraphQL, HTTP routes, views), so a
// role means the same everywhere; docs/security.md prints it.

import { ROLES, type Role } from '../config.js';

export type { Role };

/** Every guarded operation and the weakest role that may perform it. */
export const OPERATIONS = {
  /** GraphQL queries, analytics, views, CSV reports, /metrics. */
  read: 'reader',
  /** Exports (GraphQL and /export/*). */
  export: 'researcher',
  /** Read-only Cypher. */
  cypher: 'researcher',
  /** importGraph. */
  import: 'editor',
  /** Upserting and deleting nodes and edges, undoing changes. */
  edit: 'editor',
  /** Creating, listing and revoking API keys. */
  keys: 'admin',
  /** Emptying the graph. */
  reset: 'admin',
  /** Removing a data set (listing them is `read`). */
  datasets: 'admin',
} as const satisfies Record<string, Role>;

export type Operation = keyof typeof OPERATIONS;

/** Who is calling: a key, a signed token, or nobody in particular. */
export interface Principal {
  /** null: an anonymous caller on a server that gives them no role at all. */
  role: Role | null;
  /** For the change log and logs: "anonymous", "key:3f9a… (dashboard)", "jwt:alice@example.org". */
  subject: string;
  via: 'anonymous' | 'api-key' | 'jwt';
}

export function rank(role: Role): number {
  return ROLES.indexOf(role);
}

export function allows(role: Role | null, operation: Operation): boolean {
  return role !== null && rank(role) >= rank(OPERATIONS[operation]);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The strongest known role among a token's claims (unknown names are ignored). */
export function strongestRole(values: readonly unknown[]): Role | null {
  let best: Role | null = null;
  for (const v of values) {
    const role = typeof v === 'string' ? v.toLowerCase() : v;
    if (isRole(role) && (best === null || rank(role) > rank(best))) best = role;
  }
  return best;
}

// Every error a client can see: GraphQLErrors with a literal extensions.code. Anything else that
// escapes is reported as INTERNAL_SERVER_ERROR by the server's formatError, message hidden.

import { GraphQLError } from 'graphql';
import type { Problem } from '../model/document-check.js';
import { formatProblem } from '../model/document-check.js';

export const ErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  IMPORT_INVALID: 'IMPORT_INVALID',
  IMPORT_FAILED: 'IMPORT_FAILED',
  IMPORT_IN_PROGRESS: 'IMPORT_IN_PROGRESS',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  QUERY_NOT_READ_ONLY: 'QUERY_NOT_READ_ONLY',
  CYPHER_ERROR: 'CYPHER_ERROR',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class ZanjirError extends GraphQLError {
  constructor(
    message: string,
    readonly code: ErrorCode,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
    this.name = new.target.name;
  }
}

export class NotFoundError extends ZanjirError {
  /** `suggestions`: the nearest ids that exist, best first ("did you mean …?"). */
  constructor(what: string, id: string, suggestions: readonly string[] = []) {
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.slice(0, -1).join(', ')}${suggestions.length > 1 ? ' or ' : ''}${suggestions.at(-1)}?` : '';
    super(`No ${what} with id ${JSON.stringify(id)}.${hint}`, ErrorCode.NOT_FOUND, { id, suggestions: [...suggestions] });
  }
}

export class ForbiddenError extends ZanjirError {
  constructor(message: string) {
    super(message, ErrorCode.FORBIDDEN);
  }
}

export class BadUserInputError extends ZanjirError {
  constructor(message: string, argument?: string) {
    super(message, ErrorCode.BAD_USER_INPUT, argument ? { argument } : {});
  }
}

/** An import refused before anything was written; lists every bad record by position. */
export class ImportValidationError extends ZanjirError {
  static readonly MAX_LISTED = 200;

  constructor(readonly problems: Problem[]) {
    const listed = problems.slice(0, ImportValidationError.MAX_LISTED);
    const more = problems.length - listed.length;
    const lines = listed.map((p) => `  - ${formatProblem(p)}`);
    if (more > 0) lines.push(`  … and ${more} more`);
    super(
      `Import refused: ${problems.length} problem${problems.length === 1 ? '' : 's'} found, nothing was written.\n${lines.join('\n')}`,
      ErrorCode.IMPORT_INVALID,
      { problems: listed, problemCount: problems.length },
    );
  }
}

/** An import that passed its check but failed while writing; everything it wrote was undone. */
export class ImportFailedError extends ZanjirError {
  constructor(detail: string, readonly batches: number) {
    super(
      `Import failed while writing (${detail}); everything it had written (${batches} batch${batches === 1 ? '' : 'es'}) was rolled back, the database is as it was.`,
      ErrorCode.IMPORT_FAILED,
      { batches },
    );
  }
}

/** Another staged import is still being written; two at once could undo each other's changes. */
export class ImportInProgressError extends ZanjirError {
  constructor(startedAt: string, batches: number) {
    super(
      `Another import is being written (started ${startedAt}, ${batches} batches so far). Wait for it to finish; if its process died, Zanjir rolls it back once it has been silent for two minutes.`,
      ErrorCode.IMPORT_IN_PROGRESS,
      { startedAt, batches },
    );
  }
}

export class QueryTimeoutError extends ZanjirError {
  constructor(timeoutMs: number) {
    super(`The query ran longer than the ${timeoutMs} ms limit and was stopped. Narrow it (lower maxDepth, a smaller subgraph) or raise ZANJIR_QUERY_TIMEOUT_MS.`, ErrorCode.QUERY_TIMEOUT, { timeoutMs });
  }
}

export class QueryNotReadOnlyError extends ZanjirError {
  constructor(queryType: string) {
    super(`Only read queries are allowed here; this query is of type "${queryType}" (it would write or change the schema).`, ErrorCode.QUERY_NOT_READ_ONLY, { queryType });
  }
}

/** A researcher's own Cypher failed to parse or run: the database's explanation is safe to show. */
export class CypherError extends ZanjirError {
  constructor(message: string, neo4jCode: string) {
    super(message, ErrorCode.CYPHER_ERROR, { neo4jCode });
  }
}

export class DatabaseUnavailableError extends ZanjirError {
  constructor(detail = 'The graph database is not reachable right now; try again shortly.') {
    super(detail, ErrorCode.DATABASE_UNAVAILABLE);
  }
}

export class PayloadTooLargeError extends ZanjirError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.PAYLOAD_TOO_LARGE, extensions);
  }
}

/** Makes a switch exhaustive: the compiler rejects a call with a case left over. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}

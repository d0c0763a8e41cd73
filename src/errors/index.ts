// Every error a client can see: GraphQLErrors with a literal extensions.code. Anything else that
// escapes is reported as INTERNAL_SERVER_ERROR by the server's formatError, message hidden.

import { GraphQLError } from 'graphql';
import type { Problem } from '../model/document-check.js';
import { formatProblem } from '../model/document-check.js';

export const ErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  IMPORT_INVALID: 'IMPORT_INVALID',
  IMPORT_FAILED: 'IMPORT_FAILED',
  IMPORT_IN_PROGRESS: 'IMPORT_IN_PROGRESS',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  QUERY_NOT_READ_ONLY: 'QUERY_NOT_READ_ONLY',
  QUERY_NOT_ALLOWED: 'QUERY_NOT_ALLOWED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  REQUEST_ABORTED: 'REQUEST_ABORTED',
  BODY_TIMEOUT: 'BODY_TIMEOUT',
  SERVER_BUSY: 'SERVER_BUSY',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  HOST_NOT_ALLOWED: 'HOST_NOT_ALLOWED',
  CONFLICT: 'CONFLICT',
  CYPHER_ERROR: 'CYPHER_ERROR',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  DATASET_EXISTS: 'DATASET_EXISTS',
  DATASET_IN_USE: 'DATASET_IN_USE',
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

/** Ids as an error quotes them: whole when they could be ids, cut short when they are a megabyte of something else. */
const MAX_QUOTED_ID = 200;
const quotedId = (id: string) => (id.length <= MAX_QUOTED_ID ? id : `${id.slice(0, MAX_QUOTED_ID)}… (${id.length.toLocaleString('en')} characters)`);

export class NotFoundError extends ZanjirError {
  /** `suggestions`: the nearest ids that exist, best first ("did you mean …?"). */
  constructor(what: string, id: string, suggestions: readonly string[] = []) {
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.slice(0, -1).join(', ')}${suggestions.length > 1 ? ' or ' : ''}${suggestions.at(-1)}?` : '';
    super(`No ${what} with id ${JSON.stringify(quotedId(id))}.${hint}`, ErrorCode.NOT_FOUND, { id: quotedId(id), suggestions: [...suggestions] });
  }
}

/** No credentials where they are required, or credentials that do not check out. */
export class UnauthenticatedError extends ZanjirError {
  constructor(message: string) {
    super(message, ErrorCode.UNAUTHENTICATED);
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
      `Another import is being written (started ${startedAt}, ${batches} batches so far). Wait for it to finish; if its process died, the first import, edit or removal after it has been silent for two minutes rolls it back.`,
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

/** A researcher's query that plans as a read but uses something not on the allow-list (LOAD CSV, SHOW, a procedure). */
export class QueryNotAllowedError extends ZanjirError {
  constructor(what: string, reason: string) {
    super(`This query is refused: it uses ${what}, ${reason}. Researcher Cypher may match, filter, aggregate and return graph data, and call the procedures listed in docs/security.md.`, ErrorCode.QUERY_NOT_ALLOWED, { uses: what });
  }
}

/** A GraphQL document over one of the configured limits: says which limit, its value and what was asked. */
export class QueryTooComplexError extends ZanjirError {
  constructor(what: string, asked: number, limit: number, hint: string) {
    super(`The query's ${what} is ${asked}, over this server's limit of ${limit}. ${hint}`, ErrorCode.QUERY_TOO_COMPLEX, { limit: what, asked, max: limit, http: { status: 400 } });
  }
}

/**
 * A researcher's Cypher that could compute or hold more than the server allows: refused before it
 * runs (a huge range(), a string grown without bound), or stopped by the database's memory cap.
 */
export class QueryTooLargeError extends ZanjirError {
  constructor(reason: string) {
    super(`This query is refused: ${reason}. Work on fewer items at once (UNWIND a range into rows instead of folding it in one expression).`, ErrorCode.QUERY_TOO_LARGE);
  }
}

export class RequestTimeoutError extends ZanjirError {
  constructor(budgetMs: number) {
    super(`The request used up its ${budgetMs} ms time budget and was stopped. Ask for less (fewer aliases, smaller maxNodes or maxDepth) or raise ZANJIR_REQUEST_TIMEOUT_MS.`, ErrorCode.REQUEST_TIMEOUT, { budgetMs });
  }
}

/** A request body that stopped arriving before it was whole. */
export class BodyTimeoutError extends ZanjirError {
  constructor(idleMs: number) {
    super(`The request body stopped arriving: nothing came for ${idleMs} ms. Send the whole body at once.`, ErrorCode.BODY_TIMEOUT, { idleMs });
  }
}

export class RequestAbortedError extends ZanjirError {
  constructor() {
    super('The client went away; the request was stopped.', ErrorCode.REQUEST_ABORTED);
  }
}

/** Every database connection is busy for longer than the request can wait. */
export class ServerBusyError extends ZanjirError {
  constructor(waitedMs: number) {
    super(`The server is busy: no database connection became free within ${waitedMs} ms. Try again shortly.`, ErrorCode.SERVER_BUSY, { waitedMs });
  }
}

/** One caller has too many requests running at once; the others keep their share. */
export class TooManyRequestsError extends ZanjirError {
  constructor(limit: number) {
    super(`You have ${limit} requests running already, this server's limit for one caller (ZANJIR_CLIENT_CONCURRENCY). Wait for them, then retry.`, ErrorCode.TOO_MANY_REQUESTS, { limit });
  }
}

export class ResponseTooLargeError extends ZanjirError {
  constructor(bytes: number, limit: number) {
    super(`The answer would be ${bytes} bytes, over this server's limit of ${limit} (ZANJIR_MAX_RESPONSE_BYTES). Ask for fewer fields or nodes, or use /export for whole subgraphs.`, ErrorCode.RESPONSE_TOO_LARGE, { bytes, limit });
  }
}

/** An edit that does not apply to the graph as it stands (e.g. undoing a change twice). */
export class ConflictError extends ZanjirError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, extensions);
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

/** An import asked to be recorded under a data-set name that is taken. */
export class DatasetExistsError extends ZanjirError {
  constructor(name: string) {
    super(`A data set named ${JSON.stringify(name)} already exists; choose another name, or remove it first (zanjir datasets remove).`, ErrorCode.DATASET_EXISTS, { dataset: name });
  }
}

/** A data set cannot be removed: records of other data sets (or edits) hang on what it alone brought. */
export class DatasetInUseError extends ZanjirError {
  constructor(name: string, dependents: string[], more: number) {
    super(
      `Data set ${JSON.stringify(name)} cannot be removed: ${dependents.join(', ')}${more > 0 ? ` and ${more} more` : ''} ${dependents.length + more === 1 ? 'belongs' : 'belong'} to other data sets or edits and ${dependents.length + more === 1 ? 'needs' : 'need'} nodes only it brought. Remove those first; nothing was changed.`,
      ErrorCode.DATASET_IN_USE,
      { dataset: name, dependents, more },
    );
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

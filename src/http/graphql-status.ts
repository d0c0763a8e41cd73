// The GraphQL-over-HTTP spec's status for a request error under the legacy media type: a client
// that asked for `application/json` SHOULD get 200 for a document that fails to parse or validate
// and for variables that fail to coerce (the errors are in the body); `application/graphql-response+json`
// keeps Apollo's 4xx. Anything else Apollo refuses (a CSRF block, a bad method, a malformed body)
// keeps its status: only these three request errors are rewritten.

import type { HTTPGraphQLResponse } from '@apollo/server';

const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

export function legacyJsonStatus(response: HTTPGraphQLResponse): number {
  const status = response.status ?? 200;
  if (status !== 400 || response.body.kind !== 'complete') return status;
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) return status;
  try {
    const body = JSON.parse(response.body.string) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    const errors = body.errors ?? [];
    const requestErrors = errors.length > 0 && body.data === undefined && errors.every((e) => REQUEST_ERRORS.has(String(e.extensions?.code)));
    return requestErrors ? 200 : status;
  } catch {
    return status;
  }
}

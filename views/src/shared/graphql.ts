// The views' only way to the data: POST to the same server's /graphql, as any dashboard would.
// Each view keeps its operations in one operations.graphql beside it and sends that document with
// an operationName, so what runs is exactly what a developer can copy.

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    /** extensions.code of the first error (NOT_FOUND, BAD_USER_INPUT, …), or NETWORK. */
    readonly code: string,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

/** /graphql on the server that served the page, also when it is mounted under a path prefix. */
export function graphqlEndpoint(): string {
  return new URL('../graphql', window.location.href).toString();
}

/**
 * An API key given in the page's fragment (`#key=zk_…`): a fragment never reaches a server or
 * its logs, and an iframe cannot set headers, so this is how an embedded view signs in.
 */
export function apiKeyFromFragment(hash = window.location.hash): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('key');
  return key && /^zk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/.test(key) ? key : null;
}

export async function request<T>(document: string, operationName: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  const key = apiKeyFromFragment();
  try {
    res = await fetch(graphqlEndpoint(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query: document, operationName, variables }),
    });
  } catch (error) {
    throw new GraphQLRequestError(error instanceof Error ? error.message : String(error), 'NETWORK');
  }
  let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new GraphQLRequestError(`The server answered ${res.status} without JSON.`, 'NETWORK');
  }
  if (body.errors?.length) {
    const first = body.errors[0]!;
    throw new GraphQLRequestError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  }
  if (!body.data) throw new GraphQLRequestError(`The server answered ${res.status} without data.`, 'INTERNAL_SERVER_ERROR');
  return body.data;
}

/** Fields every Zanjir that serves these pages has: assumed when introspection is off (production). */
const BUILT_WITH = ['upstream', 'downstream', 'search', 'valueFlows', 'chainBalance', 'importContent'];

/** The Query fields this server offers: views feature-detect newer operations with it. */
export async function queryFields(document: string): Promise<Set<string>> {
  try {
    const data = await request<{ __type: { fields: { name: string }[] } | null }>(document, 'Capabilities');
    return new Set((data.__type?.fields ?? []).map((f) => f.name));
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.code === 'GRAPHQL_VALIDATION_FAILED') return new Set(BUILT_WITH);
    throw error;
  }
}

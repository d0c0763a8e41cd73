// Apollo Server on Node's own http module: turns a request into Apollo's HTTPGraphQLRequest and
// writes back its response (complete or chunked). No framework, so the views and exports share
// one small router.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Config } from '../config.js';
import { ResponseTooLargeError } from '../errors/index.js';
import { legacyJsonStatus } from './graphql-status.js';

export async function handleGraphQL<C extends object>(
  apollo: ApolloServer<C>,
  req: IncomingMessage,
  res: ServerResponse,
  context: () => Promise<C>,
  limits: Pick<Config['limits'], 'maxBodyBytes' | 'maxResponseBytes'>,
  /** The body, read by the caller before it took the caller's slot (see server.ts). */
  raw: string,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  let body: unknown = raw;
  if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
    try {
      body = JSON.parse(raw);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] }));
      return;
    }
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = legacyJsonStatus(response);
  if (response.body.kind === 'complete') {
    const bytes = Buffer.byteLength(response.body.string);
    if (bytes > limits.maxResponseBytes) {
      const error = new ResponseTooLargeError(bytes, limits.maxResponseBytes);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] }));
      return;
    }
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

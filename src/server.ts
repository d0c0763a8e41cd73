// Wires the HTTP server: GraphQL at /graphql (Apollo Server), the landing page with example
// queries at /, and /health. Later areas (views, exports) add routes in routes().

import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Config } from './config.js';
import { createContext, type Context, type Services } from './context.js';
import { ZanjirError } from './errors/index.js';
import { buildZanjirSchema } from './graphql/schema.js';
import { handleGraphQL } from './http/graphql-handler.js';
import { handleExport } from './http/export.js';
import { handleReport } from './http/report.js';
import { handleViews } from './http/views.js';
import { landingPage } from './http/landing.js';

/** Codes Apollo and graphql-js give to mistakes in the request itself: safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface ZanjirServer {
  url: string;
  close(): Promise<void>;
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ZanjirError) return formatted;
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return formatted;
  console.error('[zanjir] internal error:', original);
  return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, ...(formatted.path ? { path: formatted.path } : {}) };
}

export async function startServer(services: Services, log: (line: string) => void = console.log): Promise<ZanjirServer> {
  const config: Config = services.config;
  const apollo = new ApolloServer<Context>({
    schema: await buildZanjirSchema(),
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Zanjir stops the HTTP server, Apollo and Neo4j in order itself (see cli/commands/serve.ts).
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    // Browsers embedding views post JSON; Apollo's CSRF check stays on for other content types.
    csrfPrevention: true,
  });
  await apollo.start();

  const server = http.createServer((req, res) => {
    route(req, res).catch((error) => sendError(res, error));
  });

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') {
      return handleGraphQL(apollo, req, res, async () => createContext(services), 10 * 1024 * 1024);
    }
    if (url.pathname === '/health') {
      await services.executor.waitUntilReady(2_000);
      return sendJson(res, 200, { status: 'ok' });
    }
    if (url.pathname === '/' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(landingPage());
      return;
    }
    if (url.pathname.startsWith('/export/') && (await handleExport(services.executor, req, res, url))) return;
    if (await handleReport(services, req, res, url)) return;
    if (await handleViews(req, res, url)) return;
    sendJson(res, 404, { error: `Nothing at ${url.pathname}. GraphQL is at /graphql.` });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  log(`Zanjir is serving GraphQL at ${url}/graphql (examples at ${url}/)`);
  return {
    url,
    async close() {
      // close() waits for open keep-alive connections, so end them rather than wait.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy(error as Error);
    return;
  }
  if (error instanceof ZanjirError) {
    sendJson(res, error.code === 'PAYLOAD_TOO_LARGE' ? 413 : error.code === 'NOT_FOUND' ? 404 : error.code === 'DATABASE_UNAVAILABLE' ? 503 : 400, {
      error: error.message,
      code: error.code,
    });
    return;
  }
  console.error('[zanjir] request failed:', error);
  sendJson(res, 500, { error: 'Internal server error' });
}

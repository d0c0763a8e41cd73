// Wires the HTTP server: GraphQL at /graphql (Apollo Server), the landing page at /, the views,
// the streamed exports, /health (alive), /ready (database reachable) and /metrics. Every request
// gets an id, a Host check, a caller (API key, JWT or anonymous) and, for work that touches the
// database, a budget of time and concurrent database calls that ends when the client goes away.

import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { BREAK, visit, type GraphQLFormattedError } from 'graphql';
import type { Config } from './config.js';
import { Authenticator } from './access/authenticate.js';
import { checkExposure } from './access/exposure.js';
import { hostAllowed } from './access/host.js';
import { JwtVerifier } from './access/jwt.js';
import type { Principal } from './access/roles.js';
import { assertAllowed, createContext, type Context, type Services } from './context.js';
import { AccessStore } from './db/access-store.js';
import { RequestBudget } from './db/budget.js';
import type { ChainStore } from './db/chain-store.js';
import type { Executor } from './db/executor.js';
import { TooManyRequestsError, ZanjirError, UnauthenticatedError } from './errors/index.js';
import { buildZanjirSchema } from './graphql/schema.js';
import { queryLimitsPlugin } from './graphql/limits/limits.plugin.js';
import { readBody } from './http/body.js';
import { handleGraphQL } from './http/graphql-handler.js';
import { handleExport } from './http/export.js';
import { handleReport } from './http/report.js';
import { handleViews } from './http/views.js';
import { landingPage } from './http/landing.js';
import { createLogger, type Logger } from './http/log.js';
import { createMetrics, routeOf } from './http/metrics.js';
import { snapshotCacheFor } from './engine/snapshot-cache.js';
import { attachPool, detachPool, poolOf, SolvePool } from './engine/pool.js';
import { ENGINE_LINK_FIELDS } from './services/held-links.js';

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

/** What a server needs from the process: the configuration and the database access. */
export interface CoreServices {
  config: Config;
  executor: Executor;
  store: ChainStore;
}

export interface ServerOptions {
  /** Structured logs; by default JSON lines on stderr at ZANJIR_LOG_LEVEL. */
  logger?: Logger;
}

export interface ZanjirServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ZanjirError) return withoutHttp(formatted);
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return formatted;
  return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, ...(formatted.path ? { path: formatted.path } : {}) };
}

/** extensions.http only tells Apollo which status to send; clients need not see it. */
function withoutHttp(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('http' in formatted.extensions)) return formatted;
  const { http: _http, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/** Logs the errors clients only see as INTERNAL_SERVER_ERROR, with the request's id; counts every code. */
function errorLogPlugin(logger: Logger, count: (code: string) => void): ApolloServerPlugin<Context & { requestId: string }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = original instanceof ZanjirError ? original.code : String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            const known = original instanceof ZanjirError || REQUEST_ERROR_CODES.has(code);
            count(known ? code : 'INTERNAL_SERVER_ERROR');
            if (!known) logger.error({ reqId: contextValue?.requestId, err: original, path: error.path }, 'internal error');
          }
        },
      };
    },
  };
}

/**
 * A query that names a neighbour field the engine answers reads the graph's version anyway: start
 * that read as soon as the operation is known, beside the root field's own reads, not after them.
 */
function engineWarmPlugin(): ApolloServerPlugin<Context & { requestId: string }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue, operation }) {
          if (operation?.operation !== 'query') return;
          let names = false;
          visit(document, {
            Field(field) {
              if (ENGINE_LINK_FIELDS.has(field.name.value)) {
                names = true;
                return BREAK;
              }
              return undefined;
            },
          });
          if (names) contextValue.loaders.warmEngine();
        },
      };
    },
  };
}

export async function startServer(core: CoreServices, log: (line: string) => void = console.log, options: ServerOptions = {}): Promise<ZanjirServer> {
  const config: Config = core.config;
  for (const note of checkExposure(config)) log(note);
  const logger = options.logger ?? createLogger(config);
  const access = new AccessStore(core.executor);
  const jwt = config.access.jwt ? new JwtVerifier(config.access.jwt) : null;
  const services: Services = { ...core, access, authenticator: new Authenticator(config.access, access, jwt) };
  // Heavy solves run in worker threads over the engine's shared arrays, so this thread keeps answering.
  const engine = services.snapshots ?? snapshotCacheFor(core.executor);
  const ownPool = !poolOf(engine) && config.solveWorkers > 0 ? new SolvePool(config.solveWorkers) : null;
  if (ownPool) attachPool(engine, ownPool);
  const metrics = createMetrics(() => core.executor.load, () => poolOf(engine)?.stats ?? null, () => engine);
  const inFlight = new Map<string, number>();
  /** Counts a caller's running request; refuses one over ZANJIR_CLIENT_CONCURRENCY. */
  const admitCaller = (req: IncomingMessage, res: ServerResponse, principal: Principal): void => {
    const who = principal.via === 'anonymous' ? `ip:${req.socket.remoteAddress ?? '?'}` : principal.subject;
    const running = inFlight.get(who) ?? 0;
    if (running >= config.limits.clientConcurrency) throw new TooManyRequestsError(config.limits.clientConcurrency);
    inFlight.set(who, running + 1);
    res.on('close', () => {
      const left = (inFlight.get(who) ?? 1) - 1;
      if (left <= 0) inFlight.delete(who);
      else inFlight.set(who, left);
    });
  };

  const apollo = new ApolloServer<Context & { requestId: string }>({
    schema: await buildZanjirSchema(),
    formatError,
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: !config.schemaSuggestions,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Zanjir stops the HTTP server, Apollo and Neo4j in order itself (see cli/commands/serve.ts).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin(config.limits),
      errorLogPlugin(logger, (code) => metrics.graphqlErrors.inc({ code })),
      engineWarmPlugin(),
    ],
    // Browsers embedding views post JSON; Apollo's CSRF check stays on for other content types.
    csrfPrevention: true,
  });
  await apollo.start();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => sendError(res, error, logger, res.getHeader('x-request-id'), (req.url ?? '').startsWith('/graphql')));
  });
  server.requestTimeout = config.limits.exportTimeoutMs + 60_000;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routeOf(url.pathname);
    let caller = 'unknown';
    res.on('close', () => {
      const seconds = (performance.now() - started) / 1000;
      metrics.requests.inc({ route, status: String(res.statusCode) });
      metrics.duration.observe({ route }, seconds);
      logger.info({ reqId: requestId, method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round(seconds * 1000), caller, aborted: !res.writableFinished }, 'request');
    });

    if (!hostAllowed(req.headers.host, config.access.allowedHosts)) {
      return sendJson(res, 421, { error: `This server does not answer to the name ${JSON.stringify(req.headers.host ?? '')}. Allowed: ${(config.access.allowedHosts as string[]).join(', ')} (ZANJIR_ALLOWED_HOSTS).`, code: 'HOST_NOT_ALLOWED' });
    }
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      const ready = await core.executor.ping(2_000);
      return sendJson(res, ready ? 200 : 503, ready ? { status: 'ready' } : { status: 'unavailable', error: 'The graph database does not answer.' });
    }
    // Static pages need no caller: the landing page and the views' HTML and scripts hold no data.
    if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(landingPage());
      return;
    }
    if (await handleViews(req, res, url, { frameAncestors: config.access.frameAncestors })) return;

    const principal = await services.authenticator.authenticate(req.headers);
    caller = principal.subject;
    if (url.pathname === '/metrics') {
      assertAllowed(principal, 'read');
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
      return;
    }
    if (url.pathname === '/graphql') {
      if (principal.role === null) assertAllowed(principal, 'read');
      // The body first, then the caller's slot: a socket that sends half a body and stops would
      // otherwise hold a slot of everyone behind its address (issue 22). A stalled body times out.
      const raw = req.method === 'POST' ? await readBody(req, config.limits.maxBodyBytes, Math.min(BODY_IDLE_MS, config.limits.requestTimeoutMs)) : '';
      admitCaller(req, res, principal);
      const budget = requestBudget(res, config.limits.requestTimeoutMs, config);
      return handleGraphQL(apollo, req, res, async () => ({ ...createContext(services, principal, budget), requestId }), config.limits, raw);
    }
    if (url.pathname.startsWith('/export/')) {
      assertAllowed(principal, 'export');
      admitCaller(req, res, principal);
      const budget = requestBudget(res, config.limits.exportTimeoutMs, config);
      if (await handleExport(core.executor.scoped(budget), req, res, url)) return;
    }
    if (url.pathname === '/report' || url.pathname.startsWith('/report/')) {
      assertAllowed(principal, 'read');
      admitCaller(req, res, principal);
      const budget = requestBudget(res, config.limits.requestTimeoutMs, config);
      if (await handleReport(createContext(services, principal, budget), req, res, url)) return;
    }
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
    services,
    async close() {
      // close() waits for open keep-alive connections, so end them rather than wait.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
      if (ownPool) {
        detachPool(engine);
        await ownPool.close();
      }
      logger.flush?.();
    },
  };
}

/** A budget that ends with the request: a client that goes away stops its database work. */
function requestBudget(res: ServerResponse, budgetMs: number, config: Config): RequestBudget {
  const budget = new RequestBudget(budgetMs, config.limits.requestDbConcurrency);
  res.on('close', () => {
    if (!res.writableFinished) budget.abort();
  });
  return budget;
}

/** The caller's X-Request-Id when it is a plain token, else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** How much of a refused body is read and dropped, and for how long, before the socket closes. */
const DISCARD_BYTES = 64 * 1024 * 1024;
const DISCARD_MS = 10_000;

function discardThenClose(res: ServerResponse): void {
  const req = res.req;
  const socket = res.socket;
  if (!req || !socket) return;
  let seen = 0;
  const close = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(close, DISCARD_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DISCARD_BYTES) close();
  });
  req.on('end', () => (res.writableFinished ? close() : res.on('finish', close)));
  socket.on('close', () => clearTimeout(timer));
  req.resume();
}

/** How long a request body may pause before the request is given up on (408). */
const BODY_IDLE_MS = 10_000;

const STATUS: Partial<Record<string, number>> = {
  BODY_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  TOO_MANY_REQUESTS: 429,
  FORBIDDEN: 403,
  DATABASE_UNAVAILABLE: 503,
  SERVER_BUSY: 503,
  REQUEST_TIMEOUT: 504,
  QUERY_TIMEOUT: 504,
};

function sendError(res: ServerResponse, error: unknown, logger: Logger, requestId: unknown, graphql: boolean): void {
  if (res.headersSent) {
    res.destroy(error as Error);
    return;
  }
  if (error instanceof ZanjirError) {
    const status = STATUS[error.code] ?? 400;
    const headers: Record<string, string> = error instanceof UnauthenticatedError ? { 'www-authenticate': 'Bearer realm="zanjir"' } : {};
    if (status === 429) headers['retry-after'] = '1';
    // A stalled body is not waited for: answer, then close the connection.
    if (status === 408) headers.connection = 'close';
    // GraphQL clients read errors[]; the other routes answer { error, code }.
    const body = graphql ? { errors: [{ message: error.message, extensions: { code: error.code } }] } : { error: error.message, code: error.code };
    sendJson(res, status, body, headers);
    if (status === 408) res.on('finish', () => res.socket?.destroy());
    // A client still sending (urllib sends it all before it reads) would meet a reset, which
    // discards the 413 in its buffer: read and drop the rest, within a bound, then close.
    if (status === 413) discardThenClose(res);
    return;
  }
  logger.error({ reqId: requestId, err: error }, 'request failed');
  sendJson(res, 500, graphql ? { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } : { error: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' });
}

export type { Principal };

import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import { openApiDocumentText, REST_PREFIX } from '@/server/api/openapi';
import type { Connection } from '@/server/db/connection';
import { withDeadline, type Deadline } from '@/server/db/deadline';
import type { AppServices } from '@/server/services';
import { metrics, recordHttp, refreshJobQueueMetrics } from '@/server/observability/metrics';
import { activeTracer, tagRequestSpan, traceRequests } from '@/server/observability/tracing';
import { sendJson } from './json';
import { isEventStream, requestIdOf, requestInfoOf } from './request-info';
import { createDocsHandler, DOCS_PATH } from './docs';
import { createExportsHandler } from './exports';
import { createMcpDoor } from './mcp-door';
import { MCP_PATH, PROTECTED_RESOURCE_PATH, protectedResourceMetadata } from './protected-resource';
import { createRestDoor } from './rest-door';
import { apiRouteOf, spanRouteOf } from './api-route';
import { applyApiSecurityHeaders } from './security-headers';
import { createTrpcDoor } from './trpc-door';
import { createUnsubscribeHandler, UNSUBSCRIBE_PATH } from './unsubscribe';
import { createInteractionHandler } from '@/server/oauth/interactions';
import { introspect } from '@/server/oauth/introspection';
import { INTERACTION_PATH, OAUTH_PATHS, OAuthServer, oauthServerOf } from '@/server/oauth/provider';
import { createSsoHandler, isSsoPath } from '@/server/sso/routes';

export interface ApiHandlerOptions {
  connection: Connection;
  services: AppServices;
  logger: Logger;
  metricsToken?: string;
  /** Origins whose pages may call the REST door (CORS_ORIGINS); none by default. */
  corsOrigins?: readonly string[];
  /**
   * How long a request may wait on the database in all (REQUEST_TIMEOUT_MS) before it is
   * answered 503. Live-change streams and CSV downloads are long by design and have none.
   */
  requestTimeoutMs: number;
  /** True once the server is shutting down: not ready, so load balancers stop sending. */
  isDraining?: () => boolean;
}

/**
 * Everything under /api, served straight from node:http: the three doors to the procedures
 * (tRPC, REST and MCP), the OpenAPI document, the operational endpoints; and the OAuth
 * authorization server (/oauth/*, its /.well-known documents), the MCP server's
 * protected-resource metadata, and SSO sign-in through an organization's provider (/auth/sso/*).
 */
export function createApiHandler(options: ApiHandlerOptions) {
  const { connection, services, logger, metricsToken, requestTimeoutMs } = options;
  const { isDraining = () => false } = options;
  const { secureCookies: secure } = services;
  const trpc = createTrpcDoor(services, logger);
  const rest = createRestDoor(services, logger, { corsOrigins: options.corsOrigins });
  const mcp = createMcpDoor(services, logger);
  const exports = createExportsHandler(services, logger);
  const docs = createDocsHandler();
  const unsubscribe = createUnsubscribeHandler(services);
  const interactions = createInteractionHandler(services, logger);
  const sso = createSsoHandler(services, logger);
  const tracer = activeTracer();
  let openApiDocument: string | undefined;

  const routes: Record<
    string,
    (req: IncomingMessage, res: ServerResponse) => Promise<void> | void
  > = {
    '/api/health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/api/ready': async (_req, res) => {
      if (isDraining())
        return sendJson(res, 503, { status: 'unavailable', reason: 'shutting down' });
      try {
        await connection.ping();
        sendJson(res, 200, { status: 'ready' });
      } catch {
        sendJson(res, 503, { status: 'unavailable', reason: 'database' });
      }
    },
    '/api/metrics': async (req, res) => {
      if (metricsToken && !bearerMatches(req.headers.authorization, metricsToken)) {
        return sendJson(res, 401, {
          code: 'UNAUTHORIZED',
          message: 'Metrics need the METRICS_TOKEN',
        });
      }
      await refreshJobQueueMetrics(() => services.jobs.figures());
      const registry = metrics().registry;
      res.setHeader('content-type', registry.contentType);
      res.end(await registry.metrics());
    },
    [PROTECTED_RESOURCE_PATH]: (_req, res) => sendResourceMetadata(res, services.appUrl),
    [`${PROTECTED_RESOURCE_PATH}${MCP_PATH}`]: (_req, res) =>
      sendResourceMetadata(res, services.appUrl),
    '/api/openapi.json': (_req, res) => {
      openApiDocument ??= openApiDocumentText(services.appUrl);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('cache-control', 'public, max-age=300');
      res.end(openApiDocument);
    },
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    const traceId = tracer && tagRequestSpan(requestId);
    const pathname = (req.url ?? '/').split('?', 1)[0]!;
    const route = apiRouteOf(pathname, routes);
    let deadline: Deadline | undefined;
    res.setHeader('x-request-id', requestId);
    applyApiSecurityHeaders(res, secure);
    // On close, not finish: a response cut midway (a download that failed, a client that left)
    // is logged too, marked as aborted.
    res.once('close', () => {
      const ms = performance.now() - started;
      recordHttp(route, req.method ?? 'GET', res.statusCode, ms);
      logger.info(
        {
          requestId,
          traceId,
          method: req.method,
          path: pathname,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          ...(deadline?.passed ? { deadlinePassed: true } : {}),
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });

    const dispatch = async () => {
      const request = requestInfoOf(req, requestId, services.trustProxy);
      if (route === '/api/trpc') return await trpc(req, res, request, pathname);
      if (route === REST_PREFIX) return await rest(req, res, request);
      if (route === MCP_PATH) return await mcp(req, res, request);
      if (route === DOCS_PATH) return await docs(req, res, pathname);
      if (route === '/api/exports') {
        return await exports(req, res, request, new URL(req.url ?? '/', 'http://localhost'));
      }
      if (route === UNSUBSCRIBE_PATH) return await unsubscribe(req, res, request);
      if (route === INTERACTION_PATH) return await interactions(req, res, pathname);
      if (isSsoPath(pathname)) return await sso(req, res, request);
      if (pathname === OAUTH_PATHS.introspection) return await introspect(services, req, res);
      if (OAuthServer.handles(pathname)) return await oauthServerOf(services).handle(req, res);
      const handler = routes[pathname];
      if (handler) return await handler(req, res);
      sendJson(res, 404, { code: 'NOT_FOUND', message: `No API route at ${pathname}`, requestId });
    };
    try {
      const door = route === '/api/trpc' || route === REST_PREFIX || route === MCP_PATH;
      if (door && !isEventStream(req)) {
        await withDeadline(requestTimeoutMs, (bound) => {
          deadline = bound;
          return dispatch();
        });
      } else {
        await dispatch();
      }
    } catch (error) {
      logger.error({ err: error, requestId, path: pathname }, 'unhandled API error');
      if (!res.headersSent) {
        sendJson(res, 500, {
          code: 'INTERNAL_SERVER_ERROR',
          message: 'Internal server error',
          requestId,
        });
      } else {
        res.destroy();
      }
    }
  };
  return tracer ? traceRequests(tracer, handleApi, (req) => spanRouteOf(req, routes)) : handleApi;
}

/** Public (RFC 9728), so browser-based MCP clients may read it from another origin. */
function sendResourceMetadata(res: ServerResponse, appUrl: string) {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('cache-control', 'public, max-age=300');
  sendJson(res, 200, protectedResourceMetadata(appUrl));
}

function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = Buffer.from(authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

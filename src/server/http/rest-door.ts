import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { createOpenApiNodeHttpHandler } from 'trpc-to-openapi';
import { createContext, type RequestInfo } from '@/server/api/context';
import {
  IdempotentReplay,
  idempotentRequestOf,
  type IdempotentRequest,
} from '@/server/api/idempotency';
import { REST_PREFIX } from '@/server/api/openapi';
import { entityTagOf, entityTagsOf, noneMatch, type EntityTags } from '@/server/api/preconditions';
import { appRouter } from '@/server/api/root';
import type { AppServices } from '@/server/services';
import { AppError } from '@/server/errors';
import { compressedFor } from './compression';
import { createCors } from './cors';
import { isJsonContentType, readJsonBody } from './json';
import { header } from './request-info';
import { bearerChallenge, restErrorOf, type RestError } from './rest-errors';
import { restRoutesOf, type RestOperation, type RestRoute } from './rest-routes';
import { addVary } from './vary';
import { enforceRateLimit } from '@/server/api/rate-limit';

const MAX_BODY_BYTES = 100_000;

type RestRequest = IncomingMessage & {
  body?: unknown;
  request?: RequestInfo;
  idempotency?: IdempotentRequest;
  ifMatch?: EntityTags;
  /** Set when the procedure answered a retry with the response stored for its key. */
  replay?: IdempotentReplay;
};

/**
 * The REST bridge: trpc-to-openapi routes /api/v1 to the same procedures as tRPC. This door
 * accepts only API keys (cookies are ignored), only JSON bodies, and answers every error in
 * one shape with the request id. It also speaks the HTTP the procedures know nothing of:
 * methods (HEAD, OPTIONS, 405), conditional requests (ETag), compression and CORS.
 */
export function createRestDoor(
  services: AppServices,
  logger: Logger,
  options: { corsOrigins?: readonly string[] } = {},
) {
  const handle = createOpenApiNodeHttpHandler({
    router: appRouter,
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req }: { req: RestRequest }) =>
      createContext({
        services,
        door: 'rest',
        request: req.request!,
        credentials: { authorization: header(req, 'authorization'), cookie: null },
        idempotency: req.idempotency,
        ifMatch: req.ifMatch,
      }),
    responseMeta: ({ ctx }) => ({
      headers: ctx ? Object.fromEntries(ctx.responseHeaders.entries()) : {},
    }),
    onError: ({ error, path, req }) => {
      if (error.cause instanceof IdempotentReplay) {
        (req as RestRequest).replay = error.cause;
        return;
      }
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        const requestId = (req as RestRequest).request?.requestId;
        logger.error({ err: error.cause ?? error, requestId, path }, 'procedure failed');
      }
    },
  });
  const routeOf = restRoutesOf(appRouter);
  const cors = createCors(options.corsOrigins ?? []);

  /**
   * A request refused before its key was counted (no or bad key, not JSON, too large) counts
   * against its address instead, so every response carries rate-limit headers and nobody can
   * send unlimited bad requests. Returns the 429 to send instead, if over the limit.
   */
  const countRefusal = async (res: ServerResponse, request: RequestInfo) => {
    const headers = new Headers();
    try {
      await enforceRateLimit(
        { services, responseHeaders: headers },
        'rest-refused:ip',
        request.ipAddress ?? 'unknown',
      );
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    } finally {
      for (const [name, value] of headers) res.setHeader(name, value);
    }
  };

  return async (req: RestRequest, res: ServerResponse, request: RequestInfo) => {
    req.request = request;
    req.url = req.url!.slice(REST_PREFIX.length) || '/';
    const method = req.method ?? 'GET';
    const url = new URL(req.url, 'http://localhost');
    const route = routeOf(url.pathname);
    addVary(res, 'Accept-Encoding');
    const crossOrigin = cors.apply(req, res);
    if (method === 'OPTIONS' && route) {
      res.setHeader('allow', route.allowed.join(', '));
      if (crossOrigin) cors.answerPreflight(req, res, route.allowed);
      res.statusCode = 204;
      return res.end();
    }
    try {
      const operation = requireOperation(res, route, method, url);
      req.body = await jsonBodyOf(req, operation.maxBodyBytes ?? MAX_BODY_BYTES);
      if (method === 'PATCH' || method === 'PUT' || method === 'DELETE') {
        req.ifMatch = entityTagsOf(header(req, 'if-match'));
      }
      if (method === 'POST') {
        req.idempotency = idempotentRequestOf(header(req, 'idempotency-key'), {
          method,
          path: req.url,
          body: req.body,
        });
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refused = await countRefusal(res, request);
      return sendError(req, res, refused ?? error);
    }

    // HEAD runs GET's procedure; Node sends the headers GET would have, without the body.
    req.method = method === 'HEAD' ? 'GET' : method;
    const response = await captureResponse(res, (proxy) => handle(req, proxy)).finally(() => {
      req.method = method;
    });
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    // A 5xx (the database unavailable) is the server's failure, not the client's: not counted.
    if (!('ratelimit-limit' in response.headers) && response.status < 500) {
      const refused = await countRefusal(res, request);
      if (refused) return sendError(req, res, refused);
    }
    if (req.replay) {
      res.setHeader('idempotent-replayed', 'true');
      return send(req, res, 200, req.replay.responseBody);
    }
    if (response.status >= 400) {
      if (response.status === 401) {
        res.setHeader('www-authenticate', bearerChallenge(header(req, 'authorization')));
      }
      const error = restErrorOf(response.body, request.requestId);
      return send(req, res, response.status, JSON.stringify(error));
    }
    const body = response.body ?? '';
    if (method === 'GET' || method === 'HEAD' || method === 'PATCH') {
      const etag = entityTagOf(body);
      res.setHeader('etag', etag);
      if (method !== 'PATCH' && noneMatch(entityTagsOf(header(req, 'if-none-match')), etag)) {
        res.statusCode = 304;
        return res.end();
      }
    }
    return send(req, res, response.status, body);
  };
}

/**
 * The operation a request reaches, or why none: an unknown path (404), a method the path does
 * not take (405, with `Allow`), or a query parameter the operation does not know (400), which
 * would otherwise be dropped without a word (a misspelt filter would list everything).
 */
function requireOperation(
  res: ServerResponse,
  route: RestRoute | undefined,
  method: string,
  url: URL,
): RestOperation {
  if (!route) throw new AppError('NOT_FOUND', `No REST operation at ${REST_PREFIX}${url.pathname}`);
  const operation = route.operationFor(method);
  if (!operation) {
    res.setHeader('allow', route.allowed.join(', '));
    throw new AppError(
      'METHOD_NOT_SUPPORTED',
      `${method} is not allowed here; this path takes ${route.allowed.join(', ')}`,
    );
  }
  const known = [...operation.queryParameters];
  const unknown = [...new Set(url.searchParams.keys())].filter(
    (name) => !operation.queryParameters.has(name),
  );
  if (unknown.length > 0) {
    const message = `is not a parameter of this operation (it takes ${known.join(', ') || 'none'})`;
    throw new AppError('BAD_REQUEST', `Unknown query parameter: ${unknown.join(', ')}`, {
      issues: unknown.map((name) => ({ path: [name], message })),
    });
  }
  return operation;
}

/** A JSON body, compressed when the client asks and it is worth it, with its length. */
async function send(req: IncomingMessage, res: ServerResponse, status: number, body: string) {
  const bytes = await compressedFor(req, res, body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', bytes.length);
  res.end(bytes);
}

function sendError(req: RestRequest, res: ServerResponse, error: AppError) {
  const body: RestError = {
    code: error.code,
    message: error.message,
    ...(error.details.issues ? { issues: error.details.issues } : {}),
    ...(error.details.candidates ? { candidates: error.details.candidates } : {}),
    requestId: req.request!.requestId,
  };
  return send(req, res, error.status, JSON.stringify(body));
}

/**
 * The JSON body of a POST, PUT or PATCH, read here so that every refusal has the door's shape.
 * No body at all is `{}`: POST actions without input are sent that way by generated clients.
 */
async function jsonBodyOf(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'PATCH') return undefined;
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 ||
    req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !isJsonContentType(header(req, 'content-type') ?? undefined)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON (Content-Type: application/json)',
    );
  }
  const body = hasBody ? await readJsonBody(req, maxBytes) : undefined;
  // trpc-to-openapi takes the parsed body as it is, but checks the header again first.
  req.headers['content-type'] = 'application/json';
  return body ?? {};
}

interface CapturedResponse {
  status: number;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Runs the handler against a stand-in response so the body can be checked before it is sent. */
function captureResponse(
  res: ServerResponse,
  run: (proxy: ServerResponse) => Promise<void>,
): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    const captured: CapturedResponse = { status: 200, headers: {}, body: undefined };
    const proxy = {
      get statusCode() {
        return captured.status;
      },
      set statusCode(status: number) {
        captured.status = status;
      },
      setHeader(name: string, value: string | string[]) {
        if (name.toLowerCase() !== 'content-type') captured.headers[name] = String(value);
      },
      end(body?: string) {
        captured.body = body;
        resolve(captured);
      },
      once: res.once.bind(res),
      off: res.off.bind(res),
      on: res.on.bind(res),
    } as unknown as ServerResponse;
    run(proxy).catch(reject);
  });
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import type { Logger } from 'pino';
import { createContext, type RequestInfo } from '@/server/api/context';
import { appRouter } from '@/server/api/root';
import type { AppServices } from '@/server/services';
import { toTRPCError } from '@/server/api/errors';
import { isJsonContentType, readTextBody } from './json';
import { header } from './request-info';

export const TRPC_PREFIX = '/api/trpc/';
const MAX_BATCH_SIZE = 20;
const MAX_BODY_BYTES = 1_000_000;

/** tRPC for browsers (session cookie) and typed clients (API key), JSON only. */
export function createTrpcDoor(services: AppServices, logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse, request: RequestInfo, pathname: string) =>
    nodeHTTPRequestHandler({
      router: appRouter,
      req,
      res,
      path: pathname.slice(TRPC_PREFIX.length),
      maxBatchSize: MAX_BATCH_SIZE,
      maxBodySize: MAX_BODY_BYTES,
      middleware: (_req, _res, next) => {
        if (req.method !== 'POST') return next();
        // A form post (urlencoded or multipart) is how another site would forge a request.
        if (!isJsonContentType(header(req, 'content-type') ?? undefined)) {
          return next(new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send JSON' }));
        }
        // Read here, not by tRPC, which would turn bytes that are not UTF-8 into U+FFFD.
        readTextBody(req, MAX_BODY_BYTES).then(
          (text) => {
            (req as IncomingMessage & { body?: string }).body = text;
            next();
          },
          (error: unknown) => next(toTRPCError(error)),
        );
      },
      createContext: () =>
        createContext({
          services,
          door: 'trpc',
          request,
          credentials: {
            authorization: header(req, 'authorization'),
            cookie: header(req, 'cookie'),
          },
        }),
      responseMeta: ({ ctx }) => ({ headers: ctx?.responseHeaders }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          logger.error(
            { err: error.cause ?? error, requestId: request.requestId, path },
            'procedure failed',
          );
        }
      },
    });
}

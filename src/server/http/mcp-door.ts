import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Logger } from 'pino';
import { createContext, type Context, type RequestInfo } from '@/server/api/context';
import { publicMessageOf, toTRPCError } from '@/server/api/errors';
import { enforceApiLimits, enforceRateLimit } from '@/server/api/rate-limit';
import { AppError } from '@/server/errors';
import {
  clientNameOf,
  clientOfInitialize,
  clientOfSessionId,
  sessionIdOf,
} from '@/server/mcp/client-session';
import { createMcpServer } from '@/server/mcp/server';
import type { AppServices } from '@/server/services';
import { isJsonContentType, readTextBody } from './json';
import { mcpResourceMetadataUrl } from './protected-resource';
import { header } from './request-info';

/** Tool arguments are a record's fields, as REST bodies are: the same bound. */
const MAX_BODY_BYTES = 100_000;

/** JSON-RPC error codes of answers given before a message reaches the MCP server. */
const PARSE_ERROR = -32700;
const SERVER_ERROR = -32000;
const SESSION_NOT_FOUND = -32001;

type Message = { method?: unknown; params?: unknown };

/**
 * The MCP server (Streamable HTTP), stateless: a fresh server and transport answer each POST,
 * with plain JSON responses, so any instance answers any request. It takes the credentials of
 * the REST door (`Authorization: Bearer`, never cookies); each tool runs its procedure as that
 * caller (src/server/mcp).
 */
export function createMcpDoor(services: AppServices, logger: Logger) {
  /** The caller, or a 401 that tells MCP clients where to find how to get a token. */
  const authenticate = async (req: IncomingMessage, request: RequestInfo) => {
    const ctx = await createContext({
      services,
      door: 'mcp',
      request,
      credentials: { authorization: header(req, 'authorization'), cookie: null },
    });
    if (!ctx.principal) throw new AppError('UNAUTHORIZED', 'Send an API key or access token');
    return { ...ctx, principal: ctx.principal };
  };

  /** A request refused before its caller was counted counts against its address instead. */
  const countRefusal = async (res: ServerResponse, request: RequestInfo) => {
    const headers = new Headers();
    try {
      await enforceRateLimit(
        { services, responseHeaders: headers },
        'mcp-refused:ip',
        request.ipAddress ?? 'unknown',
      );
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    } finally {
      setHeaders(res, headers);
    }
  };

  return async (req: IncomingMessage, res: ServerResponse, request: RequestInfo) => {
    let ctx: Context | undefined;
    try {
      // MCP servers must refuse what a page of another site sends (DNS rebinding). Agents send
      // no Origin; only the app's own pages send this one.
      const origin = header(req, 'origin');
      if (origin && origin !== services.appUrl) {
        throw new AppError('FORBIDDEN', "Requests from another site's pages are not accepted");
      }
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        throw new AppError(
          'METHOD_NOT_SUPPORTED',
          'Send MCP messages with POST: this server keeps no session to stream on or to end',
        );
      }
      const caller = await authenticate(req, request);
      const { body, messages } = await messagesOf(req);
      const client = clientOf(req, res, messages);
      // Audit rows name the client: "MCP: Claude Desktop 0.9.1".
      const clientName = client && clientNameOf(client);
      // From here the caller's limits count the request: a tool call in its procedure, anything
      // else (initialize, listing the tools) here.
      ctx = { ...caller, request: { ...caller.request, clientName } };
      if (!messages.some((message) => message.method === 'tools/call')) {
        await enforceApiLimits(caller, caller.principal);
      }
      setHeaders(res, caller.responseHeaders);
      await serve(req, res, ctx, body);
    } catch (thrown) {
      if (res.headersSent) throw thrown;
      const error = toTRPCError(thrown);
      const status = getHTTPStatusCodeFromError(error);
      if (status >= 500 && error.code !== 'SERVICE_UNAVAILABLE') throw thrown;
      if (ctx) setHeaders(res, ctx.responseHeaders);
      const refused = !ctx && status < 500 ? await countRefusal(res, request) : undefined;
      if (refused) {
        return sendRpcError(res, refused.status, refused.code, refused.message, request);
      }
      if (status === 401) {
        res.setHeader('www-authenticate', bearerChallenge(services.appUrl, req));
      }
      const retryAfter = error.cause instanceof AppError && error.cause.details.retryAfterSeconds;
      if (retryAfter) res.setHeader('retry-after', String(retryAfter));
      sendRpcError(
        res,
        status,
        error.code,
        publicMessageOf(error),
        request,
        rpcCodeOf(error.cause),
      );
    }
  };

  async function serve(req: IncomingMessage, res: ServerResponse, ctx: Context, body: unknown) {
    const server = createMcpServer(ctx, logger, () => setHeaders(res, ctx.responseHeaders));
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.once('close', () => {
      server.close().catch((error: unknown) => logger.warn({ err: error }, 'MCP server close'));
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }
}

class SessionNotFound extends AppError {
  constructor() {
    super('NOT_FOUND', 'Session not found: initialize again');
  }
}

/** The JSON-RPC message (or batch) of a POST, bounded in size, and its messages. */
async function messagesOf(req: IncomingMessage): Promise<{ body: unknown; messages: Message[] }> {
  if (!isJsonContentType(header(req, 'content-type') ?? undefined)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send MCP messages as JSON (application/json)');
  }
  const text = await readTextBody(req, MAX_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ParseError();
  }
  const messages = Array.isArray(body) ? body : [body];
  if (messages.some((message) => typeof message !== 'object' || message === null)) {
    throw new ParseError();
  }
  return { body, messages: messages as Message[] };
}

class ParseError extends AppError {
  constructor() {
    super('BAD_REQUEST', 'The body is not a JSON-RPC message');
  }
}

/**
 * The client that sent the request: from `initialize`, whose answer carries it on as the
 * session id (see client-session.ts), or from that session id afterwards. An id this server
 * did not issue is a 404, which tells the client to initialize again.
 */
function clientOf(req: IncomingMessage, res: ServerResponse, messages: Message[]) {
  const initialize = messages.find((message) => isInitializeRequest(message));
  if (initialize) {
    const client = clientOfInitialize(initialize.params);
    if (client) res.setHeader('mcp-session-id', sessionIdOf(client));
    return client;
  }
  const sessionId = header(req, 'mcp-session-id');
  if (!sessionId) return null;
  const client = clientOfSessionId(sessionId);
  if (!client) throw new SessionNotFound();
  return client;
}

/**
 * RFC 6750's challenge with RFC 9728's `resource_metadata`, where MCP clients learn how to get
 * a token; a token that was sent and refused is an `invalid_token`.
 */
function bearerChallenge(appUrl: string, req: IncomingMessage): string {
  const challenge = `Bearer resource_metadata="${mcpResourceMetadataUrl(appUrl)}"`;
  if (!header(req, 'authorization')) return challenge;
  return `${challenge}, error="invalid_token", error_description="The credential is invalid, expired or revoked"`;
}

function rpcCodeOf(cause: unknown): number {
  if (cause instanceof ParseError) return PARSE_ERROR;
  if (cause instanceof SessionNotFound) return SESSION_NOT_FOUND;
  return SERVER_ERROR;
}

function setHeaders(res: ServerResponse, headers: Headers) {
  if (res.headersSent) return;
  for (const [name, value] of headers) res.setHeader(name, value);
}

/** An answer in JSON-RPC's error shape, as the SDK's transport gives its own refusals. */
function sendRpcError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  request: RequestInfo,
  rpcCode = SERVER_ERROR,
) {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    error: { code: rpcCode, message, data: { code, requestId: request.requestId } },
    id: null,
  });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

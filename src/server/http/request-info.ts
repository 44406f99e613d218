import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import proxyAddr from 'proxy-addr';
import { MAX_IP_ADDRESS_LENGTH, MAX_USER_AGENT_LENGTH, REQUEST_ID_PATTERN } from '@/schemas/audit';
import type { RequestInfo } from '@/server/api/context';
import type { TrustProxy } from '@/server/services';

/** Honours a well-formed incoming x-request-id (from a proxy) or makes a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming)
    ? incoming
    : randomUUID();
}

/**
 * The client's address: the socket's, or the nearest X-Forwarded-For entry added by a proxy
 * that TRUST_PROXY names. A header anyone can set is never taken on its own word.
 */
export function clientAddressOf(req: IncomingMessage, trust: TrustProxy): string | null {
  if (!req.socket.remoteAddress) return null;
  const address = proxyAddr(req, trust);
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

export function requestInfoOf(
  req: IncomingMessage,
  requestId: string,
  trust: TrustProxy,
): RequestInfo {
  return {
    requestId,
    // Kept in audit entries and sessions: bounded as the API documents them.
    ipAddress: clientAddressOf(req, trust)?.slice(0, MAX_IP_ADDRESS_LENGTH) ?? null,
    userAgent: header(req, 'user-agent')?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
    origin: header(req, 'origin'),
    secFetchSite: header(req, 'sec-fetch-site'),
  };
}

export function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/**
 * A server-sent event stream (live changes): long-lived by design. A GET: MCP clients accept
 * event streams on the POSTs that carry their calls too, which are answered at once.
 */
export function isEventStream(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/event-stream');
}

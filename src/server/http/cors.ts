import type { IncomingMessage, ServerResponse } from 'node:http';
import { addVary } from './vary';

/** What a browser script may send to the REST door, beyond the CORS-safelisted headers. */
const REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'If-None-Match',
  'X-Request-Id',
];

/** What a browser script may read of a REST response, beyond the CORS-safelisted headers. */
const EXPOSED_HEADERS = [
  'ETag',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Retry-After',
  'X-Request-Id',
  'Idempotent-Replayed',
  'Allow',
  'WWW-Authenticate',
];

/** How long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Cross-origin access to the REST door for the origins of CORS_ORIGINS, and for no other. REST
 * takes API keys in the Authorization header, never cookies, so credentials are never allowed:
 * a page of an allowed origin can call the API only with a key it holds itself.
 */
export function createCors(origins: readonly string[]) {
  const allowed = new Set(origins);

  /** Sets the CORS headers of a response; returns whether the request's origin is allowed. */
  const apply = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (allowed.size === 0) return false;
    addVary(res, 'Origin');
    const origin = req.headers.origin;
    if (!origin || !allowed.has(origin)) return false;
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
    return true;
  };

  /** Answers a preflight's questions (methods, headers, for how long) for an allowed origin. */
  const answerPreflight = (req: IncomingMessage, res: ServerResponse, methods: string[]) => {
    if (!req.headers['access-control-request-method']) return;
    res.setHeader('access-control-allow-methods', methods.join(', '));
    res.setHeader('access-control-allow-headers', REQUEST_HEADERS.join(', '));
    res.setHeader('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
  };

  return { apply, answerPreflight };
}

import type { ServerResponse } from 'node:http';

/** Headers for every /api response: JSON only, never framed, never cached, never sniffed. */
export function applyApiSecurityHeaders(res: ServerResponse, secure: boolean) {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  res.setHeader('cache-control', 'no-store');
  if (secure) res.setHeader('strict-transport-security', 'max-age=63072000; includeSubDomains');
}

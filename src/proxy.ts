import { NextResponse, type NextRequest } from 'next/server';
import { FORM_POSTED_HEADER } from '@/lib/form-posted';

/**
 * A fresh nonce per page and a Content-Security-Policy that only runs scripts carrying it;
 * Next.js reads the nonce from the request's CSP header and applies it to its own scripts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const dev = process.env.NODE_ENV === 'development';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    // The push service worker (/sw.js); without this, workers fall back to script-src, where
    // 'strict-dynamic' ignores 'self'.
    "worker-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Only a page requested with POST says a form was sent early; no client can claim it.
  if (request.method === 'POST') requestHeaders.set(FORM_POSTED_HEADER, '1');
  else requestHeaders.delete(FORM_POSTED_HEADER);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  if (process.env.APP_URL?.startsWith('https:')) {
    response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  }
  return response;
}

export const config = {
  // Every page, prefetched ones too: a page fetched ahead is shown as it was fetched, so it needs
  // its policy like any other. Not the API (its own headers), Next's built files or public/'s.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};

import { expect, test } from './support';

const PUBLIC_PAGES = ['/sign-in', '/sign-up', '/forgot-password'];

/** How browsers and Next's router mark a page asked for ahead of a visit. */
const PREFETCHES: Record<string, Record<string, string>> = {
  'a plain request': {},
  'Purpose: prefetch': { purpose: 'prefetch' },
  'Sec-Purpose: prefetch': { 'sec-purpose': 'prefetch' },
  'Next-Router-Prefetch: 1': { 'next-router-prefetch': '1' },
};

test('every page response carries the Content-Security-Policy, prefetches included', async ({
  request,
}) => {
  for (const path of PUBLIC_PAGES) {
    for (const [name, headers] of Object.entries(PREFETCHES)) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      expect(response.status(), `${path}, ${name}`).toBe(200);
      expect(response.headers()['content-security-policy'], `${path}, ${name}`).toMatch(
        /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
      );
    }
  }
});

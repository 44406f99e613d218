import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@/server/api/root';
import type { TestApiServer } from './api-server';

/**
 * A tRPC client that behaves like the app in a browser: same-origin headers and a cookie jar
 * holding the session cookie the server sets (and clears).
 */
export function browserClient(
  server: TestApiServer,
  extraHeaders: () => Record<string, string> = () => ({}),
) {
  let cookie = '';
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.url}/api/trpc`,
        transformer: superjson,
        headers: () => ({ origin: server.url, ...(cookie ? { cookie } : {}), ...extraHeaders() }),
        fetch: async (url, init) => {
          const res = await fetch(url, init);
          const setCookie = res.headers.get('set-cookie');
          if (setCookie) {
            const [pair] = setCookie.split(';');
            cookie = pair!.endsWith('=') ? '' : pair!;
          }
          return res;
        },
      }),
    ],
  });
  jars.set(client, { get: () => cookie });
  return client;
}

export type BrowserClient = ReturnType<typeof browserClient>;

// The tRPC client is a proxy that answers every property, so the jar is kept beside it.
const jars = new WeakMap<object, { get(): string }>();

/** The `name=value` session cookie a browser client currently holds. */
export function sessionCookieOf(client: BrowserClient): string {
  return jars.get(client)?.get() ?? '';
}

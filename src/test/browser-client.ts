import { randomInt } from 'node:crypto';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@/server/api/root';
import type { TestApiServer } from './api-server';
import { CookieJar } from './cookie-jar';
import { uniqueEmail } from './factories';

/**
 * A tRPC client that behaves like the app in a browser: same-origin headers and a cookie jar
 * holding the session cookie the server sets (and clears).
 */
export function browserClient(
  server: Pick<TestApiServer, 'url'>,
  extraHeaders: () => Record<string, string> = () => ({}),
) {
  const jar = new CookieJar();
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.url}/api/trpc`,
        transformer: superjson,
        headers: () => {
          const cookie = jar.header();
          return { origin: server.url, ...(cookie ? { cookie } : {}), ...extraHeaders() };
        },
        fetch: async (url, init) => {
          const res = await fetch(url, init);
          jar.store(res);
          return res;
        },
      }),
    ],
  });
  jars.set(client, jar);
  return client;
}

export type BrowserClient = ReturnType<typeof browserClient>;

// The tRPC client is a proxy that answers every property, so the jar is kept beside it.
const jars = new WeakMap<object, CookieJar>();

/** The Cookie header a browser client sends now (its session cookie, and any other). */
export function sessionCookieOf(client: BrowserClient): string {
  return jars.get(client)?.header() ?? '';
}

/** The error a tRPC call failed with; throws if it did not fail, or failed otherwise. */
export async function trpcFailure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError))
    throw new Error(`expected a failure, got ${String(error)}`);
  return error as TRPCClientError<AppRouter>;
}

export interface SignUp {
  name?: string;
  email?: string;
  password?: string;
  organizationName?: string;
}

/**
 * A new person with an organization of their own, signed up in a browser of their own that
 * sends `extraHeaders` with every request and holds the session.
 */
export async function signUpInBrowser(
  server: Pick<TestApiServer, 'url'>,
  {
    name = 'Pat',
    email = uniqueEmail(),
    password = 'a long password',
    organizationName = `${name} Ltd`,
  }: SignUp = {},
  extraHeaders?: () => Record<string, string>,
) {
  const browser = browserClient(server, extraHeaders);
  await browser.auth.signUp.mutate({ name, email, password, organizationName });
  return { browser, email };
}

/** A random address of 100.64.0.0/10: a client of its own, as rate limits count clients. */
export const randomClientAddress = () =>
  `100.${64 + randomInt(64)}.${randomInt(256)}.${randomInt(256)}`;

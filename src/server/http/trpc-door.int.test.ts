import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import type { AppRouter } from '@/server/api/root';
import { setupApiServer, startApiServerWithLostDatabase } from '@/test/api-server';
import { uniqueEmail } from '@/test/factories';
import { trpcClient } from '@/test/trpc-client';

const { server } = setupApiServer();

const client = (headers: () => Record<string, string>) => trpcClient(server, headers);

/** A browser-like session: same-origin requests that keep the session cookie. */
async function signedUpBrowser() {
  let cookie = '';
  const browser = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${server.url}/api/trpc`,
        transformer: superjson,
        headers: () => ({ origin: server.url, ...(cookie ? { cookie } : {}) }),
        fetch: async (url, init) => {
          const res = await fetch(url, init);
          const setCookie = res.headers.get('set-cookie');
          if (setCookie) cookie = setCookie.split(';')[0]!;
          return res;
        },
      }),
    ],
  });
  const email = uniqueEmail('browser');
  await browser.auth.signUp.mutate({
    name: 'Bea',
    email,
    password: 'a long password',
    organizationName: 'Bea & Co',
  });
  return { browser, email, cookie: () => cookie };
}

async function post(
  path: string,
  body: unknown,
  headers: Record<string, string>,
  base = server.url,
) {
  return fetch(`${base}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: body }),
  });
}

describe('tRPC door', () => {
  it('signs up with a session cookie that is HttpOnly, SameSite=Lax and scoped to /', async () => {
    const res = await post(
      'auth.signUp',
      { name: 'Cy', email: uniqueEmail(), password: 'a long password', organizationName: 'Cy Ltd' },
      { origin: server.url },
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^clientele_session=[a-z2-7]+\.[a-z2-7]{52};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
  });

  it('lets the signed-up user create and search customers in their new organization', async () => {
    const { browser } = await signedUpBrowser();
    const me = await browser.auth.me.query();
    expect(me).toMatchObject({ organization: { name: 'Bea & Co' }, role: 'owner' });

    const customer = await browser.customers.create.mutate({
      firstName: 'Linus',
      company: 'Kernel Inc',
    });
    expect(customer.createdAt).toBeInstanceOf(Date);
    const found = await browser.customers.list.query({ q: 'kernel' });
    expect(found.items.map((c) => c.id)).toEqual([customer.id]);
  });

  it('shows the candidates of a probable duplicate in the error data', async () => {
    const { browser } = await signedUpBrowser();
    const acme = await browser.companies.create.mutate({ name: 'Acme Corp' });
    const error = await browser.companies.create.mutate({ name: 'ACME corp.' }).catch((e) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data).toMatchObject({
      code: 'CONFLICT',
      httpStatus: 409,
      candidates: [{ id: acme.id, name: 'Acme Corp', domain: null }],
    });
  });

  it('ends the session on the server at sign-out, so the old cookie stops working', async () => {
    const { browser, cookie } = await signedUpBrowser();
    const stolen = cookie();
    await browser.auth.signOut.mutate();
    const replay = client(() => ({ cookie: stolen }));
    await expect(replay.auth.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('answers a wrong password and an unknown account with the same error', async () => {
    const { email } = await signedUpBrowser();
    const anonymous = client(() => ({ origin: server.url }));
    const wrongPassword = await anonymous.auth.signIn
      .mutate({ email, password: 'not the password' })
      .catch((e: unknown) => e);
    const unknown = await anonymous.auth.signIn
      .mutate({ email: uniqueEmail('nobody'), password: 'not the password' })
      .catch((e: unknown) => e);
    for (const error of [wrongPassword, unknown]) {
      expect(error).toBeInstanceOf(TRPCClientError);
      expect((error as TRPCClientError<AppRouter>).data?.code).toBe('UNAUTHORIZED');
      expect((error as Error).message).toBe('Invalid e-mail or password');
    }
    await expect(
      anonymous.auth.signIn.mutate({ email: email.toUpperCase(), password: 'a long password' }),
    ).resolves.toEqual({ twoFactorRequired: false });
  });

  it('refuses a cookie-authenticated mutation from another origin, and changes nothing', async () => {
    const { browser, cookie } = await signedUpBrowser();
    const forged = await post(
      'customers.create',
      { firstName: 'Forged' },
      { cookie: cookie(), origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    const crossSite = await post(
      'customers.create',
      { firstName: 'Forged' },
      { cookie: cookie(), 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    const noOrigin = await post('customers.create', { firstName: 'Forged' }, { cookie: cookie() });
    expect(noOrigin.status).toBe(403);
    expect((await browser.customers.list.query({ q: 'forged' })).items).toEqual([]);
  });

  it('refuses form-encoded and multipart posts, which browsers send cross-site without asking', async () => {
    const { cookie } = await signedUpBrowser();
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
    ]) {
      const res = await fetch(`${server.url}/api/trpc/customers.create`, {
        method: 'POST',
        headers: { 'content-type': type, cookie: cookie(), origin: server.url },
        body: 'firstName=Forged',
      });
      expect(res.status, type).toBe(415);
    }
  });

  it('never runs a mutation through GET', async () => {
    const { cookie } = await signedUpBrowser();
    const input = encodeURIComponent(JSON.stringify({ json: { firstName: 'Sneaky' } }));
    const res = await fetch(`${server.url}/api/trpc/customers.create?input=${input}`, {
      headers: { cookie: cookie() },
    });
    expect(res.status).toBe(405);
  });

  it('caps the number of calls in one batch', async () => {
    const paths = Array.from({ length: 21 }, () => 'auth.me').join(',');
    const input = encodeURIComponent(JSON.stringify({}));
    const res = await fetch(`${server.url}/api/trpc/${paths}?batch=1&input=${input}`);
    expect(res.status).toBe(400);
  });

  it('never shows internals when the database fails: a generic message and the request id', async () => {
    const brokenServer = await startApiServerWithLostDatabase();
    try {
      const res = await post(
        'auth.signIn',
        { email: uniqueEmail(), password: 'whatever123' },
        { origin: brokenServer.url },
        brokenServer.url,
      );
      expect(res.status).toBeGreaterThanOrEqual(500);
      const text = await res.text();
      const body = JSON.parse(text) as {
        error: { json: { message: string; data: { requestId: string } } };
      };
      expect(['Internal server error', 'The database is unavailable; try again shortly']).toContain(
        body.error.json.message,
      );
      expect(body.error.json.data.requestId).toBe(res.headers.get('x-request-id'));
      expect(text).not.toMatch(/\.ts:\d+|node_modules|select |pglite|postgres/i);
    } finally {
      await brokenServer.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMIT_RULES } from '@/server/rate-limit/rules';
import { stopServices, type AppServices } from '@/server/services';
import {
  startApiServer,
  startApiServerWithLostDatabase,
  type TestApiServer,
} from '@/test/api-server';
import { createTestApiKey } from '@/test/api-keys';
import { browserClient, signUpInBrowser } from '@/test/browser-client';
import { setupTestDatabase } from '@/test/database';
import { createTestOrganization, uniqueEmail } from '@/test/factories';
import { createTestServices, rateLimitBackendForTests, testLogger } from '@/test/services';
import { RateLimiter } from './limiter';

const connection = setupTestDatabase();
const running: { server: TestApiServer; services: AppServices }[] = [];

/** A server with the real credential limits and small API limits, on Redis when REDIS_URL is set. */
async function serverWith(
  options: { redisUrl?: string; trustProxy?: string; restPerOrganization?: number } = {},
) {
  const services = await createTestServices(connection(), {
    rateLimit: options.redisUrl
      ? { kind: 'redis', url: options.redisUrl }
      : rateLimitBackendForTests(),
    rateLimitOverrides: {},
    limits: {
      restPerKey: 3,
      restPerOrganization: options.restPerOrganization ?? 100,
      trpcPerUser: 3,
    },
    trustProxy: options.trustProxy ?? 'false',
  });
  const server = await startApiServer(connection(), services);
  running.push({ server, services });
  return { server, services };
}

afterAll(async () => {
  for (const { server, services } of running) {
    await server.close();
    await stopServices(services);
  }
});

function expectLimitHeaders(res: Response, limit: number) {
  expect(res.headers.get('ratelimit-limit')).toBe(String(limit));
  expect(Number(res.headers.get('ratelimit-remaining'))).toBeGreaterThanOrEqual(0);
  expect(Number(res.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(0);
}

/**
 * Calls up to the limit, each answered 200 with the limit's headers, and once more: that answer,
 * a 429 with the headers too.
 */
async function refusedPastLimit(call: () => Promise<Response>, limit: number) {
  for (let i = 0; i < limit; i++) {
    const res = await call();
    expect(res.status).toBe(200);
    expectLimitHeaders(res, limit);
  }
  const refused = await call();
  expect(refused.status).toBe(429);
  expectLimitHeaders(refused, limit);
  return refused;
}

describe('API limits', () => {
  let server: TestApiServer;
  beforeAll(async () => {
    ({ server } = await serverWith());
  });

  it('REST: every response carries RateLimit headers; past the limit, 429 with Retry-After', async () => {
    const org = await createTestOrganization(connection().db);
    const { key } = await createTestApiKey(connection().db, org.id);
    const get = () =>
      fetch(`${server.url}/api/v1/customers`, { headers: { authorization: `Bearer ${key}` } });
    const refused = await refusedPastLimit(get, 3);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      requestId: refused.headers.get('x-request-id'),
    });
  });

  it('REST: requests a key was refused leave its organization quota to the other keys', async () => {
    const { server: tight } = await serverWith({ restPerOrganization: 5 });
    const org = await createTestOrganization(connection().db);
    const runaway = (await createTestApiKey(connection().db, org.id)).key;
    const other = (await createTestApiKey(connection().db, org.id)).key;
    const get = (key: string) =>
      fetch(`${tight.url}/api/v1/customers`, { headers: { authorization: `Bearer ${key}` } });
    const runawayStatuses = [];
    for (let i = 0; i < 10; i++) runawayStatuses.push((await get(runaway)).status);
    expect(runawayStatuses).toEqual([200, 200, 200, ...Array<number>(7).fill(429)]);

    // The organization counted the runaway key's three requests, not its ten. The headers
    // describe whichever limit leaves the fewest requests: here the organization's.
    const served = await get(other);
    expect(served.status).toBe(200);
    expectLimitHeaders(served, 5);
    expect(served.headers.get('ratelimit-remaining')).toBe('1');
    expect((await get(other)).status).toBe(200);
    const overOrganization = await get(other);
    expect(overOrganization.status).toBe(429);
    expectLimitHeaders(overOrganization, 5);
  });

  it('tRPC: per signed-in person, with the same headers', async () => {
    const { browser } = await signUpInBrowser(server, { name: 'Busy' });
    for (let i = 0; i < 3; i++) await browser.customers.list.query({});
    const error = await browser.customers.list
      .query({})
      .catch((e: unknown) => e as { data?: { code?: string } });
    expect(error).toMatchObject({ data: { code: 'TOO_MANY_REQUESTS' } });
  });
});

describe('sign-in throttling', () => {
  it('slows one address guessing one account, without locking the account owner out', async () => {
    const { server } = await serverWith({ trustProxy: 'loopback' });
    const email = uniqueEmail('target');
    const { browser: owner } = await signUpInBrowser(
      server,
      { email, password: 'the right password' },
      () => ({ 'x-forwarded-for': '198.51.100.10' }),
    );

    const attacker = browserClient(server, () => ({ 'x-forwarded-for': '203.0.113.66' }));
    const limit = RATE_LIMIT_RULES['sign-in:account-ip'].limit;
    const codes: string[] = [];
    for (let i = 0; i <= limit; i++) {
      codes.push(
        await attacker.auth.signIn.mutate({ email, password: `guess ${i}` }).then(
          () => 'OK',
          (e: { data?: { code: string } }) => e.data!.code,
        ),
      );
    }
    expect(codes.slice(0, limit).every((code) => code === 'UNAUTHORIZED')).toBe(true);
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');

    const res = await fetch(`${server.url}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: server.url,
        'x-forwarded-for': '203.0.113.66',
      },
      body: JSON.stringify({ json: { email, password: 'the right password' } }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('ratelimit-limit')).toBe(String(limit));

    await expect(
      owner.auth.signIn.mutate({ email, password: 'the right password' }),
    ).resolves.toEqual({
      twoFactorRequired: false,
    });
  });

  it('takes the client address from X-Forwarded-For only when the proxy is trusted', async () => {
    const { server } = await serverWith({ trustProxy: 'false' });
    const { browser } = await signUpInBrowser(server, {}, () => ({
      'x-forwarded-for': '203.0.113.99',
    }));
    const [session] = await browser.account.sessions.list.query();
    expect(session?.ipAddress).toBe('127.0.0.1');
  });
});

describe('when the limiter store is down', () => {
  it('refuses sign-in quickly with 503, while API reads go on, limited in process', async () => {
    const { server } = await serverWith({ redisUrl: 'redis://127.0.0.1:1' });
    const org = await createTestOrganization(connection().db);
    const { key } = await createTestApiKey(connection().db, org.id);

    const started = performance.now();
    const res = await fetch(`${server.url}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ json: { email: uniqueEmail(), password: 'whatever password' } }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(performance.now() - started).toBeLessThan(1500);

    const read = () =>
      fetch(`${server.url}/api/v1/customers`, { headers: { authorization: `Bearer ${key}` } });
    await refusedPastLimit(read, 3);
  });
});

// A closed PGlite is not an outage PGlite can have; PostgreSQL's is.
describe.runIf(process.env.TEST_DRIVER === 'postgres')('when the database is unavailable', () => {
  it("does not count the server's 503s against the client's address", async () => {
    const org = await createTestOrganization(connection().db);
    const { key } = await createTestApiKey(connection().db, org.id);
    const server = await startApiServerWithLostDatabase({
      rateLimitOverrides: { 'rest-refused:ip': { limit: 3, windowSeconds: 60, failClosed: false } },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${server.url}/api/v1/customers`, {
          headers: { authorization: `Bearer ${key}` },
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual(Array<number>(6).fill(503));
    } finally {
      await server.close();
    }
  });
});

describe.runIf(process.env.REDIS_URL)('on Redis', () => {
  it('shares one count between limiter instances (several app instances)', async () => {
    const make = () =>
      new RateLimiter({
        backend: { kind: 'redis', url: process.env.REDIS_URL! },
        limits: { restPerKey: 4, restPerOrganization: 100, trpcPerUser: 100 },
        logger: testLogger,
        keyPrefix: `test:${id}`,
      });
    const id = crypto.randomUUID();
    const [a, b] = [make(), make()];
    await Promise.all([a.ready(), b.ready()]);
    const decisions = [];
    for (const limiter of [a, b, a, b, a])
      decisions.push((await limiter.check('api:key', id)).allowed);
    expect(decisions).toEqual([true, true, true, true, false]);
    await Promise.all([a.close(), b.close()]);
  });
});

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '@/server/db/connection';
import { customers } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import { createTestApiKey } from '@/test/api-keys';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { createTestOrganization, uniqueEmail, type TestOrganization } from '@/test/factories';
import { setupTestServices } from '@/test/services';
import { startTcpProxy, type TcpProxy } from '@/test/tcp-proxy';
import { timedCall, type TimedAnswer } from '@/test/timed-call';

// The deadline is the application's own (the server cannot enforce one while it does not
// answer), for the postgres.js pools. The app reaches PostgreSQL through a proxy that holds
// back the server's replies at a chosen moment: the server has done the work, the app has not
// heard of it.
const REQUEST_TIMEOUT_MS = 1_500;

describe.runIf(process.env.TEST_DRIVER === 'postgres')('the request deadline', () => {
  const { connection, services } = setupTestServices();
  let proxy: TcpProxy;
  let proxied: Connection;
  let server: TestApiServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    const target = new URL(connection().databaseUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    // One connection and one place in its queue, so that both are easy to fill.
    proxied = await openConnection({
      databaseUrl: proxy.url(target.toString()),
      maxConnections: 1,
      poolQueueLimit: 1,
    });
    server = await startApiServer(
      proxied,
      { ...services(), db: proxied.db },
      { requestTimeoutMs: REQUEST_TIMEOUT_MS },
    );
    organization = await createTestOrganization(connection().db);
  });

  afterAll(async () => {
    proxy?.release();
    await server?.close();
    await proxied?.close(1_000);
    await proxy?.close();
  });

  /** A new key, used once already (its first use is recorded in a transaction of its own). */
  async function usedKey() {
    const { key } = await createTestApiKey(connection().db, organization.id);
    expect((await call(key, 'GET', '/api/v1/me')).status).toBe(200);
    return key;
  }

  const call = (key: string, method: string, path: string, body?: object, headers = {}) =>
    timedCall(server.url, key, method, path, body, headers);

  const storedWithEmail = (email: string) =>
    withTenant(connection().db, organization.id, async (tx) => {
      const found = await tx.select().from(customers).where(eq(customers.email, email));
      return found.length;
    });

  function expectAnsweredAtDeadline(answer: TimedAnswer) {
    expect(answer.status).toBe(503);
    expect(answer.body.requestId).toBe(answer.headers.get('x-request-id'));
    expect(answer.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(answer.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 5_000);
  }

  it('rolls back a change whose statement is not answered by the deadline, after answering 503', async () => {
    const key = await usedKey();
    const email = uniqueEmail('stuck');
    proxy.holdReplyContaining('INSERT 0 1');
    const answer = await call(key, 'POST', '/api/v1/customers', {
      email,
      firstName: 'Stuck',
      lastName: 'Before Commit',
    });
    expectAnsweredAtDeadline(answer);
    expect(answer.body.message).toMatch(/did not answer in time/);

    // The server inserted the row inside the transaction; once the app hears back, it sends
    // nothing more for the answered request and the transaction rolls back.
    proxy.release();
    expect((await call(key, 'GET', '/api/v1/me')).status).toBe(200);
    expect(await storedWithEmail(email)).toBe(0);
  });

  it('says a change may have been saved when its COMMIT is not confirmed by the deadline; its Idempotency-Key then replays it', async () => {
    const key = await usedKey();
    const body = { email: uniqueEmail('unconfirmed'), firstName: 'Un', lastName: 'Confirmed' };
    const idempotency = { 'idempotency-key': randomUUID() };
    proxy.holdReplyContaining('COMMIT\0');
    const answer = await call(key, 'POST', '/api/v1/customers', body, idempotency);
    expectAnsweredAtDeadline(answer);
    expect(answer.body.message).toMatch(/may have been saved.*Idempotency-Key/);
    // It was: the server committed before the proxy held its reply back.
    expect(await storedWithEmail(body.email)).toBe(1);

    proxy.release();
    const retried = await call(key, 'POST', '/api/v1/customers', body, idempotency);
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await storedWithEmail(body.email)).toBe(1);
  });

  it('waits for a busy pool until the deadline, and refuses at once beyond its queue', async () => {
    const key = await usedKey();
    proxy.holdReplyContaining('INSERT 0 1');
    // Holds the pool's one connection past its own deadline.
    const holder = call(key, 'POST', '/api/v1/customers', {
      email: uniqueEmail('holder'),
      firstName: 'Holds',
      lastName: 'The Connection',
    });
    await proxy.holding();
    const waiter = call(key, 'GET', '/api/v1/customers');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await call(key, 'GET', '/api/v1/customers');
    expect(refused.status).toBe(503);
    expect(refused.body.message).toMatch(/waiting for the database/);
    expect(refused.ms).toBeLessThan(REQUEST_TIMEOUT_MS);

    expectAnsweredAtDeadline(await holder);
    const waited = await waiter;
    expectAnsweredAtDeadline(waited);
    expect(waited.body.message).toMatch(/did not answer in time/);

    // Once the server is heard from again, the abandoned work drains and requests are served.
    proxy.release();
    const statuses: number[] = [];
    while (statuses.at(-1) !== 200 && statuses.length < 50) {
      statuses.push((await call(key, 'GET', '/api/v1/customers')).status);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(statuses.at(-1)).toBe(200);
  });
});

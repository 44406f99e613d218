import { randomInt, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey } from '@/test/api-keys';
import { browserClient, sessionCookieOf, type BrowserClient } from '@/test/browser-client';
import { uniqueEmail } from '@/test/factories';
import {
  INSTANCE_METRICS_TOKEN,
  startInstance,
  stopAllInstances,
  type Instance,
} from '@/test/instances';
import { postgresBinaries, startPostgresServer, type PostgresServer } from '@/test/postgres-server';
import { startRedisServer, type RedisServer } from '@/test/redis-server';
import { setupWebhookReceiver } from '@/test/webhook-receiver';
import { openConnection } from '@/server/db/connection';

// The app against a PostgreSQL server and a Redis of the test's own, which it kills and
// restarts. Runs once, in the PostgreSQL project, where the server binaries are installed.
const runs = process.env.TEST_DRIVER === 'postgres' && postgresBinaries() !== undefined;
const STATEMENT_TIMEOUT_MS = 1_500;
const REQUEST_TIMEOUT_MS = 3_000;
const POOL_QUEUE_LIMIT = 10;
const SHUTDOWN_TIMEOUT_MS = 8_000;

interface Answer {
  status: number;
  requestId: string | null;
  headers: Headers;
  body: Record<string, unknown>;
  ms: number;
}

describe.skipIf(!runs)('faults', () => {
  let pg: PostgresServer;
  let redis: RedisServer;
  let app: Instance;
  let admin: postgres.Sql;
  let key: string;
  let owner: BrowserClient;
  let organizationId: string;
  const receiver = setupWebhookReceiver({ answerAfterMs: 2_000 });
  /** Webhooks and the e-mail API of the instance killed mid-send. */
  const cutOff = setupWebhookReceiver();
  /** What each fault showed, printed at the end (docs/operations.md's figures and the notes). */
  const observed: Record<string, unknown> = {};

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgresServer(), startRedisServer()]);
    admin = postgres(pg.url(), { max: 2, onnotice: () => {} });
    await admin`create role clientele_owner login createdb createrole`;
    await admin`create database clientele owner clientele_owner`;
    app = await startInstance({
      DATABASE_URL: pg.url('clientele', 'clientele_owner'),
      REDIS_URL: redis.url,
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      DATABASE_POOL_QUEUE_LIMIT: String(POOL_QUEUE_LIMIT),
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      // The writers here send far more than an integrator's minute allows.
      RATE_LIMIT_REST_PER_KEY: '100000',
      RATE_LIMIT_REST_PER_ORG: '100000',
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      TRUST_PROXY: '1',
    });
    admin = postgres(pg.url('clientele'), { max: 2, onnotice: () => {} });
    owner = browserClient(app, () => ({ 'x-forwarded-for': '198.51.100.7' }));
    await owner.auth.signUp.mutate({
      name: 'Fault Owner',
      email: uniqueEmail('faults'),
      password: 'a long password for faults',
      organizationName: 'Faults Ltd',
    });
    organizationId = (await owner.auth.me.query()).organization!.id;
    const connection = await openConnection({ databaseUrl: pg.url('clientele') });
    key = (await createTestApiKey(connection.db, organizationId, 'admin')).key;
    await connection.close();
  }, 120_000);

  afterAll(async () => {
    await stopAllInstances();
    await admin?.end();
    await Promise.all([pg?.remove(), redis?.kill()]);
    console.info(`faults observed: ${JSON.stringify(observed, null, 2)}`);
  });

  async function call(
    method: string,
    path: string,
    body?: object,
    instance: Instance = app,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const started = performance.now();
    try {
      const res = await fetch(`${instance.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(15_000),
      });
      return {
        status: res.status,
        requestId: res.headers.get('x-request-id'),
        headers: res.headers,
        body: (await res.json()) as Record<string, unknown>,
        ms: performance.now() - started,
      };
    } catch (error) {
      throw new Error(
        `${method} ${path} got no answer: ${String(error)}\n${app.output().slice(-3000)}`,
      );
    }
  }

  const newCustomer = () => ({
    email: uniqueEmail('fault'),
    firstName: 'Fault',
    lastName: `Tolerant ${randomInt(1_000_000)}`,
  });

  function expectUnavailable(answer: Answer) {
    expect(answer.status).toBe(503);
    expect(answer.requestId).toMatch(/\S/);
    expect(answer.body.requestId).toBe(answer.requestId);
    expect(JSON.stringify(answer.body)).not.toMatch(/postgres|ECONN|select|stack/i);
  }

  it('turns a statement stuck past the timeout into a 503, and serves on', async () => {
    const customer = (await call('POST', '/api/v1/customers', newCustomer())).body;
    const locked = lockRow(admin, customer.id as string);
    await locked.held;
    const stuck = await call('PATCH', `/api/v1/customers/${customer.id}`, { company: 'Stuck' });
    await locked.release();
    expectUnavailable(stuck);
    expect(stuck.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 100);
    expect(stuck.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 2_000);
    const after = await call('PATCH', `/api/v1/customers/${customer.id}`, { company: 'Free' });
    expect(after.status).toBe(200);
    observed.statementTimeout = { answeredInMs: Math.round(stuck.ms), status: stuck.status };
  });

  /** A sign-in with a wrong password: 401 when the limiter could count it, 503 when not. */
  async function signIn() {
    const started = performance.now();
    const res = await fetch(`${app.url}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({
        json: { email: uniqueEmail('nobody'), password: 'wrong password' },
      }),
    });
    return { status: res.status, ms: performance.now() - started };
  }

  it('fails closed on sign-in and open on the API while Redis is down, and recovers', async () => {
    await redis.kill();
    const refused = await signIn();
    expect(refused.status).toBe(503);
    expect(refused.ms).toBeLessThan(2_000);
    expect((await call('GET', '/api/v1/customers?limit=5')).status).toBe(200);
    expect((await call('POST', '/api/v1/customers', newCustomer())).status).toBe(200);

    const restarted = performance.now();
    await redis.start();
    let recoveredInMs = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await signIn()).status === 401) {
        recoveredInMs = performance.now() - restarted;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(recoveredInMs).toBeLessThan(10_000);
    observed.redisDown = {
      signInAnsweredInMs: Math.round(refused.ms),
      signInStatus: refused.status,
      restReadsAndWrites: 200,
      recoveredInMsAfterRestart: Math.round(recoveredInMs),
    };
  });

  it('skips a frozen Redis: REST answers at once with its limit headers, sign-in fails closed', async () => {
    redis.freeze();
    const frozenAt = performance.now();
    let thawedAt = frozenAt;
    try {
      const answers: Answer[] = [];
      for (let i = 0; i < 6; i++) answers.push(await call('GET', '/api/v1/customers?limit=1'));
      // Long enough frozen for probes of the store to fail in the background.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      for (let i = 0; i < 6; i++) answers.push(await call('GET', '/api/v1/customers?limit=1'));
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
        expect(answer.headers.get('ratelimit-remaining')).toMatch(/^\d+$/);
      }
      // Each call asking Redis would wait out the limiter's timeout (750 ms) at least once.
      const totalMs = answers.reduce((sum, answer) => sum + answer.ms, 0);
      expect(totalMs).toBeLessThan(answers.length * 750);
      const refused = await signIn();
      expect(refused.status).toBe(503);
      expect(refused.ms).toBeLessThan(2_000);
      observed.redisFrozen = {
        restCalls: answers.length,
        restMs: answers.map((answer) => Math.round(answer.ms)),
        signInStatus: refused.status,
        signInAnsweredInMs: Math.round(refused.ms),
      };
    } finally {
      redis.thaw();
      thawedAt = performance.now();
    }
    let recoveredInMs = Number.POSITIVE_INFINITY;
    while (performance.now() - thawedAt < 20_000) {
      if ((await signIn()).status === 401) {
        recoveredInMs = performance.now() - thawedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(recoveredInMs).toBeLessThan(20_000);
    Object.assign(observed.redisFrozen as object, {
      frozenForMs: Math.round(thawedAt - frozenAt),
      limitsCountedAgainMsAfterThaw: Math.round(recoveredInMs),
    });
  }, 60_000);

  it('stays ready while every connection of its pool is busy', async () => {
    const busy = await startInstance({
      DATABASE_URL: pg.url('clientele', 'clientele_owner'),
      REDIS_URL: redis.url,
      DATABASE_POOL_SIZE: '2',
    });
    const customer = (await call('POST', '/api/v1/customers', newCustomer(), busy)).body;
    const locked = lockRow(admin, customer.id as string);
    await locked.held;
    // Both connections wait on the lock, and more requests wait for them.
    const waiting = Array.from({ length: 4 }, (_, index) =>
      call('PATCH', `/api/v1/customers/${customer.id}`, { company: `Busy ${index}` }, busy),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = performance.now();
    const ready = await fetch(`${busy.url}/api/ready`);
    const readyMs = performance.now() - started;
    await locked.release();
    expect(ready.status).toBe(200);
    expect((await Promise.all(waiting)).map((answer) => answer.status)).toEqual([
      200, 200, 200, 200,
    ]);
    await busy.stop();
    observed.readyWithBusyPool = { status: ready.status, answeredInMs: Math.round(readyMs) };
  });

  it('answers 503 while PostgreSQL is killed mid-writes, leaves no partial write, and recovers', async () => {
    const answers: { answer: Answer; email: string }[] = [];
    let writing = true;
    const writer = async () => {
      while (writing) {
        const body = newCustomer();
        answers.push({ answer: await call('POST', '/api/v1/customers', body), email: body.email });
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await pg.stop('immediate');
    const killedAt = performance.now();

    // While it is down: writes, reads, a session and a key are all 503 (never anonymous, never 401).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const during = await Promise.all([
      call('GET', '/api/v1/customers?limit=5'),
      call('GET', '/api/v1/me'),
    ]);
    during.forEach(expectUnavailable);
    const me = await fetch(`${app.url}/api/trpc/auth.me`, {
      headers: { cookie: sessionCookieOf(owner) },
    });
    expect(me.status).toBe(503);
    expect((await fetch(`${app.url}/api/ready`)).status).toBe(503);

    await pg.start();
    const restartedAt = performance.now();
    let readyAfterMs = Number.POSITIVE_INFINITY;
    while (performance.now() - restartedAt < 20_000) {
      if ((await fetch(`${app.url}/api/ready`)).status === 200) {
        readyAfterMs = performance.now() - restartedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Writes go on by themselves; stop once one has succeeded after the restart.
    const firstWriteAfter = await (async () => {
      for (;;) {
        const answer = await call('POST', '/api/v1/customers', newCustomer());
        if (answer.status === 200) return performance.now() - restartedAt;
        if (performance.now() - restartedAt > 20_000) return Number.POSITIVE_INFINITY;
      }
    })();
    writing = false;
    await Promise.all(writers);

    const statuses = answers.map(({ answer }) => answer.status);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(statuses).toContain(503);
    for (const { answer } of answers.filter(({ answer }) => answer.status === 503)) {
      expectUnavailable(answer);
    }
    expect(readyAfterMs).toBeLessThan(20_000);
    expect(firstWriteAfter).toBeLessThan(20_000);

    // Every customer has exactly its one audit row and every audit row its customer: nothing
    // half-written. Answers of 200 are all there; a 503 may have committed just before the kill.
    const [counts] = await admin<{ customers: number; audited: number; orphans: number }[]>`
      select
        (select count(*)::int from customers where organization_id = ${organizationId}) as customers,
        (select count(*)::int from audit_logs
           where organization_id = ${organizationId} and action = 'customer.created') as audited,
        (select count(*)::int from audit_logs a
           where a.organization_id = ${organizationId} and a.action = 'customer.created'
             and not exists (select 1 from customers c where c.id = a.entity_id)) as orphans`;
    expect(counts!.audited).toBe(counts!.customers);
    expect(counts!.orphans).toBe(0);
    const created = answers.filter(({ answer }) => answer.status === 200);
    const stored = await admin<{ email: string }[]>`
      select email from customers where organization_id = ${organizationId}`;
    const storedEmails = new Set(stored.map((row) => row.email));
    expect(created.every(({ email }) => storedEmails.has(email))).toBe(true);

    // Live updates resume: the listener listens again by itself, and a change it did not hear
    // reaches the stream from the database.
    const stream = await fetch(`${app.url}/api/trpc/events.changes`, {
      headers: { accept: 'text/event-stream', cookie: sessionCookieOf(owner) },
    });
    const reader = stream.body!.getReader();
    const customer = (await call('POST', '/api/v1/customers', newCustomer())).body;
    const createdAt = performance.now();
    let text = '';
    const deadline = Date.now() + 15_000;
    while (!text.includes(customer.id as string) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    const liveUpdateMs = performance.now() - createdAt;
    await reader.cancel();
    expect(text).toContain(customer.id as string);

    const failed = answers.filter(({ answer }) => answer.status === 503);
    observed.postgresKilled = {
      writesAnswered: answers.length,
      ok: created.length,
      unavailable: failed.length,
      slowest503Ms: Math.round(Math.max(...failed.map(({ answer }) => answer.ms))),
      downForMs: Math.round(restartedAt - killedAt),
      readyAfterRestartMs: Math.round(readyAfterMs),
      firstWriteAfterRestartMs: Math.round(firstWriteAfter),
      liveUpdateAfterRecoveryMs: Math.round(liveUpdateMs),
      customers: counts!.customers,
      auditRows: counts!.audited,
      orphanAuditRows: counts!.orphans,
    };
  }, 90_000);

  it('answers 503 by its deadline while PostgreSQL is frozen, with a bounded queue, and commits nothing it refused', async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const create = (body: object, idempotencyKey: string) =>
      call('POST', '/api/v1/customers', body, app, { 'idempotency-key': idempotencyKey });
    const writes: {
      answer: Answer;
      body: ReturnType<typeof newCustomer>;
      email: string;
      idempotencyKey: string;
    }[] = [];
    let writing = true;
    const writer = async () => {
      while (writing) {
        const body = newCustomer();
        const idempotencyKey = randomUUID();
        const answer = await create(body, idempotencyKey);
        writes.push({ answer, body, email: body.email, idempotencyKey });
        // A client backs off a little after a 503.
        if (answer.status === 503) await sleep(200);
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await sleep(700);

    pg.freeze();
    const frozenAt = performance.now();
    let thawedAt = frozenAt;
    let burst: Answer[] = [];
    let readyWhileFrozen = 0;
    let waitingWhileFrozen = Number.NaN;
    try {
      await sleep(500);
      // Many more requests than the pool has connections and places in its queue.
      burst = await Promise.all(
        Array.from({ length: 40 }, () => call('GET', '/api/v1/customers?limit=5')),
      );
      readyWhileFrozen = (await fetch(`${app.url}/api/ready`)).status;
      const scrape = await (
        await fetch(`${app.url}/api/metrics`, {
          headers: { authorization: `Bearer ${INSTANCE_METRICS_TOKEN}` },
        })
      ).text();
      waitingWhileFrozen = Number(
        /^clientele_db_pool_waiting\{pool="primary"\} (\d+)/m.exec(scrape)?.[1],
      );
      // Frozen for several deadlines.
      while (performance.now() - frozenAt < 12_000) await sleep(200);
    } finally {
      pg.thaw();
      thawedAt = performance.now();
    }

    let readyAfterMs = Number.POSITIVE_INFINITY;
    while (performance.now() - thawedAt < 20_000) {
      if ((await fetch(`${app.url}/api/ready`)).status === 200) {
        readyAfterMs = performance.now() - thawedAt;
        break;
      }
      await sleep(100);
    }
    let firstWriteAfterMs = Number.POSITIVE_INFINITY;
    while (performance.now() - thawedAt < 20_000) {
      if ((await create(newCustomer(), randomUUID())).status === 200) {
        firstWriteAfterMs = performance.now() - thawedAt;
        break;
      }
      await sleep(100);
    }
    writing = false;
    await Promise.all(writers);

    // Every request was answered by its deadline (plus generous slack), 200 or 503 with its id.
    const answers = [...writes.map(({ answer }) => answer), ...burst];
    for (const answer of answers) {
      expect([200, 503]).toContain(answer.status);
      if (answer.status === 503) expectUnavailable(answer);
      expect(answer.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 4_000);
    }
    expect(burst.every((answer) => answer.status === 503)).toBe(true);
    // The queue is bounded: beyond the pool and its queue, requests were refused at once.
    const refusedAtOnce = burst.filter((answer) =>
      /waiting for the database/.test(String(answer.body.message)),
    );
    expect(refusedAtOnce.length).toBeGreaterThanOrEqual(40 - 10 - POOL_QUEUE_LIMIT);
    expect(waitingWhileFrozen).toBeLessThanOrEqual(POOL_QUEUE_LIMIT);
    expect(readyWhileFrozen).toBe(503);
    expect(readyAfterMs).toBeLessThan(20_000);
    expect(firstWriteAfterMs).toBeLessThan(20_000);

    // Nothing half-written, and no 503 for a change that was then saved, except when the answer
    // said it may have been (its COMMIT was sent before the server froze).
    const emailsStored = async () =>
      (
        await admin<{ email: string }[]>`
          select email from customers where organization_id = ${organizationId}`
      ).map((row) => row.email);
    const stored = new Set(await emailsStored());
    const refused = writes.filter(({ answer }) => answer.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    const savedAnyway = refused.filter(({ email }) => stored.has(email));
    for (const { answer } of savedAnyway) {
      expect(answer.body.message).toMatch(/may have been saved/);
    }
    expect(
      writes.filter(({ answer }) => answer.status === 200).every(({ email }) => stored.has(email)),
    ).toBe(true);

    // Retried with its Idempotency-Key, every refused write is saved exactly once.
    const retry = async ({ body, email, idempotencyKey }: (typeof refused)[number]) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const answer = await create(body, idempotencyKey);
        // 409: the first attempt's transaction is still finishing.
        if (answer.status !== 409 && answer.status !== 503) return answer;
        await sleep(200);
      }
      throw new Error(`${email} could not be retried`);
    };
    const retried: Answer[] = [];
    for (let i = 0; i < refused.length; i += 8) {
      retried.push(...(await Promise.all(refused.slice(i, i + 8).map(retry))));
    }
    expect(retried.map((answer) => answer.status).every((status) => status === 200)).toBe(true);
    const emails = await emailsStored();
    for (const { email } of refused) {
      expect(emails.filter((stored) => stored === email)).toHaveLength(1);
    }
    const [counts] = await admin<{ customers: number; audited: number; orphans: number }[]>`
      select
        (select count(*)::int from customers where organization_id = ${organizationId}) as customers,
        (select count(*)::int from audit_logs
           where organization_id = ${organizationId} and action = 'customer.created') as audited,
        (select count(*)::int from audit_logs a
           where a.organization_id = ${organizationId} and a.action = 'customer.created'
             and not exists (select 1 from customers c where c.id = a.entity_id)) as orphans`;
    expect(counts!.audited).toBe(counts!.customers);
    expect(counts!.orphans).toBe(0);

    observed.postgresFrozen = {
      frozenForMs: Math.round(thawedAt - frozenAt),
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      poolSizeAndQueue: [10, POOL_QUEUE_LIMIT],
      answered: answers.length,
      unavailable: answers.filter((answer) => answer.status === 503).length,
      slowest503Ms: Math.round(
        Math.max(...answers.filter((a) => a.status === 503).map((a) => a.ms)),
      ),
      burstOf40RefusedAtOnce: refusedAtOnce.length,
      waitingWhileFrozen,
      writesRefused: refused.length,
      refusedButSavedUnconfirmed: savedAnyway.length,
      readyAfterThawMs: Math.round(readyAfterMs),
      firstWriteAfterThawMs: Math.round(firstWriteAfterMs),
      customers: counts!.customers,
      auditRows: counts!.audited,
    };
  }, 120_000);

  it('replays to a live stream the change committed while its listener was cut off', async () => {
    const stream = await fetch(`${app.url}/api/trpc/events.changes`, {
      headers: { accept: 'text/event-stream', cookie: sessionCookieOf(owner) },
    });
    const reader = stream.body!.getReader();
    await reader.read(); // connected

    // The listener's connection is cut, and kept from logging in again for a second: the change
    // committed meanwhile is announced to no one.
    await admin`alter role clientele_owner nologin`;
    await admin`
      select pg_terminate_backend(pid) from pg_stat_activity
      where usename = 'clientele_owner' and query ilike 'listen%'`;
    const missed = (await call('POST', '/api/v1/customers', newCustomer())).body;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await admin`alter role clientele_owner login`;
    const restored = performance.now();

    let text = '';
    const deadline = Date.now() + 15_000;
    while (!text.includes(missed.id as string) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    const replayedAfterMs = performance.now() - restored;
    await reader.cancel();
    expect(text).toContain(missed.id as string);
    observed.listenerLost = {
      missedChangeReplayedMsAfterLoginRestored: Math.round(replayedAfterMs),
    };
  }, 30_000);

  it('retries on another instance a webhook delivery and an e-mail cut off by a crash, soon', async () => {
    // The instance to kill takes the jobs alone: the app is paused meanwhile.
    cutOff.hold('/crash');
    cutOff.hold('/emails');
    app.process.kill('SIGSTOP');
    let victim: Instance | undefined;
    try {
      victim = await startInstance({
        DATABASE_URL: pg.url('clientele', 'clientele_owner'),
        REDIS_URL: redis.url,
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
        TRUST_PROXY: '1',
        MAIL_TRANSPORT: 'http',
        MAIL_HTTP_URL: cutOff.url('/emails'),
        MAIL_HTTP_TOKEN: 'test-token',
      });
      const created = await call(
        'POST',
        '/api/v1/webhooks',
        { url: cutOff.url('/crash'), eventTypes: ['customer.created'] },
        victim,
      );
      const endpointId = (created.body.endpoint as { id: string }).id;
      await call('POST', '/api/v1/customers', newCustomer(), victim);
      const newcomer = browserClient(victim, () => ({ 'x-forwarded-for': '198.51.100.8' }));
      await newcomer.auth.signUp.mutate({
        name: 'Cut Off',
        email: uniqueEmail('crash'),
        password: 'a long password for a crash',
        organizationName: 'Crash Ltd',
      });
      const sentTo = (path: string) => cutOff.received.filter((hook) => hook.path === path);
      await until(() => sentTo('/crash').length === 1 && sentTo('/emails').length === 1);
      const [mailJob] = await admin<{ id: string }[]>`
        select id from pgboss.job where name = 'mail' and state = 'active'`;
      expect(mailJob).toBeDefined();

      await victim.stop('SIGKILL');
      const killedAt = performance.now();
      cutOff.release();
      app.process.kill('SIGCONT');

      const retried = async (path: string) => {
        await until(() => sentTo(path).length > 1, 240_000);
        return performance.now() - killedAt;
      };
      const mailJobDone = async () => {
        // The app sends mail to its log: the job completing on it is the retry.
        await until(async () => {
          const [job] = await admin<{ state: string }[]>`
            select state from pgboss.job where id = ${mailJob!.id}`;
          return job?.state === 'completed';
        }, 240_000);
        return performance.now() - killedAt;
      };
      const [webhookAfterMs, mailAfterMs] = await Promise.all([retried('/crash'), mailJobDone()]);
      // The same event, delivered once recorded: the killed attempt was never recorded.
      const [first, second] = sentTo('/crash');
      expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
      await until(async () => {
        const [delivery] = await admin<{ status: string; attempts: number }[]>`
          select status, attempts from webhook_deliveries
          where endpoint_id = ${endpointId}`;
        return delivery?.status === 'succeeded' && delivery.attempts === 1;
      });
      // The send timeout (10 s), the expiry check and the retry delay, not pg-boss's 15 minutes.
      expect(webhookAfterMs).toBeLessThan(120_000);
      expect(mailAfterMs).toBeLessThan(120_000);
      observed.crashMidSend = {
        webhookRetriedMsAfterKill: Math.round(webhookAfterMs),
        mailRetriedMsAfterKill: Math.round(mailAfterMs),
      };
      await call('DELETE', `/api/v1/webhooks/${endpointId}`);
    } finally {
      app.process.kill('SIGCONT');
      cutOff.release();
      await victim?.stop('SIGKILL');
    }
  }, 300_000);

  it('finishes a request and a job in flight on SIGTERM, refuses new connections, and exits 0', async () => {
    await call('POST', '/api/v1/webhooks', {
      url: receiver.url(),
      eventTypes: ['customer.created'],
    });
    const customer = (await call('POST', '/api/v1/customers', newCustomer())).body;
    while (receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const locked = lockRow(admin, customer.id as string);
    await locked.held;
    const inFlight = call('PATCH', `/api/v1/customers/${customer.id}`, { company: 'In flight' });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const signalled = performance.now();
    const exit = app.stop('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(fetch(`${app.url}/api/health`)).rejects.toThrow();
    setTimeout(() => void locked.release(), 500);

    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(finished.body.company).toBe('In flight');
    expect(await exit).toBe(0);
    const shutdownMs = performance.now() - signalled;
    expect(shutdownMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);

    // The webhook answered after the signal, and its delivery was recorded as delivered.
    const [delivery] = await admin<{ status: string }[]>`
      select d.status from webhook_deliveries d
      join webhook_endpoints e on e.id = d.endpoint_id
      where e.organization_id = ${organizationId}`;
    expect(delivery?.status).toBe('succeeded');
    const log = app
      .output()
      .split('\n')
      .find((line) => line.includes('"msg":"shut down"'));
    expect(JSON.parse(log!)).toMatchObject({
      requestsFinished: true,
      jobsFinished: true,
      abandonedRequests: 0,
    });
    observed.sigterm = { shutdownMs: Math.round(shutdownMs), exitCode: 0 };
  }, 30_000);
  it('cuts a request that outlasts the shutdown bound, and still exits 0 within it', async () => {
    const bounded = await startInstance({
      DATABASE_URL: pg.url('clientele', 'clientele_owner'),
      REDIS_URL: redis.url,
      SHUTDOWN_TIMEOUT_MS: '1000',
    });
    const customer = (await call('POST', '/api/v1/customers', newCustomer(), bounded)).body;
    const locked = lockRow(admin, customer.id as string);
    await locked.held;
    const stuck = fetch(`${bounded.url}/api/v1/customers/${customer.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ company: 'Never' }),
    }).then(
      (res) => res.status,
      () => 'cut' as const,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = performance.now();
    expect(await bounded.stop('SIGTERM')).toBe(0);
    const shutdownMs = performance.now() - signalled;
    expect(await stuck).toBe('cut');
    await locked.release();
    expect(shutdownMs).toBeLessThan(2_000);
    const log = bounded
      .output()
      .split('\n')
      .find((line) => line.includes('"msg":"shut down"'));
    expect(JSON.parse(log!)).toMatchObject({ requestsFinished: false, abandonedRequests: 1 });
    // The cut request changed nothing.
    const [row] = await admin<{ company: string | null }[]>`
      select company from customers where id = ${customer.id as string}`;
    expect(row?.company).not.toBe('Never');
    observed.sigtermPastBound = { boundMs: 1_000, shutdownMs: Math.round(shutdownMs) };
  });
});

/** Waits until the condition holds, checking every 100 ms; throws after ms. */
async function until(condition: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not so within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Holds a row lock on the customer in a transaction of its own until released. */
function lockRow(sql: postgres.Sql, customerId: string) {
  let release!: () => void;
  let held!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const heldPromise = new Promise<void>((resolve) => (held = resolve));
  const transaction = sql.begin(async (tx) => {
    await tx`select id from customers where id = ${customerId} for update`;
    held();
    await released;
  });
  return {
    held: heldPromise,
    release: async () => {
      release();
      await transaction;
    },
  };
}

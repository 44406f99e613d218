import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openConnection, type Connection } from '@/server/db/connection';
import { createTestApiKey } from '@/test/api-keys';
import {
  browserClient,
  randomClientAddress,
  sessionCookieOf,
  signUpInBrowser,
  type BrowserClient,
} from '@/test/browser-client';
import { openChangeStream } from '@/test/change-stream';
import { uniqueEmail } from '@/test/factories';
import { startInstance, stopAllInstances, type Instance } from '@/test/instances';
import { setupWebhookReceiver } from '@/test/webhook-receiver';

// Two instances of the app in their own processes, on one PostgreSQL database and one Redis,
// as behind a load balancer. PGlite serves one process only, so this runs on PostgreSQL.
const runs = process.env.TEST_DRIVER === 'postgres' && Boolean(process.env.REDIS_URL);
const REST_LIMIT_PER_KEY = 10;

describe.skipIf(!runs)('several instances on one PostgreSQL and one Redis', () => {
  const webhooks = setupWebhookReceiver();
  /** The HTTP e-mail API (Resend's JSON) the instances send through. */
  const mail = setupWebhookReceiver();
  let a: Instance;
  let b: Instance;
  let db: Connection;

  beforeAll(async () => {
    const shared = {
      // As production runs: migrating at start as the owner, serving as the runtime login.
      DATABASE_URL: inject('testDatabaseUrl'),
      MIGRATION_DATABASE_URL: inject('testMigrationDatabaseUrl'),
      DATABASE_POOL_SIZE: '4',
      REDIS_URL: process.env.REDIS_URL!,
      MAIL_TRANSPORT: 'http',
      MAIL_HTTP_URL: mail.url('/emails'),
      MAIL_HTTP_TOKEN: 'test-token',
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      RATE_LIMIT_REST_PER_KEY: String(REST_LIMIT_PER_KEY),
      CREDENTIAL_CACHE_SECONDS: '300',
      // Each person below signs up from an address of their own (sign-up is limited per address).
      TRUST_PROXY: '1',
    };
    [a, b] = await Promise.all([startInstance(shared), startInstance(shared)]);
    db = await openConnection({ databaseUrl: inject('testDatabaseUrl'), maxConnections: 2 });
  }, 240_000);

  afterAll(async () => {
    await stopAllInstances();
    await db?.close();
  });

  /** A person who signed up through instance `via`, with their organization. */
  async function signUp(via: Instance) {
    const address = randomClientAddress();
    const { browser, email } = await signUpInBrowser(via, { name: 'Several Instances' }, () => ({
      'x-forwarded-for': address,
    }));
    const me = await browser.auth.me.query();
    return { browser, email, organizationId: me.organization!.id };
  }

  /** A browser on `instance` holding the cookies of `browser`. */
  const sameBrowserOn = (instance: Instance, browser: BrowserClient) =>
    browserClient(instance, () => ({ cookie: sessionCookieOf(browser) }));

  it('honours a session made on one instance on the other, and its sign-out on both', async () => {
    const { browser, email } = await signUp(a);
    const onB = sameBrowserOn(b, browser);
    expect((await onB.auth.me.query()).user?.email).toBe(email);

    await onB.auth.signOut.mutate();
    const afterSignOut = browserClient(a, () => ({ cookie: sessionCookieOf(browser) }));
    await expect(afterSignOut.auth.me.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });

  it('counts rate limits once for all instances', async () => {
    const { organizationId } = await signUp(a);
    const { key } = await createTestApiKey(db.db, organizationId, 'member');
    const statuses: number[] = [];
    for (let i = 0; i < REST_LIMIT_PER_KEY + 2; i++) {
      const instance = i % 2 === 0 ? a : b;
      const res = await fetch(`${instance.url}/api/v1/customers?limit=1`, {
        headers: { authorization: `Bearer ${key}` },
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([...Array<number>(REST_LIMIT_PER_KEY).fill(200), 429, 429]);
  });

  it('refuses a key revoked through one instance on both as it is announced, though each had it cached', async () => {
    const { browser } = await signUp(a);
    const issued = await browser.apiKeys.create.mutate({ name: 'Revoked at once', role: 'member' });
    const statusOn = async (instance: Instance) =>
      (
        await fetch(`${instance.url}/api/v1/me`, {
          headers: { authorization: `Bearer ${issued.key}` },
        })
      ).status;
    // Each instance has looked the key up once and answers from memory after.
    expect([await statusOn(a), await statusOn(b), await statusOn(b)]).toEqual([200, 200, 200]);

    // The other instance drops it when the database's announcement arrives, milliseconds after
    // the commit; its cache would otherwise keep the key for five minutes.
    await browser.apiKeys.revoke.mutate({ id: issued.id });
    await expect.poll(() => statusOn(b)).toBe(401);
    await expect.poll(() => statusOn(a)).toBe(401);
  });

  it('streams a change made through one instance to a subscriber on the other', async () => {
    const { browser } = await signUp(a);
    const stream = await fetch(`${b.url}/api/trpc/events.changes`, {
      headers: { accept: 'text/event-stream', cookie: sessionCookieOf(browser) },
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    try {
      // A change committed while the stream is still finding where it stands counts as one
      // before it, and is not sent: changes are made until one arrives.
      let text = '';
      const decoder = new TextDecoder();
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += decoder.decode(value, { stream: true });
        }
      })().catch(() => undefined);
      const created: string[] = [];
      const heard = () => created.some((id) => text.includes(id));
      const deadline = Date.now() + 20_000;
      while (!heard() && Date.now() < deadline) {
        const customer = await browser.customers.create.mutate({
          email: uniqueEmail('live'),
          firstName: 'Live',
          lastName: `Across ${created.length}`,
        });
        created.push(customer.id);
        for (let waited = 0; waited < 2_000 && !heard(); waited += 100) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      expect(heard()).toBe(true);
      expect(text).toContain('"action":"customer.created"');
    } finally {
      await reader.cancel();
    }
  });

  it('ends a stream on one instance when its session is signed out through the other', async () => {
    const { browser } = await signUp(a);
    const stream = await openChangeStream(b, { cookie: sessionCookieOf(browser) });
    try {
      await browser.auth.signOut.mutate();
      await expect.poll(() => stream.ended?.code, { timeout: 10_000 }).toBe('UNAUTHORIZED');
    } finally {
      stream.close();
    }
  });

  it('runs each background job once across the instances', async () => {
    const people = await Promise.all([a, b, a, b, a, b].map((instance) => signUp(instance)));
    const { browser } = people[0]!;
    await browser.webhooks.create.mutate({
      url: webhooks.url('/several'),
      eventTypes: ['customer.created'],
    });
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        sameBrowserOn(i % 2 === 0 ? a : b, browser).customers.create.mutate({
          email: uniqueEmail('job'),
          firstName: 'Job',
          lastName: `Number ${i}`,
        }),
      ),
    );

    const recipients = () =>
      mail.received
        .map((message) => (JSON.parse(message.body) as { to: string[] }).to[0]!)
        .filter((to) => people.some((person) => person.email === to));
    await waitFor(
      () => recipients().length >= people.length && webhooks.received.length >= created.length,
    );
    // Time for a second run, were a job to run twice.
    await new Promise((resolve) => setTimeout(resolve, 2_500));

    expect(recipients().sort()).toEqual(people.map((person) => person.email).sort());
    const delivered = webhooks.received.map((hook) => ({
      webhookId: hook.headers['webhook-id'],
      customerId: (JSON.parse(hook.body) as { data: { id: string } }).data.id,
    }));
    expect(new Set(delivered.map((hook) => hook.webhookId)).size).toBe(created.length);
    expect(delivered.map((hook) => hook.customerId).sort()).toEqual(
      created.map((customer) => customer.id).sort(),
    );
  });

  it('keeps an idempotency key across instances', async () => {
    const { organizationId } = await signUp(a);
    const { key } = await createTestApiKey(db.db, organizationId, 'member');
    const post = (instance: Instance, idempotencyKey: string, body: object) =>
      fetch(`${instance.url}/api/v1/customers`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey,
        },
        body: JSON.stringify(body),
      });
    const body = { email: uniqueEmail('once'), firstName: 'Once', lastName: 'Only' };
    const idempotencyKey = randomUUID();

    const first = await post(a, idempotencyKey, body);
    expect(first.status).toBe(200);
    const replay = await post(b, idempotencyKey, body);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await replay.json()).id).toBe((await first.json()).id);
    expect((await post(b, idempotencyKey, { ...body, lastName: 'Other' })).status).toBe(422);

    // The same new key sent to both at once: one creates, the other replays or is told to retry (409).
    const racing = { email: uniqueEmail('race'), firstName: 'Race', lastName: 'Twice' };
    const raceKey = randomUUID();
    const statuses = (await Promise.all([post(a, raceKey, racing), post(b, raceKey, racing)])).map(
      (res) => res.status,
    );
    expect(statuses).toContain(200);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    const list = await fetch(`${b.url}/api/v1/customers?q=${encodeURIComponent(racing.email)}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect((await list.json()).items).toHaveLength(1);
  });
});

async function waitFor(condition: () => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyLockName } from '@/server/api/idempotency';
import { deliverWebhook, type WebhookJob } from '@/server/domain/webhooks/deliver';
import { webhookDeliveryDeps } from '@/server/services';
import { createTestApiKey } from '@/test/api-keys';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { createTestOrganization } from '@/test/factories';
import { problemsWithResponse, problemsWithWebhook } from '@/test/openapi-validator';
import { setupTestServices } from '@/test/services';
import { setupWebhookReceiver } from '@/test/webhook-receiver';

/**
 * An outside system's view: only the REST door, only API keys, and every response checked
 * against the published OpenAPI document.
 */
const { connection, services } = setupTestServices();
const receiver = setupWebhookReceiver();
let server: TestApiServer;
const problems: string[] = [];

beforeAll(async () => {
  server = await startApiServer(connection(), services());
});
afterAll(() => server.close());
afterEach(() => {
  expect(problems.splice(0), 'responses that do not match the document').toEqual([]);
});

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Call {
  status: number;
  headers: Headers;
  body: Body;
}

/** A REST client for one API key; each response is checked against the document. */
function client(key: string | null) {
  return async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Call> => {
    const headers = new Headers(options.headers);
    if (key) headers.set('authorization', `Bearer ${key}`);
    if (options.body !== undefined) headers.set('content-type', 'application/json');
    const url = `${server.url}/api/v1${path}`;
    const res = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const body = (await res.json()) as Body;
    problems.push(
      ...problemsWithResponse(method, url, { status: res.status, headers: res.headers, body }),
    );
    return { status: res.status, headers: res.headers, body };
  };
}

async function integrator(role: 'admin' | 'manager' | 'member' | 'viewer' = 'admin') {
  const org = await createTestOrganization(services().db, 'Integrator Org');
  const { id: keyId, key } = await createTestApiKey(services().db, org.id, role);
  return {
    org,
    keyId,
    call: client(key),
    keyFor: async (other: typeof role) =>
      client((await createTestApiKey(services().db, org.id, other)).key),
  };
}

/** Follows nextCursor to the end; returns every item. */
async function readAll(call: ReturnType<typeof client>, path: string) {
  const items: Body[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await call(
      'GET',
      cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path,
    );
    expect(page.status).toBe(200);
    items.push(...(page.body.items as Body[]));
    cursor = page.body.nextCursor as string | null;
    pages += 1;
  } while (cursor && pages < 100);
  return { items, pages };
}

describe('keys', () => {
  it('identifies the key, and refuses no key, a wrong key and a role that may not (401/403)', async () => {
    const { org, call, keyFor } = await integrator('member');
    const me = await call('GET', '/me');
    expect(me.body).toMatchObject({ organization: { id: org.id }, role: 'member' });

    const anonymous = client(null);
    expect((await anonymous('GET', '/customers')).status).toBe(401);
    expect((await client('clt_not-a-real-key')('GET', '/customers')).status).toBe(401);
    const viewer = await keyFor('viewer');
    expect((await viewer('GET', '/customers')).status).toBe(200);
    const refused = await viewer('POST', '/customers', { body: { firstName: 'Nope' } });
    expect(refused.status).toBe(403);
    expect((await call('GET', '/webhooks')).status).toBe(403);
  });

  it('puts rate-limit headers and a request id on every response, errors included', async () => {
    const { call } = await integrator();
    for (const response of [
      await call('GET', '/customers'),
      await call('GET', `/customers/${randomUUID()}`),
      await client(null)('GET', '/customers'),
    ]) {
      expect(response.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
      expect(response.headers.get('ratelimit-remaining')).toMatch(/^\d+$/);
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });
});

describe('customers, interactions and orders', () => {
  it('creates, reads, updates, deletes and restores a customer', async () => {
    const { call } = await integrator();
    const created = await call('POST', '/customers', {
      body: {
        firstName: 'Katherine',
        lastName: 'Johnson',
        email: 'kj@nasa.example',
        tags: ['space'],
      },
    });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ version: 1, status: 'lead', tags: ['space'] });

    expect((await call('GET', `/customers/${id}`)).body.email).toBe('kj@nasa.example');
    const updated = await call('PATCH', `/customers/${id}`, {
      body: { status: 'active', expectedVersion: 1 },
    });
    expect(updated.body).toMatchObject({ status: 'active', version: 2 });
    const stale = await call('PATCH', `/customers/${id}`, {
      body: { company: 'NASA', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect((await call('GET', `/customers/${id}`)).body.company).toBeNull();

    expect((await call('DELETE', `/customers/${id}`)).status).toBe(200);
    expect((await call('GET', `/customers/${id}`)).status).toBe(404);
    const restored = await call('POST', `/customers/${id}/restore`, { body: {} });
    expect(restored.body).toMatchObject({ id, status: 'active' });
  });

  it('keeps a timeline of interactions', async () => {
    const { call } = await integrator();
    const customer = (await call('POST', '/customers', { body: { firstName: 'Mary' } })).body;
    const note = await call('POST', `/customers/${customer.id}/interactions`, {
      body: { type: 'note', subject: 'Met at the conference', content: 'Interested in a pilot.' },
    });
    expect(note.status).toBe(200);
    await call('POST', `/customers/${customer.id}/interactions`, {
      body: { type: 'call', subject: 'Follow-up call', occurredAt: '2026-01-05T10:00:00Z' },
    });
    const edited = await call('PATCH', `/interactions/${note.body.id}`, {
      body: { subject: 'Met at the 2026 conference' },
    });
    expect(edited.body.subject).toBe('Met at the 2026 conference');

    const timeline = await call('GET', `/customers/${customer.id}/interactions`);
    expect(timeline.body.items.map((i: Body) => i.subject)).toEqual([
      'Met at the 2026 conference',
      'Follow-up call',
    ]);
    expect((await call('DELETE', `/interactions/${note.body.id}`)).status).toBe(200);
    expect((await call('GET', `/customers/${customer.id}/interactions`)).body.items).toHaveLength(
      1,
    );
  });

  it('takes an order from draft to fulfilled and refuses an illegal transition', async () => {
    const { call } = await integrator();
    const customer = (await call('POST', '/customers', { body: { firstName: 'Hedy' } })).body;
    const order = await call('POST', `/customers/${customer.id}/orders`, {
      body: {
        currency: 'usd',
        lines: [
          { description: 'Licence', quantity: 3, unitPriceCents: 1999 },
          { description: 'Setup', quantity: 1, unitPriceCents: 5000 },
        ],
      },
    });
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ status: 'draft', currency: 'USD', totalCents: 10997 });

    const lines = await call('PUT', `/orders/${order.body.id}/lines`, {
      body: { lines: [{ description: 'Licence', quantity: 4, unitPriceCents: 1999 }] },
    });
    expect(lines.body.totalCents).toBe(7996);
    const illegal = await call('POST', `/orders/${order.body.id}/status`, {
      body: { status: 'fulfilled' },
    });
    expect(illegal.status).toBe(409);
    for (const status of ['placed', 'paid', 'fulfilled']) {
      const moved = await call('POST', `/orders/${order.body.id}/status`, { body: { status } });
      expect(moved.body.status).toBe(status);
    }
    expect((await call('GET', `/orders/${order.body.id}`)).body.fulfilledAt).toBeTruthy();
    const theirs = await call('GET', `/customers/${customer.id}/orders?status=fulfilled`);
    expect(theirs.body.items.map((o: Body) => o.id)).toEqual([order.body.id]);
  });

  it('pages to the end without repeats, and filters by lists of values, tag and time', async () => {
    const { call } = await integrator();
    const statuses = ['lead', 'active', 'inactive', 'churned'];
    for (let i = 0; i < 11; i++) {
      await call('POST', '/customers', {
        body: {
          firstName: `Person ${i}`,
          status: statuses[i % 4],
          tags: i % 3 === 0 ? ['vip'] : [],
        },
      });
    }
    const { items, pages } = await readAll(call, '/customers?limit=3&sort=name&order=asc');
    expect(items).toHaveLength(11);
    expect(pages).toBe(4);
    expect(new Set(items.map((c) => c.id)).size).toBe(11);

    const someStatuses = await readAll(call, '/customers?status=lead&status=churned&limit=100');
    expect(someStatuses.items.map((c) => c.status).sort()).toEqual([
      ...Array(2).fill('churned'),
      ...Array(3).fill('lead'),
    ]);
    expect((await readAll(call, '/customers?tag=vip')).items).toHaveLength(4);
    const since = new Date(Date.now() + 60_000).toISOString();
    expect((await call('GET', `/customers?updatedSince=${since}`)).body.items).toEqual([]);
    expect((await call('GET', '/customers?limit=101')).status).toBe(400);
    expect((await call('GET', '/customers?status=unknown')).status).toBe(400);
  });

  it("sees another organization's records as missing (404), never forbidden", async () => {
    const mine = await integrator();
    const theirs = await integrator();
    const customer = (await theirs.call('POST', '/customers', { body: { firstName: 'Secret' } }))
      .body;
    const order = (
      await theirs.call('POST', `/customers/${customer.id}/orders`, {
        body: { currency: 'EUR', lines: [{ description: 'X', quantity: 1, unitPriceCents: 1 }] },
      })
    ).body;
    expect((await mine.call('GET', `/customers/${customer.id}`)).status).toBe(404);
    expect(
      (await mine.call('PATCH', `/customers/${customer.id}`, { body: { firstName: 'Mine' } }))
        .status,
    ).toBe(404);
    expect((await mine.call('GET', `/customers/${customer.id}/interactions`)).status).toBe(404);
    expect((await mine.call('GET', `/orders/${order.id}`)).status).toBe(404);
    expect(
      (await mine.call('POST', `/orders/${order.id}/status`, { body: { status: 'placed' } }))
        .status,
    ).toBe(404);
  });

  it('reads the members and the audit trail, filtered', async () => {
    const { org, call } = await integrator();
    const members = await call('GET', '/members');
    expect(members.body.items.map((m: Body) => m.userId)).toEqual([org.ownerId]);
    const customer = (await call('POST', '/customers', { body: { firstName: 'Audited' } })).body;
    await call('PATCH', `/customers/${customer.id}`, { body: { lastName: 'Person' } });
    const trail = await call('GET', `/audit-logs?entityType=customer&entityId=${customer.id}`);
    expect(trail.body.items.map((e: Body) => e.action)).toEqual([
      'customer.updated',
      'customer.created',
    ]);
    expect(trail.body.items[0]).toMatchObject({
      actorType: 'api_key',
      changes: { before: { lastName: '' }, after: { lastName: 'Person' } },
    });
    const verification = await call('GET', '/audit-logs/verification');
    expect(verification.body).toMatchObject({ ok: true });
  });
});

describe('idempotent retries', () => {
  it('replays the first response for the same key and body, and creates once', async () => {
    const { call } = await integrator();
    const key = randomUUID();
    const body = { firstName: 'Once', email: 'once@example.com' };
    const first = await call('POST', '/customers', { body, headers: { 'idempotency-key': key } });
    const retry = await call('POST', '/customers', {
      body: { email: 'once@example.com', firstName: 'Once' },
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect((await readAll(call, '/customers')).items).toHaveLength(1);
  });

  it('refuses the same key for a different request (422), and for another path', async () => {
    const { call } = await integrator();
    const key = randomUUID();
    await call('POST', '/customers', {
      body: { firstName: 'First' },
      headers: { 'idempotency-key': key },
    });
    const other = await call('POST', '/customers', {
      body: { firstName: 'Second' },
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('UNPROCESSABLE_CONTENT');
    expect((await readAll(call, '/customers')).items.map((c) => c.firstName)).toEqual(['First']);
  });

  it('stores nothing for a request that failed, so a corrected retry with the key runs', async () => {
    const { call } = await integrator();
    const key = randomUUID();
    const invalid = await call('POST', '/customers', {
      body: { firstName: '' },
      headers: { 'idempotency-key': key },
    });
    expect(invalid.status).toBe(400);
    const fixed = await call('POST', '/customers', {
      body: { firstName: 'Fixed' },
      headers: { 'idempotency-key': key },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it("keeps a key's Idempotency-Keys to itself: another key of the organization never shares them", async () => {
    const { call, keyFor } = await integrator();
    const otherKey = await keyFor('admin');
    const idempotencyKey = randomUUID();
    const send = (caller: typeof call, firstName: string) =>
      caller('POST', '/customers', {
        body: { firstName },
        headers: { 'idempotency-key': idempotencyKey },
      });

    const mine = await send(call, 'Mine');
    const theirs = await send(otherKey, 'Theirs');
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.firstName).toBe('Theirs');

    const sameBody = await send(otherKey, 'Mine');
    expect(sameBody.status).toBe(422);
    const retries = [await send(call, 'Mine'), await send(otherKey, 'Theirs')];
    expect(retries.map((retry) => retry.headers.get('idempotent-replayed'))).toEqual([
      'true',
      'true',
    ]);
    expect(retries.map((retry) => retry.body.id)).toEqual([mine.body.id, theirs.body.id]);
    expect((await readAll(call, '/customers')).items).toHaveLength(2);
  });

  it('refuses a malformed key', async () => {
    const { call } = await integrator();
    const res = await call('POST', '/customers', {
      body: { firstName: 'X' },
      headers: { 'idempotency-key': 'x'.repeat(300) },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toEqual(['Idempotency-Key']);
  });

  // PGlite has one connection: a transaction held open by the test would block the server too.
  it.skipIf(process.env.TEST_DRIVER !== 'postgres')(
    'refuses a retry while the first request is still running (409)',
    async () => {
      const { org, keyId, call } = await integrator();
      const key = randomUUID();
      let answer: Call | undefined;
      await services().db.transaction(async (tx) => {
        // What a request in flight holds for its key until it commits.
        const lock = idempotencyLockName(org.id, `api_key:${keyId}`, key);
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lock}, 0))`);
        answer = await call('POST', '/customers', {
          body: { firstName: 'Racer' },
          headers: { 'idempotency-key': key },
        });
      });
      expect(answer!.status).toBe(409);
      expect((await readAll(call, '/customers')).items).toHaveLength(0);
    },
  );
});

describe('the change feed', () => {
  it('lists changes oldest first with deletions as tombstones, and resumes after an event', async () => {
    const { call } = await integrator();
    const kept = (await call('POST', '/customers', { body: { firstName: 'Kept' } })).body;
    const gone = (await call('POST', '/customers', { body: { firstName: 'Gone' } })).body;
    const { items: before } = await readAll(call, '/events');
    const last = before.at(-1)!;

    await call('PATCH', `/customers/${kept.id}`, { body: { company: 'Acme' } });
    await call('DELETE', `/customers/${gone.id}`);
    const { items: missed } = await readAll(call, `/events?after=${last.id}&limit=1`);
    expect(missed.map((e) => [e.type, e.data.id])).toEqual([
      ['customer.updated', kept.id],
      ['customer.deleted', gone.id],
    ]);
    expect(Object.keys(missed[1]!.data).sort()).toEqual(['deletedAt', 'id']);
    expect(
      (await call('GET', `/customers?updatedSince=${last.timestamp}`)).body.items.map(
        (c: Body) => c.id,
      ),
    ).toEqual([kept.id]);

    const onlyDeletes = await call('GET', '/events?type=customer.deleted&type=customer.erased');
    expect(onlyDeletes.body.items.map((e: Body) => e.data.id)).toEqual([gone.id]);
    expect((await call('GET', `/events?after=${randomUUID()}`)).status).toBe(404);
  });

  it('keeps no personal data of an erased customer, only tombstones', async () => {
    const { call } = await integrator();
    const customer = (
      await call('POST', '/customers', { body: { firstName: 'Erin', email: 'erin@example.com' } })
    ).body;
    await call('POST', `/customers/${customer.id}/interactions`, {
      body: { type: 'note', subject: 'Private matter' },
    });
    const erased = await call('POST', `/customers/${customer.id}/erase`, { body: {} });
    expect(erased.body).toMatchObject({ customerId: customer.id, eventsErased: 2 });

    const { items } = await readAll(call, '/events');
    expect(items.map((e) => e.type)).toEqual([
      'customer.created',
      'interaction.created',
      'customer.erased',
    ]);
    expect(JSON.stringify(items)).not.toMatch(/Erin|erin@example|Private matter/);
    expect(items[0]!.data).toEqual({ id: customer.id, erased: true });
  });
});

describe('webhooks', () => {
  const deliverDue = () =>
    services().jobs.drain('webhook', (data) =>
      deliverWebhook(webhookDeliveryDeps(services()), data as WebhookJob),
    );

  it('manages an endpoint and delivers signed events that an independent library verifies', async () => {
    const { call } = await integrator();
    await deliverDue();
    receiver.reset();
    const created = await call('POST', '/webhooks', {
      body: {
        url: receiver.url('/integrator'),
        description: 'Billing sync',
        eventTypes: ['customer.created', 'order.status_changed'],
      },
    });
    expect(created.status).toBe(200);
    const { endpoint, secret } = created.body as { endpoint: Body; secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect((await call('GET', `/webhooks/${endpoint.id}`)).body).not.toHaveProperty('secret');

    const customer = (await call('POST', '/customers', { body: { firstName: 'Signed' } })).body;
    const order = (
      await call('POST', `/customers/${customer.id}/orders`, {
        body: {
          currency: 'EUR',
          lines: [{ description: 'Thing', quantity: 1, unitPriceCents: 100 }],
        },
      })
    ).body;
    await call('POST', `/orders/${order.id}/status`, { body: { status: 'placed' } });
    expect(await deliverDue()).toBe(2);

    // Each request the receiver got is the one the document's webhooks section describes.
    problems.push(...receiver.received.flatMap(problemsWithWebhook));
    const verifier = new Webhook(secret);
    // Deliveries are independent requests: they may arrive in any order.
    const events = receiver.received
      .map((r) => verifier.verify(r.body, r.headers) as Body)
      .sort((a, b) => String(a.type).localeCompare(String(b.type)));
    expect(events.map((e) => e.type)).toEqual(['customer.created', 'order.status_changed']);
    expect(events[1]!.data).toMatchObject({
      id: order.id,
      status: 'placed',
      previousStatus: 'draft',
    });

    const log = await call('GET', `/webhooks/${endpoint.id}/deliveries?status=succeeded`);
    expect(log.body.items).toHaveLength(2);
    const redelivered = await call(
      'POST',
      `/webhooks/${endpoint.id}/deliveries/${log.body.items[0].id}/redeliver`,
      { body: {} },
    );
    expect(redelivered.body.status).toBe('pending');
    expect(await deliverDue()).toBe(1);

    const rotated = await call('POST', `/webhooks/${endpoint.id}/rotate-secret`, { body: {} });
    expect(rotated.body.secret).not.toBe(secret);
    const patched = await call('PATCH', `/webhooks/${endpoint.id}`, { body: { enabled: false } });
    expect(patched.body.enabled).toBe(false);
    expect((await call('GET', '/webhooks')).body.items).toHaveLength(1);
    expect((await call('DELETE', `/webhooks/${endpoint.id}`)).status).toBe(200);
    expect((await call('GET', '/webhooks')).body.items).toHaveLength(0);
  });

  it('refuses an endpoint without event types, with field issues', async () => {
    const { call } = await integrator();
    const res = await call('POST', '/webhooks', {
      body: { url: 'https://example.com', eventTypes: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: Body) => i.path.join('.'))).toEqual(['eventTypes']);
  });
});

import { describe, expect, it } from 'vitest';
import { setupIntegrators } from '@/test/integrator';
import { problemsWithWebhook } from '@/test/openapi-validator';
import type { Body } from '@/test/rest-client';
import { setupWebhookReceiver } from '@/test/webhook-receiver';

// An integrator's webhook endpoints, and the signed events they receive.
const { problems, integrator, deliverDue, verifiedEvents } = setupIntegrators();
const receiver = setupWebhookReceiver();

describe('webhooks', () => {
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

    const events = verifiedEvents(receiver.received, secret);
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

  it('delivers company events as the document describes them', async () => {
    const { call } = await integrator();
    await deliverDue();
    receiver.reset();
    const types = [
      'company.created',
      'company.updated',
      'company.deleted',
      'company.restored',
      'company.merged',
    ];
    const created = await call('POST', '/webhooks', {
      body: { url: receiver.url('/companies'), eventTypes: types },
    });
    expect(created.status).toBe(200);
    const target = (await call('POST', '/companies', { body: { name: 'Target' } })).body;
    const source = (await call('POST', '/companies', { body: { name: 'Source' } })).body;
    await call('PATCH', `/companies/${target.id}`, { body: { industry: 'Retail' } });
    await call('DELETE', `/companies/${target.id}`);
    await call('POST', `/companies/${target.id}/restore`);
    await call('POST', `/companies/${target.id}/merge`, { body: { sourceId: source.id } });
    // Other suites may queue deliveries in the same database: only this endpoint's count here.
    await deliverDue();
    const mine = receiver.received.filter((r) => r.path === '/companies');
    problems.push(...mine.flatMap(problemsWithWebhook));
    const received = mine.map((r) => JSON.parse(r.body) as Body);
    expect(received.map((e) => e.type).sort()).toEqual([...types, 'company.created'].sort());
    expect(received.find((e) => e.type === 'company.merged')!.data).toMatchObject({
      id: target.id,
      sourceId: source.id,
      customersMoved: 0,
    });
  });

  it('sends a signed test event on demand and logs it, whatever the endpoint subscribes to', async () => {
    const { call, keyFor } = await integrator();
    await deliverDue();
    receiver.reset();
    const created = await call('POST', '/webhooks', {
      body: { url: receiver.url('/test-event'), eventTypes: ['deal.won'] },
    });
    const { endpoint, secret } = created.body as { endpoint: Body; secret: string };

    const tested = await call('POST', `/webhooks/${endpoint.id}/test`, { body: {} });
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ ok: true, responseStatus: 200, error: null });
    expect(tested.body.durationMs).toBeGreaterThanOrEqual(0);
    // Sent before the answer came back, not queued: nothing is left for the workers.
    expect(receiver.received.filter((r) => r.path === '/test-event')).toHaveLength(1);
    const [event] = verifiedEvents(
      receiver.received.filter((r) => r.path === '/test-event'),
      secret,
    );
    expect(event).toMatchObject({
      id: tested.body.event.id,
      type: 'webhook.test',
      data: { endpointId: endpoint.id },
    });
    expect(receiver.received[0]!.headers['webhook-id']).toBe(tested.body.event.id);

    const log = await call('GET', `/webhooks/${endpoint.id}/deliveries`);
    expect(log.body.items).toEqual([tested.body.delivery]);
    expect(tested.body.delivery).toMatchObject({
      eventId: tested.body.event.id,
      eventType: 'webhook.test',
      status: 'succeeded',
      attempts: 1,
      responseStatus: 200,
      responseBody: 'thanks',
      nextAttemptAt: null,
    });
    const audit = await call('GET', `/audit-logs?entityId=${endpoint.id}&action=webhook.tested`);
    expect(audit.body.items).toHaveLength(1);
    // The change feed is for changes: the test event is not one.
    const feed = await call('GET', '/events?limit=100');
    expect(feed.body.items.map((e: Body) => e.type)).not.toContain('webhook.test');

    // A failing receiver: its answer comes back, and the log shows the failure, not retried.
    receiver.failNext(503);
    const failed = await call('POST', `/webhooks/${endpoint.id}/test`);
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ ok: false, responseStatus: 503, error: 'Answered 503' });
    expect(failed.body.delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(await deliverDue()).toBe(0);

    // A paused endpoint can still be tested, before deliveries are resumed.
    await call('PATCH', `/webhooks/${endpoint.id}`, { body: { enabled: false } });
    expect((await call('POST', `/webhooks/${endpoint.id}/test`)).body.ok).toBe(true);

    const member = await keyFor('member');
    expect((await member('POST', `/webhooks/${endpoint.id}/test`)).status).toBe(403);
    const stranger = await integrator('admin', 'Stranger Org');
    const foreign = await stranger.call('POST', `/webhooks/${endpoint.id}/test`);
    expect(foreign.status).toBe(404);
    expect(receiver.received.filter((r) => r.path === '/test-event')).toHaveLength(3);
  });

  it('keeps every attempt at a delivery, each with its own outcome', async () => {
    const { call } = await integrator();
    await deliverDue();
    receiver.reset();
    const created = await call('POST', '/webhooks', {
      body: { url: receiver.url('/attempts'), eventTypes: ['customer.created'] },
    });
    const endpointId = created.body.endpoint.id as string;
    await call('POST', '/customers', { body: { firstName: 'Retried' } });
    receiver.failNext(503);
    await deliverDue();
    const [delivery] = (await call('GET', `/webhooks/${endpointId}/deliveries`)).body.items;
    expect(delivery).toMatchObject({ status: 'retrying', attempts: 1, responseStatus: 503 });

    // Redelivered now rather than at the scheduled retry: the second attempt succeeds.
    await call('POST', `/webhooks/${endpointId}/deliveries/${delivery.id}/redeliver`);
    await deliverDue();
    const attemptsPath = `/webhooks/${endpointId}/deliveries/${delivery.id}/attempts`;
    const attempts = await call('GET', attemptsPath);
    expect(attempts.status).toBe(200);
    expect(attempts.body.items).toMatchObject([
      {
        deliveryId: delivery.id,
        attempt: 2,
        responseStatus: 200,
        responseBody: 'thanks',
        error: null,
      },
      {
        deliveryId: delivery.id,
        attempt: 1,
        responseStatus: 503,
        responseBody: 'receiver is having a bad day',
        error: 'Answered 503',
      },
    ]);
    const [second, first] = attempts.body.items as Body[];
    expect(new Date(second!.attemptedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(first!.attemptedAt).getTime(),
    );
    const [latest] = (await call('GET', `/webhooks/${endpointId}/deliveries`)).body.items;
    expect(latest).toMatchObject({ status: 'succeeded', attempts: 2, responseStatus: 200 });
    expect(latest.lastAttemptAt).toBe(second!.attemptedAt);

    // One attempt a page: the cursor leads to the first.
    const firstPage = await call('GET', `${attemptsPath}?limit=1`);
    expect(firstPage.body.items.map((a: Body) => a.attempt)).toEqual([2]);
    const cursor = encodeURIComponent(firstPage.body.nextCursor as string);
    const secondPage = await call('GET', `${attemptsPath}?limit=1&cursor=${cursor}`);
    expect(secondPage.body).toMatchObject({ items: [{ attempt: 1 }], nextCursor: null });

    // A test event is one attempt too.
    const tested = await call('POST', `/webhooks/${endpointId}/test`);
    const testAttempts = await call(
      'GET',
      `/webhooks/${endpointId}/deliveries/${tested.body.delivery.id}/attempts`,
    );
    expect(testAttempts.body.items).toMatchObject([{ attempt: 1, responseStatus: 200 }]);

    const stranger = await integrator('admin', 'Stranger Org');
    expect((await stranger.call('GET', attemptsPath)).status).toBe(404);
    const other = await call('POST', '/webhooks', {
      body: { url: receiver.url('/other'), eventTypes: ['deal.won'] },
    });
    const wrongEndpoint = `/webhooks/${other.body.endpoint.id}/deliveries/${delivery.id}/attempts`;
    expect((await call('GET', wrongEndpoint)).status).toBe(404);
  });
});

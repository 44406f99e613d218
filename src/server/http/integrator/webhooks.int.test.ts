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
});

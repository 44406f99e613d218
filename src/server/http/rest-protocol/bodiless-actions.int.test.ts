import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClienteleClient } from '@clientele/sdk';
import { setupRestTenant, type Body } from '@/test/rest-client';

/**
 * HTTP as generated clients, browsers and caches speak it to the REST door: POST actions that take no input.
 */
const { tenant, rest, post } = setupRestTenant('Protocol Org');

describe('POST actions that take no input', () => {
  it('run when sent as the document describes them: no body, no Content-Type', async () => {
    const customer = await post('/customers', { firstName: 'Bodiless' });
    expect((await rest(`/customers/${customer.id}`, { method: 'DELETE' })).status).toBe(200);

    const clientele = createClienteleClient({ baseUrl: tenant.server.url, apiKey: tenant.key });
    const restored = await clientele.POST('/customers/{id}/restore', {
      params: { path: { id: customer.id } },
    });
    expect(restored.response.status).toBe(200);
    expect(restored.data).toMatchObject({ id: customer.id });

    const erased = await rest(`/customers/${customer.id}/erase`, { method: 'POST' });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ customerId: customer.id });
  });

  it('rotate secrets and redeliver without a body, and still take {}', async () => {
    const { endpoint } = await post('/webhooks', {
      url: 'https://hooks.example.com/bodiless',
      eventTypes: ['customer.created'],
    });
    await post('/customers', { firstName: 'Delivered' });
    const deliveries = (await (await rest(`/webhooks/${endpoint.id}/deliveries`)).json()) as Body;
    const delivery = deliveries.items[0] as Body;

    const rotated = await rest(`/webhooks/${endpoint.id}/rotate-secret`, { method: 'POST' });
    expect(rotated.status).toBe(200);
    expect((await rotated.json()).secret).toMatch(/^whsec_/);
    const path = `/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`;
    expect((await rest(path, { method: 'POST' })).status).toBe(200);
    expect((await rest(path, { method: 'POST', body: '{}' })).status).toBe(200);
  });

  it('replays a retry without a body like one with {}', async () => {
    const customer = await post('/customers', { firstName: 'Twice' });
    await rest(`/customers/${customer.id}`, { method: 'DELETE' });
    const idempotencyKey = randomUUID();
    const first = await rest(`/customers/${customer.id}/restore`, {
      method: 'POST',
      headers: { 'idempotency-key': idempotencyKey },
    });
    const retry = await rest(`/customers/${customer.id}/restore`, {
      method: 'POST',
      body: '{}',
      headers: { 'idempotency-key': idempotencyKey },
    });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });
});

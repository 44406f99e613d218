import { TRPCError } from '@trpc/server';
import { Webhook } from 'standardwebhooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestOrganization, ownerCaller } from '@/test/factories';
import { createTestServices, setupTestServices } from '@/test/services';
import { setupWebhookReceiver } from '@/test/webhook-receiver';
import { stopServices, webhookDeliveryDeps } from '@/server/services';
import { deliverWebhook, RETRY_DELAYS_SECONDS, type WebhookJob } from './deliver';

const { services, connection } = setupTestServices();
const receiver = setupWebhookReceiver();

/** Runs the webhook jobs that are due, as the worker would. */
const deliverDue = () =>
  services().jobs.drain('webhook', (data) =>
    deliverWebhook(webhookDeliveryDeps(services()), data as WebhookJob),
  );

async function organizationWithEndpoint(eventTypes = ['customer.created', 'customer.updated']) {
  const org = await createTestOrganization(services().db);
  const api = ownerCaller(services(), org);
  const { endpoint, secret } = await api.webhooks.create({
    url: receiver.url(`/${org.slug}`),
    eventTypes: eventTypes as never,
  });
  return { org, api, endpoint, secret };
}

const bodies = () => receiver.received.map((request) => JSON.parse(request.body));

beforeEach(async () => {
  await deliverDue();
  receiver.reset();
});

describe('webhooks', () => {
  it('delivers a change signed per Standard Webhooks, verified by an independent implementation', async () => {
    const { api, secret } = await organizationWithEndpoint();
    const customer = await api.customers.create({ firstName: 'Ada', email: 'ada@example.com' });

    expect(await deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    const verified = new Webhook(secret).verify(request!.body, request!.headers) as {
      type: string;
      data: { id: string; email: string };
    };
    expect(verified.type).toBe('customer.created');
    expect(verified.data).toMatchObject({ id: customer.id, email: 'ada@example.com' });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(() => new Webhook(secret).verify(`${request!.body} `, request!.headers)).toThrow();
  });

  it('logs each delivery, and sends only the subscribed event types', async () => {
    const { api, endpoint } = await organizationWithEndpoint(['customer.updated']);
    const customer = await api.customers.create({ firstName: 'Grace' });
    await api.customers.update({ id: customer.id, company: 'Navy' });
    await deliverDue();

    expect(bodies().map((body) => body.type)).toEqual(['customer.updated']);
    const log = await api.webhooks.deliveries({ endpointId: endpoint.id });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      eventType: 'customer.updated',
      status: 'succeeded',
      attempts: 1,
      responseStatus: 200,
      responseBody: 'thanks',
      error: null,
    });
    expect(log.items[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('creates no event and no delivery for a change that rolled back', async () => {
    const { api, endpoint } = await organizationWithEndpoint();
    await api.customers.create({ firstName: 'Ada', email: 'ada@example.com' });
    await expect(
      api.customers.create({ firstName: 'Ada', email: 'ADA@example.com' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await deliverDue();

    expect(receiver.received).toHaveLength(1);
    expect((await api.webhooks.deliveries({ endpointId: endpoint.id })).items).toHaveLength(1);
    expect((await api.events.list({})).items.map((event) => event.type)).toEqual([
      'customer.created',
    ]);
  });

  it('retries a failed delivery later, and an admin can send it again at once', async () => {
    const { api, endpoint } = await organizationWithEndpoint();
    receiver.failNext(500);
    await api.customers.create({ firstName: 'Edsger' });
    const before = Date.now();
    await deliverDue();

    const [failed] = (await api.webhooks.deliveries({ endpointId: endpoint.id })).items;
    expect(failed).toMatchObject({
      status: 'retrying',
      attempts: 1,
      responseStatus: 500,
      error: 'Answered 500',
    });
    const wait = failed!.nextAttemptAt!.getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(RETRY_DELAYS_SECONDS[0]! * 1000 - 1000);
    expect(wait).toBeLessThanOrEqual(RETRY_DELAYS_SECONDS[0]! * 1000 + 5000);
    // The retry is scheduled, not due yet.
    expect(await deliverDue()).toBe(0);

    const again = await api.webhooks.redeliver({ endpointId: endpoint.id, id: failed!.id });
    expect(again.status).toBe('pending');
    expect(await deliverDue()).toBe(1);
    const [delivered] = (await api.webhooks.deliveries({ endpointId: endpoint.id })).items;
    expect(delivered).toMatchObject({ status: 'succeeded', attempts: 2, responseStatus: 200 });
    // Both attempts carried the same event id, so a receiver can tell it is one event.
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('gives up after the last attempt', async () => {
    const { org, api, endpoint } = await organizationWithEndpoint();
    await api.customers.create({ firstName: 'Barbara' });
    const [delivery] = (await api.webhooks.deliveries({ endpointId: endpoint.id })).items;
    receiver.failNext(...Array(RETRY_DELAYS_SECONDS.length + 1).fill(503));
    // Each attempt as its job would make it, without waiting for the schedule.
    for (let attempt = 1; attempt <= RETRY_DELAYS_SECONDS.length + 1; attempt++) {
      await deliverWebhook(webhookDeliveryDeps(services()), {
        organizationId: org.id,
        deliveryId: delivery!.id,
        endpointId: endpoint.id,
        attempt,
      });
    }
    const [last] = (await api.webhooks.deliveries({ endpointId: endpoint.id })).items;
    expect(last).toMatchObject({
      status: 'failed',
      attempts: RETRY_DELAYS_SECONDS.length + 1,
      nextAttemptAt: null,
    });
    // Those who manage webhooks are told, once however many deliveries fail.
    const [notice] = (await api.notifications.list({})).items;
    expect(notice).toMatchObject({
      type: 'webhook_failing',
      title: `Webhook deliveries to ${endpoint.url} are failing`,
      body: 'The last attempt: Answered 503',
      link: '/webhooks',
      entityId: endpoint.id,
    });
  });

  it('signs with both secrets for a day after a rotation', async () => {
    const { api, endpoint, secret: oldSecret } = await organizationWithEndpoint();
    const { secret: newSecret, endpoint: rotated } = await api.webhooks.rotateSecret({
      id: endpoint.id,
    });
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.previousSecretExpiresAt!.getTime()).toBeGreaterThan(
      Date.now() + 23 * 3600 * 1000,
    );
    await api.customers.create({ firstName: 'Alan' });
    await deliverDue();

    const [request] = receiver.received;
    expect(request!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(request!.body, request!.headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(request!.body, request!.headers)).not.toThrow();
  });

  it('sends nothing to a disabled endpoint, and nothing after it is deleted', async () => {
    const { api, endpoint } = await organizationWithEndpoint();
    await api.webhooks.update({ id: endpoint.id, enabled: false });
    await api.customers.create({ firstName: 'Off' });
    await api.webhooks.update({ id: endpoint.id, enabled: true });
    const customer = await api.customers.create({ firstName: 'On' });
    await api.webhooks.delete({ id: endpoint.id });
    await api.customers.update({ id: customer.id, firstName: 'Gone' });
    await deliverDue();

    expect(receiver.received).toHaveLength(0);
    await expect(api.webhooks.get({ id: endpoint.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("hides another organization's endpoints and deliveries (404)", async () => {
    const { endpoint } = await organizationWithEndpoint();
    const other = ownerCaller(services(), await createTestOrganization(services().db));
    await expect(other.webhooks.get({ id: endpoint.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(other.webhooks.deliveries({ endpointId: endpoint.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(other.webhooks.rotateSecret({ id: endpoint.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses an endpoint without event types or with a URL that is not http(s)', async () => {
    const api = ownerCaller(services(), await createTestOrganization(services().db));
    await expect(
      api.webhooks.create({ url: 'ftp://example.com/hook', eventTypes: ['customer.created'] }),
    ).rejects.toBeInstanceOf(TRPCError);
    await expect(
      api.webhooks.create({ url: 'https://example.com/hook', eventTypes: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      api.webhooks.create({
        url: 'https://user:pw@example.com/hook',
        eventTypes: ['order.created'],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await api.webhooks.list({})).items).toHaveLength(0);
  });
});

describe('webhook targets', () => {
  const guarded = async () => {
    const strict = await createTestServices(connection(), {
      webhooks: { allowPrivateTargets: false },
    });
    const org = await createTestOrganization(strict.db);
    return { strict, org, api: ownerCaller(strict, org) };
  };

  it('refuses private, loopback and link-local addresses', async () => {
    const { strict, api } = await guarded();
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/hook',
      'http://[::ffff:192.168.0.1]/hook',
    ]) {
      await expect(
        api.webhooks.create({ url, eventTypes: ['customer.created'] }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
    expect((await api.webhooks.list({})).items).toHaveLength(0);
    await stopServices(strict);
  });

  it('never connects to a name that resolves to a private address', async () => {
    const { strict, api } = await guarded();
    const port = new URL(receiver.url()).port;
    const { endpoint } = await api.webhooks.create({
      url: `http://localhost:${port}/hook`,
      eventTypes: ['customer.created'],
    });
    await api.customers.create({ firstName: 'Mallory' });
    await strict.jobs.drain('webhook', (data) =>
      deliverWebhook(webhookDeliveryDeps(strict), data as WebhookJob),
    );

    expect(receiver.received).toHaveLength(0);
    const [delivery] = (await api.webhooks.deliveries({ endpointId: endpoint.id })).items;
    expect(delivery).toMatchObject({ status: 'retrying', responseStatus: null });
    expect(delivery!.error).toMatch(/private, loopback or link-local/);
    await stopServices(strict);
  });
});

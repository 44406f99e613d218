import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkers, stopServices, type AppServices } from '@/server/services';
import { setupPrivateTestDatabase } from '@/test/database';
import { createTestOrganization, ownerCaller } from '@/test/factories';
import { createTestServices } from '@/test/services';
import { setupWebhookReceiver } from '@/test/webhook-receiver';
import { DELIVERIES_AT_ONCE_PER_ENDPOINT } from './deliver';

// The workers as the server runs them, delivering on their own. They take every job of their
// database, so the file has a database of its own.
const connection = setupPrivateTestDatabase();
const receiver = setupWebhookReceiver();
let services: AppServices;

beforeAll(async () => {
  services = await createTestServices(connection());
  await startWorkers(services);
});
afterAll(async () => {
  receiver.release();
  if (services) await stopServices(services);
});

/** An organization whose endpoint at `path` takes customer.created, and its API. */
async function organizationSending(path: string) {
  const org = await createTestOrganization(services.db);
  const api = ownerCaller(services, org);
  await api.webhooks.create({ url: receiver.url(path), eventTypes: ['customer.created'] });
  return api;
}

async function createCustomers(api: ReturnType<typeof ownerCaller>, count: number) {
  for (let i = 0; i < count; i++) await api.customers.create({ firstName: `Number ${i}` });
}

const receivedAt = (path: string) => receiver.received.filter((hook) => hook.path === path);

async function waitFor(condition: () => boolean, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('webhook delivery workers', () => {
  it('delivers to other endpoints while one receiver keeps every request it got unanswered', async () => {
    receiver.hold('/stuck');
    const stuck = await organizationSending('/stuck');
    const other = await organizationSending('/other');
    await createCustomers(stuck, DELIVERIES_AT_ONCE_PER_ENDPOINT * 3);
    await waitFor(
      () => receiver.traffic('/stuck').open === DELIVERIES_AT_ONCE_PER_ENDPOINT,
      'the stuck endpoint to be sent its share',
    );
    await createCustomers(other, 3);

    await waitFor(() => receivedAt('/other').length === 3, "the other endpoint's deliveries");
    // The stuck receiver has still answered nothing and the sender has given up on nothing:
    // the other endpoint did not wait for it.
    expect(receiver.traffic('/stuck')).toMatchObject({
      open: DELIVERIES_AT_ONCE_PER_ENDPOINT,
      abandoned: 0,
    });
    expect(receivedAt('/stuck')).toHaveLength(DELIVERIES_AT_ONCE_PER_ENDPOINT);

    receiver.release();
    await waitFor(
      () => receivedAt('/stuck').length === DELIVERIES_AT_ONCE_PER_ENDPOINT * 3,
      'the rest of the stuck endpoint',
    );
  });

  it('sends an endpoint no more deliveries at once than its limit', async () => {
    receiver.hold('/limited');
    const api = await organizationSending('/limited');
    await createCustomers(api, DELIVERIES_AT_ONCE_PER_ENDPOINT * 3);
    await waitFor(
      () => receiver.traffic('/limited').open === DELIVERIES_AT_ONCE_PER_ENDPOINT,
      'the limit of deliveries at once',
    );
    // Time for the workers to send more, were they to (well within the send timeout).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(receivedAt('/limited')).toHaveLength(DELIVERIES_AT_ONCE_PER_ENDPOINT);

    receiver.release();
    await waitFor(
      () => receivedAt('/limited').length === DELIVERIES_AT_ONCE_PER_ENDPOINT * 3,
      'the rest of the deliveries',
    );
    expect(receiver.traffic('/limited').mostAtOnce).toBe(DELIVERIES_AT_ONCE_PER_ENDPOINT);
  });

  it('delivers many events far faster than one a second', async () => {
    const endpoints = ['/many-a', '/many-b', '/many-c', '/many-d', '/many-e', '/many-f'];
    const apis = await Promise.all(endpoints.map((path) => organizationSending(path)));
    const perEndpoint = 10;
    const started = performance.now();
    await Promise.all(apis.map((api) => createCustomers(api, perEndpoint)));
    const total = endpoints.length * perEndpoint;
    await waitFor(
      () => endpoints.every((path) => receivedAt(path).length === perEndpoint),
      `${total} deliveries`,
      120_000,
    );
    const seconds = (performance.now() - started) / 1000;
    // One a second would take a minute.
    expect(seconds).toBeLessThan(total / 3);
  }, 150_000);
});

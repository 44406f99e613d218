// Runs against a live Clientele: lists and pages, creates, reads a typed error and Dates, and
// verifies a real webhook delivery, with the package installed from its tarball.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ClienteleError,
  createClienteleClient,
  verifyWebhook,
  WebhookVerificationError,
  type ClienteleApiError,
} from '@clientele/sdk';

const { CLIENTELE_URL, CLIENTELE_API_KEY } = process.env;
if (!CLIENTELE_URL || !CLIENTELE_API_KEY)
  throw new Error('Set CLIENTELE_URL and CLIENTELE_API_KEY');
const clientele = createClienteleClient({ baseUrl: CLIENTELE_URL, apiKey: CLIENTELE_API_KEY });

// A receiver for the webhook deliveries, on a port of the system's choosing.
const deliveries: { body: string; headers: Record<string, string | string[] | undefined> }[] = [];
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    deliveries.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const { port } = receiver.address() as AddressInfo;

try {
  const hook = await clientele.POST('/webhooks', {
    body: { url: `http://127.0.0.1:${port}/clientele`, eventTypes: ['customer.created'] },
  });
  assert.equal(hook.response.status, 200, JSON.stringify(hook.error));
  const secret = hook.data!.secret;

  const tag = `sdk-${Date.now()}`;
  const names = ['Ada', 'Grace', 'Katherine'];
  for (const firstName of names) {
    const created = await clientele.POST('/customers', {
      body: { firstName, lastName: 'Consumer', tags: [tag] },
    });
    assert.equal(created.response.status, 200, JSON.stringify(created.error));
    const createdAt: Date = created.data!.createdAt;
    assert.ok(createdAt instanceof Date);
  }

  const firstPage = await clientele.GET('/customers', { params: { query: { tag, limit: 2 } } });
  assert.equal(firstPage.data!.items.length, 2);
  assert.ok(firstPage.data!.nextCursor);

  const seen: string[] = [];
  for await (const customer of clientele.paginate('/customers', {
    query: { tag, limit: 2, sort: 'name', order: 'asc' },
  })) {
    assert.ok(customer.updatedAt instanceof Date);
    seen.push(customer.firstName);
  }
  assert.deepEqual(seen, names);

  const missing = await clientele.GET('/customers/{id}', {
    params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
  });
  const error: ClienteleApiError | undefined = missing.error;
  assert.equal(missing.response.status, 404);
  assert.equal(error?.code, 'NOT_FOUND');
  assert.equal(error?.requestId, missing.response.headers.get('x-request-id'));
  await assert.rejects(
    clientele
      .paginate('/customers/{customerId}/orders', {
        path: { customerId: '00000000-0000-4000-8000-000000000000' },
      })
      .next(),
    (thrown) => thrown instanceof ClienteleError && thrown.status === 404,
  );

  // Deliveries are queued with the change and sent by the server's worker: wait for three.
  const deadline = Date.now() + 180_000;
  while (deliveries.length < names.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.equal(deliveries.length, names.length, 'every customer.created was delivered');
  for (const delivery of deliveries) {
    const event = await verifyWebhook(delivery.body, delivery.headers, secret);
    assert.equal(event.type, 'customer.created');
    assert.ok(event.timestamp instanceof Date);
    await assert.rejects(
      verifyWebhook(delivery.body.replace('Consumer', 'Intruder'), delivery.headers, secret),
      WebhookVerificationError,
    );
  }
  console.info(
    `The SDK from its tarball works: ${seen.length} customers paged, ${deliveries.length} deliveries verified`,
  );
} finally {
  receiver.close();
}

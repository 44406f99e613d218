import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey } from '@/test/api-keys';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { createTestOrganization } from '@/test/factories';
import { setupTestServices } from '@/test/services';
import { createClienteleClient } from './client';
import { parseEnv } from '@/env';
import { DOCUMENT_FILE, generateSdk, SCHEMA_FILE } from './generate';
import { createClienteleTrpcClient, ensureLead } from './trpc-example';

const { connection, services } = setupTestServices();
let server: TestApiServer;
let apiKey: string;

beforeAll(async () => {
  server = await startApiServer(connection(), services());
  const org = await createTestOrganization(services().db);
  apiKey = (await createTestApiKey(services().db, org.id, 'admin')).key;
});
afterAll(() => server.close());

describe('the typed REST client', () => {
  it('is generated from the current document (run `npm run sdk` after changing the API)', async () => {
    const fresh = await generateSdk();
    expect(readFileSync(DOCUMENT_FILE, 'utf8')).toBe(fresh.document);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(fresh.schema);
  });

  it('is, byte for byte, the document a server with default settings serves', async () => {
    const appUrl = parseEnv({}).APP_URL;
    const defaults = await startApiServer(connection(), services(), { appUrl });
    try {
      const served = await fetch(`${defaults.url}/api/openapi.json`);
      expect(served.status).toBe(200);
      expect(await served.text()).toBe(readFileSync(DOCUMENT_FILE, 'utf8'));
    } finally {
      await defaults.close();
    }
  });

  it('works against a running server', async () => {
    const clientele = createClienteleClient({ baseUrl: server.url, apiKey });
    const created = await clientele.POST('/customers', {
      body: { firstName: 'Radia', lastName: 'Perlman', email: 'radia@example.com', tags: ['net'] },
      params: { header: { 'Idempotency-Key': randomUUID() } },
    });
    expect(created.response.status).toBe(200);
    const customer = created.data!;
    expect(customer.tags).toEqual(['net']);

    const list = await clientele.GET('/customers', {
      params: { query: { status: ['lead', 'active'], tag: 'net', limit: 10 } },
    });
    expect(list.data!.items.map((c) => c.id)).toEqual([customer.id]);

    const order = await clientele.POST('/customers/{customerId}/orders', {
      params: { path: { customerId: customer.id } },
      body: {
        currency: 'EUR',
        lines: [{ description: 'Spanning tree', quantity: 2, unitPriceCents: 750 }],
      },
    });
    expect(order.data!.totalCents).toBe(1500);

    const missing = await clientele.GET('/customers/{id}', {
      params: { path: { id: randomUUID() } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 'NOT_FOUND', message: 'Customer not found' });
  });
});

describe('the tRPC example', () => {
  it('calls Clientele with an API key and full inference', async () => {
    const clientele = createClienteleTrpcClient(server.url, apiKey);
    const first = await ensureLead(clientele, {
      email: 'barbara@example.com',
      firstName: 'Barbara',
    });
    expect(first.created).toBe(true);
    expect(first.customer.createdAt).toBeInstanceOf(Date);
    const again = await ensureLead(clientele, {
      email: 'barbara@example.com',
      firstName: 'Barbara',
    });
    expect(again).toMatchObject({ created: false, openOrders: [] });
    expect(again.customer.id).toBe(first.customer.id);
  });
});

import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClienteleError, createClienteleClient } from '@clientele/sdk';
import { createClienteleTrpcClient } from '@clientele/sdk/trpc';
import { TRPCClientError } from '@trpc/client';
import { createTestApiKey } from '@/test/api-keys';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { createTestOrganization } from '@/test/factories';
import { setupTestServices } from '@/test/services';
import { parseEnv } from '@/env';
import { DATE_FIELDS_FILE, DOCUMENT_FILE, generateSdk, SCHEMA_FILE } from './generate';

const { connection, services } = setupTestServices();
let server: TestApiServer;
let apiKey: string;

beforeAll(async () => {
  server = await startApiServer(connection(), services());
  const org = await createTestOrganization(services().db);
  apiKey = (await createTestApiKey(services().db, org.id, 'admin')).key;
});
afterAll(() => server.close());

describe('the generated contract', () => {
  it('is generated from the current procedures (run `npm run sdk` after changing the API)', async () => {
    const fresh = await generateSdk();
    expect(readFileSync(DOCUMENT_FILE, 'utf8')).toBe(fresh.document);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(fresh.schema);
    expect(readFileSync(DATE_FIELDS_FILE, 'utf8')).toBe(fresh.dateFields);
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
});

describe('the REST client against a running server', () => {
  it('creates, lists, reads orders and answers dates as Dates', async () => {
    const clientele = createClienteleClient({ baseUrl: server.url, apiKey });
    const before = new Date(Date.now() - 60_000);
    const created = await clientele.POST('/customers', {
      body: { firstName: 'Radia', lastName: 'Perlman', email: 'radia@example.com', tags: ['net'] },
    });
    expect(created.response.status).toBe(200);
    const customer = created.data!;
    expect(customer.tags).toEqual(['net']);
    expect(customer.createdAt).toBeInstanceOf(Date);
    expect(customer.createdAt.getTime()).toBeGreaterThan(before.getTime());

    const list = await clientele.GET('/customers', {
      params: {
        query: { status: ['lead', 'active'], tag: 'net', limit: 10, updatedSince: before },
      },
    });
    expect(list.data!.items.map((c) => c.id)).toEqual([customer.id]);
    expect(list.data!.items[0]!.updatedAt).toBeInstanceOf(Date);

    const order = await clientele.POST('/customers/{customerId}/orders', {
      params: { path: { customerId: customer.id } },
      body: {
        currency: 'EUR',
        lines: [{ description: 'Spanning tree', quantity: 2, unitPriceCents: 750 }],
      },
    });
    expect(order.data!.totalCents).toBe(1500);
    expect(order.data!.createdAt).toBeInstanceOf(Date);
  });

  it('pages through a whole list', async () => {
    const clientele = createClienteleClient({ baseUrl: server.url, apiKey });
    const names = ['Ada', 'Barbara', 'Corrado', 'Donald', 'Edsger'];
    for (const firstName of names) {
      const { response } = await clientele.POST('/customers', {
        body: { firstName, lastName: 'Paged', tags: ['paged'] },
      });
      expect(response.status).toBe(200);
    }
    const seen: string[] = [];
    for await (const customer of clientele.paginate('/customers', {
      query: { tag: 'paged', limit: 2, sort: 'name', order: 'asc' },
    })) {
      expect(customer.createdAt).toBeInstanceOf(Date);
      seen.push(customer.firstName);
    }
    expect(seen).toEqual(names);
  });

  it('types the error body and throws it from a refused page', async () => {
    const clientele = createClienteleClient({ baseUrl: server.url, apiKey });
    const missing = await clientele.GET('/customers/{id}', {
      params: { path: { id: randomUUID() } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 'NOT_FOUND', message: 'Customer not found' });
    expect(missing.error!.requestId).toBe(missing.response.headers.get('x-request-id'));

    const pages = clientele.paginate('/customers/{customerId}/orders', {
      path: { customerId: randomUUID() },
    });
    const refused = await pages.next().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ClienteleError);
    expect(refused).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('retries a POST whose answer was lost with the same Idempotency-Key: one change', async () => {
    const sent: (string | null)[] = [];
    let dropped = false;
    const clientele = createClienteleClient({
      baseUrl: server.url,
      apiKey,
      retry: { baseDelayMs: 10 },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        sent.push(request.headers.get('idempotency-key'));
        const response = await fetch(request);
        if (dropped) return response;
        // The server did the work; the connection broke before the answer arrived.
        dropped = true;
        await response.body?.cancel();
        throw new TypeError('fetch failed');
      },
    });
    const created = await clientele.POST('/customers', {
      body: { firstName: 'Lost', lastName: 'Answer', tags: ['lost-answer'] },
    });
    expect(created.response.status).toBe(200);
    expect(created.response.headers.get('idempotent-replayed')).toBe('true');
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]).toBe(sent[0]);
    const list = await clientele.GET('/customers', { params: { query: { tag: 'lost-answer' } } });
    expect(list.data!.items.map((c) => c.id)).toEqual([created.data!.id]);
  });
});

describe('the tRPC client', () => {
  it('calls Clientele with an API key and full inference', async () => {
    const clientele = createClienteleTrpcClient({ baseUrl: server.url, apiKey });
    const customer = await clientele.customers.create.mutate({
      firstName: 'Barbara',
      email: 'barbara@example.com',
      status: 'lead',
    });
    expect(customer.createdAt).toBeInstanceOf(Date);
    const { items } = await clientele.customers.list.query({ q: 'barbara@example.com', limit: 1 });
    expect(items.map((c) => c.id)).toEqual([customer.id]);
    const duplicate = await clientele.customers.create
      .mutate({ firstName: 'Barbara', email: 'barbara@example.com' })
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(TRPCClientError);
    expect((duplicate as TRPCClientError<never>).data).toMatchObject({ code: 'CONFLICT' });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { ClienteleError, createClienteleClient } from '@clientele/sdk';
import {
  NOT_FOUND,
  startScriptedServer,
  type ReceivedRequest,
  type Reply,
} from './scripted-server';

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

async function serve(script: (request: ReceivedRequest) => Reply) {
  const server = await startScriptedServer(script);
  close = server.close;
  return server;
}

const customer = (n: number) => ({
  id: `7d1f3b5a-0000-4000-8000-00000000000${n}`,
  firstName: `Person ${n}`,
  createdAt: `2026-01-0${n}T10:00:00.000Z`,
  updatedAt: `2026-02-0${n}T10:00:00.000+01:00`,
  // Strings that look like dates but are not date-time fields stay strings.
  company: '2026-01-01T00:00:00.000Z',
  metadata: { seenAt: '2026-01-01T00:00:00.000Z' },
});

describe('pagination', () => {
  it('iterates every item of every page, passing the cursor and the filters on', async () => {
    const pages: Record<string, Reply> = {
      '': { status: 200, json: { items: [customer(1), customer(2)], nextCursor: 'c2' } },
      c2: { status: 200, json: { items: [customer(3)], nextCursor: 'c3' } },
      c3: { status: 200, json: { items: [customer(4)], nextCursor: null } },
    };
    const server = await serve(
      (request) => pages[new URL(request.url, 'http://x').searchParams.get('cursor') ?? '']!,
    );
    const clientele = createClienteleClient({ baseUrl: server.url, apiKey: 'clt_test' });
    const names: string[] = [];
    for await (const item of clientele.paginate('/customers', {
      query: { status: ['lead', 'active'], limit: 2 },
    })) {
      expect(item.createdAt).toBeInstanceOf(Date);
      names.push(item.firstName);
    }
    expect(names).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4']);
    expect(server.received.map((request) => request.url)).toEqual([
      '/api/v1/customers?status=lead&status=active&limit=2',
      '/api/v1/customers?status=lead&status=active&limit=2&cursor=c2',
      '/api/v1/customers?status=lead&status=active&limit=2&cursor=c3',
    ]);
    expect(server.received[0]!.headers.authorization).toBe('Bearer clt_test');
  });

  it('stops when the caller stops: no page is fetched beyond need', async () => {
    const server = await serve(() => ({
      status: 200,
      json: { items: [customer(1), customer(2)], nextCursor: 'more' },
    }));
    const clientele = createClienteleClient({ baseUrl: server.url, apiKey: 'clt_test' });
    for await (const item of clientele.paginate('/customers')) {
      expect(item.firstName).toBe('Person 1');
      break;
    }
    expect(server.received).toHaveLength(1);
  });

  it('throws a refused page as a ClienteleError with the typed body', async () => {
    const server = await serve(() => ({ status: 404, json: NOT_FOUND }));
    const clientele = createClienteleClient({ baseUrl: server.url, apiKey: 'clt_test' });
    const iterator = clientele.paginate('/customers/{customerId}/orders', {
      path: { customerId: customer(1).id },
    });
    const error = await iterator.next().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ClienteleError);
    expect(error).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      requestId: 'req-1',
      body: NOT_FOUND,
    });
    expect(server.received[0]!.url).toBe(`/api/v1/customers/${customer(1).id}/orders`);
  });
});

describe('dates', () => {
  it('turns the document’s date-time fields into Dates and leaves other strings alone', async () => {
    const server = await serve(() => ({ status: 200, json: customer(1) }));
    const clientele = createClienteleClient({ baseUrl: server.url, apiKey: 'clt_test' });
    const { data } = await clientele.GET('/customers/{id}', {
      params: { path: { id: customer(1).id } },
    });
    expect(data!.createdAt).toEqual(new Date('2026-01-01T10:00:00.000Z'));
    expect(data!.updatedAt).toEqual(new Date('2026-02-01T09:00:00.000Z'));
    expect(data!.company).toBe('2026-01-01T00:00:00.000Z');
    expect(data!.metadata).toEqual({ seenAt: '2026-01-01T00:00:00.000Z' });
  });

  it('revives dates nested in lists (events) and sends Date parameters as ISO strings', async () => {
    const event = {
      id: 'evt_1',
      type: 'order.status_changed',
      timestamp: '2026-03-01T08:00:00.000Z',
      data: { id: 'o1', paidAt: '2026-03-01T07:59:00.000Z', createdAt: '2026-02-01T00:00:00.000Z' },
    };
    const server = await serve((request) => ({
      status: 200,
      json: {
        items: [request.url.startsWith('/api/v1/events') ? event : customer(1)],
        nextCursor: null,
      },
    }));
    const clientele = createClienteleClient({ baseUrl: server.url, apiKey: 'clt_test' });
    const since = new Date('2026-02-28T00:00:00.000Z');
    const { data } = await clientele.GET('/customers', {
      params: { query: { updatedSince: since } },
    });
    expect(new URL(server.received[0]!.url, 'http://x').searchParams.get('updatedSince')).toBe(
      '2026-02-28T00:00:00.000Z',
    );
    expect(data!.items[0]!.createdAt).toBeInstanceOf(Date);

    const feed = await clientele.GET('/events');
    const [first] = feed.data!.items;
    expect(first!.timestamp).toEqual(new Date('2026-03-01T08:00:00.000Z'));
    expect((first!.data as { paidAt: unknown }).paidAt).toEqual(
      new Date('2026-03-01T07:59:00.000Z'),
    );
  });
});

describe('options', () => {
  it('refuses a base URL that is not http(s) and a missing key, before any request', () => {
    for (const baseUrl of ['crm.example.com', 'ftp://crm.example.com', ''])
      expect(() => createClienteleClient({ baseUrl, apiKey: 'clt_test' })).toThrow(/baseUrl/);
    expect(() => createClienteleClient({ baseUrl: 'https://crm.example.com', apiKey: '' })).toThrow(
      /apiKey/,
    );
  });
});

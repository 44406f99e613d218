import { afterEach, describe, expect, it } from 'vitest';
import { createClienteleClient } from '@clientele/sdk';
import { retryAfterMs } from '../src/rest/retry';
import { NOT_FOUND, startScriptedServer, type Reply } from './scripted-server';

const CUSTOMER = {
  id: '7d1f3b5a-0000-4000-8000-000000000001',
  firstName: 'Grace',
  createdAt: '2026-01-02T03:04:05.000Z',
};

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

/** A server that answers with `replies` in turn, the last one repeating. */
async function serve(...replies: Reply[]) {
  const server = await startScriptedServer(
    () => replies[Math.min(server.received.length, replies.length) - 1]!,
  );
  close = server.close;
  return server;
}

const quick = { baseDelayMs: 5, maxDelayMs: 20 };

describe('retries', () => {
  it('waits as long as Retry-After says after a 503, then answers', async () => {
    const server = await serve(
      {
        status: 503,
        headers: { 'retry-after': '1' },
        json: { ...NOT_FOUND, code: 'SERVICE_UNAVAILABLE' },
      },
      { status: 200, json: CUSTOMER },
    );
    const clientele = createClienteleClient({
      baseUrl: server.url,
      apiKey: 'clt_test',
      retry: quick,
    });
    const { data } = await clientele.GET('/customers/{id}', {
      params: { path: { id: CUSTOMER.id } },
    });
    expect(data?.firstName).toBe('Grace');
    expect(server.received).toHaveLength(2);
    // A lower bound only: a loaded machine may wait longer, never shorter.
    expect(server.received[1]!.at - server.received[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('keeps one Idempotency-Key and the same body across a POST’s retries after 429s', async () => {
    const server = await serve(
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 200, json: CUSTOMER },
    );
    const clientele = createClienteleClient({
      baseUrl: server.url,
      apiKey: 'clt_test',
      retry: quick,
    });
    const { data, response } = await clientele.POST('/customers', { body: { firstName: 'Grace' } });
    expect(response.status).toBe(200);
    expect(data?.id).toBe(CUSTOMER.id);
    expect(server.received).toHaveLength(3);
    const keys = server.received.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(new Set(keys).size).toBe(1);
    expect(server.received.map((request) => JSON.parse(request.body))).toEqual([
      { firstName: 'Grace' },
      { firstName: 'Grace' },
      { firstName: 'Grace' },
    ]);
  });

  it('gives each POST its own key and keeps a key the caller chose', async () => {
    const server = await serve({ status: 200, json: CUSTOMER });
    const clientele = createClienteleClient({
      baseUrl: server.url,
      apiKey: 'clt_test',
      retry: quick,
    });
    await clientele.POST('/customers', { body: { firstName: 'A' } });
    await clientele.POST('/customers', { body: { firstName: 'B' } });
    await clientele.POST('/customers', {
      body: { firstName: 'C' },
      params: { header: { 'Idempotency-Key': 'order-42' } },
    });
    const [first, second, chosen] = server.received.map((r) => r.headers['idempotency-key']);
    expect(first).not.toBe(second);
    expect(chosen).toBe('order-42');
  });

  it('retries after a dropped connection', async () => {
    const server = await serve({ dropConnection: true }, { status: 200, json: CUSTOMER });
    const clientele = createClienteleClient({
      baseUrl: server.url,
      apiKey: 'clt_test',
      retry: quick,
    });
    const { data } = await clientele.POST('/customers', { body: { firstName: 'Grace' } });
    expect(data?.id).toBe(CUSTOMER.id);
    expect(server.received).toHaveLength(2);
    expect(server.received[1]!.headers['idempotency-key']).toBe(
      server.received[0]!.headers['idempotency-key'],
    );
  });

  it('stops after the attempts allowed and hands back the last answer, typed', async () => {
    const unavailable = { code: 'SERVICE_UNAVAILABLE', message: 'Down', requestId: 'r' };
    const server = await serve({ status: 503, json: unavailable });
    const clientele = createClienteleClient({
      baseUrl: server.url,
      apiKey: 'clt_test',
      retry: { ...quick, attempts: 3 },
    });
    const { error, response } = await clientele.GET('/customers');
    expect(server.received).toHaveLength(3);
    expect(response.status).toBe(503);
    expect(error?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('does not wait longer than allowed: a far Retry-After is handed back at once', async () => {
    const server = await serve({ status: 429, headers: { 'retry-after': '3600' } });
    const clientele = createClienteleClient({
      baseUrl: server.url,
      apiKey: 'clt_test',
      retry: quick,
    });
    const { response } = await clientele.GET('/customers');
    expect(response.status).toBe(429);
    expect(server.received).toHaveLength(1);
  });

  it('does not retry other errors, nor anything when retries are off', async () => {
    const server = await serve({ status: 404, json: NOT_FOUND }, { status: 503 });
    const clientele = createClienteleClient({
      baseUrl: server.url,
      apiKey: 'clt_test',
      retry: quick,
    });
    const { error } = await clientele.GET('/customers/{id}', {
      params: { path: { id: CUSTOMER.id } },
    });
    expect(error).toEqual(NOT_FOUND);
    const once = createClienteleClient({ baseUrl: server.url, apiKey: 'clt_test', retry: false });
    expect((await once.GET('/customers')).response.status).toBe(503);
    expect(server.received).toHaveLength(2);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-05T12:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Sat, 05 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sat, 05 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

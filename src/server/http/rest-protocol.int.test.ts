import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/server/api/openapi';
import { createClienteleClient } from '@/sdk/client';
import { createTestApiKey } from '@/test/api-keys';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { createTestOrganization, TEST_APP_URL, type TestOrganization } from '@/test/factories';
import { setupTestServices } from '@/test/services';

/**
 * HTTP as generated clients, browsers and caches speak it to the REST door: methods, query
 * parameters, bodies that are absent, authentication challenges, conditional requests,
 * compression and CORS.
 */
const { connection, services } = setupTestServices();
let server: TestApiServer;
let org: TestOrganization;
let key: string;

const ALLOWED_ORIGIN = 'https://app.example.com';

beforeAll(async () => {
  server = await startApiServer(connection(), services());
  org = await createTestOrganization(connection().db, 'Protocol Org');
  key = (await createTestApiKey(connection().db, org.id, 'admin')).key;
});
afterAll(() => server.close());

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function rest(path: string, init: RequestInit & { key?: string | null; base?: string } = {}) {
  const headers = new Headers(init.headers);
  const bearer = init.key === undefined ? key : init.key;
  if (bearer) headers.set('authorization', `Bearer ${bearer}`);
  if (typeof init.body === 'string' && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  return fetch(`${init.base ?? server.url}/api/v1${path}`, { ...init, headers });
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await rest(path, { method: 'POST', body: JSON.stringify(body), headers });
  expect(res.status, `POST ${path}`).toBe(200);
  return (await res.json()) as Body;
}

/** A request whose bytes arrive as sent: fetch would add Accept-Encoding and decompress. */
function raw(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const request = http.request(
        `${server.url}/api/v1${path}`,
        { method, headers: { authorization: `Bearer ${key}`, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    },
  );
}

const document = buildOpenApiDocument(TEST_APP_URL) as unknown as {
  paths: Record<string, Record<string, unknown>>;
};

const operations = Object.entries(document.paths).flatMap(([template, item]) =>
  Object.keys(item).map((method) => ({ method: method.toUpperCase(), template })),
);

const withIds = (template: string) => template.replace(/\{[^}]+\}/g, () => randomUUID());

describe('POST actions that take no input', () => {
  it('run when sent as the document describes them: no body, no Content-Type', async () => {
    const customer = await post('/customers', { firstName: 'Bodiless' });
    expect((await rest(`/customers/${customer.id}`, { method: 'DELETE' })).status).toBe(200);

    const clientele = createClienteleClient({ baseUrl: server.url, apiKey: key });
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

describe('nested reads', () => {
  it("answer 404 for a parent that does not exist or is another organization's", async () => {
    const nestedReads = operations.filter(
      ({ method, template }) => method === 'GET' && /\{[^}]+\}\/[a-z-]+$/.test(template),
    );
    expect(nestedReads.map(({ template }) => template)).toContain('/customers/{customerId}/orders');
    for (const { template } of nestedReads) {
      const res = await rest(withIds(template));
      expect(res.status, template).toBe(404);
    }

    const other = await createTestOrganization(connection().db);
    const otherKey = (await createTestApiKey(connection().db, other.id)).key;
    const theirs = (await (
      await rest('/customers', {
        method: 'POST',
        key: otherKey,
        body: JSON.stringify({ firstName: 'Theirs' }),
      })
    ).json()) as Body;
    await rest(`/customers/${theirs.id}/orders`, {
      method: 'POST',
      key: otherKey,
      body: JSON.stringify({
        currency: 'EUR',
        lines: [{ description: 'Hidden', quantity: 1, unitPriceCents: 100 }],
      }),
    });
    const orders = await rest(`/customers/${theirs.id}/orders`);
    expect(orders.status).toBe(404);
    expect(await orders.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Customer not found' });
  });

  it("list a deleted customer's orders as missing, like their interactions", async () => {
    const customer = await post('/customers', { firstName: 'Gone' });
    await rest(`/customers/${customer.id}`, { method: 'DELETE' });
    expect((await rest(`/customers/${customer.id}/interactions`)).status).toBe(404);
    expect((await rest(`/customers/${customer.id}/orders`)).status).toBe(404);
  });
});

describe('query parameters', () => {
  it('refuses one the operation does not take (400), naming it', async () => {
    await post('/customers', { firstName: 'Churned', status: 'churned' });
    await post('/customers', { firstName: 'Active', status: 'active' });
    const res = await rest('/customers?stauts=churned');
    expect(res.status).toBe(400);
    const body = (await res.json()) as Body;
    expect(body).toMatchObject({ code: 'BAD_REQUEST', requestId: res.headers.get('x-request-id') });
    expect(body.message).toContain('stauts');
    expect(body.issues).toEqual([{ path: ['stauts'], message: expect.any(String) }]);
    expect((await rest('/customers?status=churned')).status).toBe(200);
  });

  it('refuses unknown parameters on every operation of the document, changing nothing', async () => {
    const customer = await post('/customers', { firstName: 'Untouched' });
    for (const { method, template } of operations) {
      const path = template === '/customers/{id}' ? `/customers/${customer.id}` : withIds(template);
      const res = await rest(`${path}?unknownParameter=1`, {
        method,
        body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
      });
      expect(res.status, `${method} ${template}`).toBe(400);
      expect(((await res.json()) as Body).issues, `${method} ${template}`).toEqual([
        { path: ['unknownParameter'], message: expect.any(String) },
      ]);
    }
    const after = (await (await rest(`/customers/${customer.id}`)).json()) as Body;
    expect(after.version).toBe(customer.version);
  });

  it('refuses a path parameter given again in the query', async () => {
    const customer = await post('/customers', { firstName: 'Twice' });
    const res = await rest(`/customers/${customer.id}?id=${randomUUID()}`);
    expect(res.status).toBe(400);
  });
});

describe('methods', () => {
  it('answers HEAD like GET, without the body', async () => {
    const customer = await post('/customers', { firstName: 'Headed' });
    for (const path of [`/customers/${customer.id}`, '/customers', '/me']) {
      const get = await raw('GET', path);
      const head = await raw('HEAD', path);
      expect(head.status, path).toBe(200);
      expect(head.body.length, path).toBe(0);
      for (const name of ['content-type', 'content-length', 'etag', 'ratelimit-limit']) {
        expect(head.headers[name], `${path} ${name}`).toBe(get.headers[name]);
      }
    }
  });

  it('answers HEAD with the status GET would have: 401, 404, 405', async () => {
    const unauthorized = await rest('/customers', { method: 'HEAD', key: null });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect((await rest(`/customers/${randomUUID()}`, { method: 'HEAD' })).status).toBe(404);
    expect((await rest('/nothing-here', { method: 'HEAD' })).status).toBe(404);
    expect((await rest(`/customers/${randomUUID()}/restore`, { method: 'HEAD' })).status).toBe(405);
  });

  it('answers a method a known path does not take with 405 and Allow', async () => {
    const cases: [string, string, string[]][] = [
      ['PUT', '/customers', ['GET', 'HEAD', 'POST']],
      ['DELETE', '/customers', ['GET', 'HEAD', 'POST']],
      ['POST', `/customers/${randomUUID()}`, ['GET', 'HEAD', 'PATCH', 'DELETE']],
      ['PATCH', '/me', ['GET', 'HEAD']],
      ['GET', `/customers/${randomUUID()}/restore`, ['POST']],
    ];
    for (const [method, path, allowed] of cases) {
      const res = await rest(path, { method, body: method === 'GET' ? undefined : '{}' });
      expect(res.status, `${method} ${path}`).toBe(405);
      const allow = res.headers.get('allow')!.split(/,\s*/);
      expect(allow.sort(), `${method} ${path}`).toEqual([...allowed, 'OPTIONS'].sort());
      expect(await res.json()).toMatchObject({
        code: 'METHOD_NOT_SUPPORTED',
        requestId: res.headers.get('x-request-id'),
      });
    }
  });

  it('answers OPTIONS with the methods a path takes', async () => {
    const res = await rest('/customers', { method: 'OPTIONS', key: null });
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')!.split(/,\s*/).sort()).toEqual(
      ['GET', 'HEAD', 'OPTIONS', 'POST'].sort(),
    );
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('authentication challenges', () => {
  it('names the Bearer scheme on every 401, with invalid_token for a bad key', async () => {
    const missing = await rest('/customers', { key: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+"$/);

    const wrong = await rest('/customers', { key: 'clt_madeup' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="[^"]+", error="invalid_token", error_description="[^"]+"$/,
    );

    const post401 = await rest('/customers', { method: 'POST', key: null, body: '{}' });
    expect(post401.status).toBe(401);
    expect(post401.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect((await rest('/me')).headers.get('www-authenticate')).toBeNull();
  });
});

describe('conditional requests', () => {
  it('tags single resources, answers If-None-Match with 304, and retags on change', async () => {
    const customer = await post('/customers', { firstName: 'Tagged' });
    const first = await rest(`/customers/${customer.id}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await rest(`/customers/${customer.id}`)).headers.get('etag')).toBe(etag);

    const unchanged = await rest(`/customers/${customer.id}`, {
      headers: { 'if-none-match': `"other", ${etag}` },
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(await unchanged.text()).toBe('');
    expect(
      (await rest(`/customers/${customer.id}`, { headers: { 'if-none-match': `W/${etag}` } }))
        .status,
    ).toBe(304);

    const patched = await rest(`/customers/${customer.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ lastName: 'Again' }),
      headers: { 'if-match': etag },
    });
    expect(patched.status).toBe(200);
    const newTag = patched.headers.get('etag');
    expect(newTag).not.toBe(etag);
    const reread = await rest(`/customers/${customer.id}`, { headers: { 'if-none-match': etag } });
    expect(reread.status).toBe(200);
    expect(reread.headers.get('etag')).toBe(newTag);
  });

  it('refuses a PATCH or DELETE whose If-Match is stale (412) and changes nothing', async () => {
    const customer = await post('/customers', { firstName: 'Guarded' });
    const stale = (await rest(`/customers/${customer.id}`)).headers.get('etag')!;
    await rest(`/customers/${customer.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ lastName: 'Meanwhile' }),
    });

    const lost = await rest(`/customers/${customer.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ lastName: 'Overwrite' }),
      headers: { 'if-match': stale },
    });
    expect(lost.status).toBe(412);
    expect(await lost.json()).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const removed = await rest(`/customers/${customer.id}`, {
      method: 'DELETE',
      headers: { 'if-match': stale },
    });
    expect(removed.status).toBe(412);

    const current = await rest(`/customers/${customer.id}`);
    expect(await current.json()).toMatchObject({ lastName: 'Meanwhile', version: 2 });
    const deleted = await rest(`/customers/${customer.id}`, {
      method: 'DELETE',
      headers: { 'if-match': `"other", ${current.headers.get('etag')}` },
    });
    expect(deleted.status).toBe(200);
  });

  it('compares If-Match strongly, and takes * for any current resource', async () => {
    const customer = await post('/customers', { firstName: 'Strong' });
    const etag = (await rest(`/customers/${customer.id}`)).headers.get('etag')!;
    const weak = await rest(`/customers/${customer.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ lastName: 'Weak' }),
      headers: { 'if-match': `W/${etag}` },
    });
    expect(weak.status).toBe(412);
    const any = await rest(`/customers/${customer.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ lastName: 'Any' }),
      headers: { 'if-match': '*' },
    });
    expect(any.status).toBe(200);
    const missing = await rest(`/customers/${randomUUID()}`, {
      method: 'PATCH',
      body: JSON.stringify({ lastName: 'Nobody' }),
      headers: { 'if-match': '*' },
    });
    expect(missing.status).toBe(404);
  });

  it('keeps expectedVersion working beside If-Match (409 when stale)', async () => {
    const customer = await post('/customers', { firstName: 'Versioned' });
    const etag = (await rest(`/customers/${customer.id}`)).headers.get('etag')!;
    const res = await rest(`/customers/${customer.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ lastName: 'X', expectedVersion: customer.version + 1 }),
      headers: { 'if-match': etag },
    });
    expect(res.status).toBe(409);
    const ok = await rest(`/customers/${customer.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ lastName: 'Y', expectedVersion: customer.version }),
      headers: { 'if-match': etag },
    });
    expect(ok.status).toBe(200);
  });

  it('honours If-Match on every PATCH, PUT and DELETE of the document', async () => {
    const customer = await post('/customers', { firstName: 'Everything' });
    const interaction = await post(`/customers/${customer.id}/interactions`, {
      type: 'note',
      subject: 'Hello',
      content: 'First',
    });
    const order = await post(`/customers/${customer.id}/orders`, {
      currency: 'EUR',
      lines: [{ description: 'Widget', quantity: 1, unitPriceCents: 100 }],
    });
    const { endpoint } = await post('/webhooks', {
      url: 'https://hooks.example.com/conditional',
      eventTypes: ['customer.created'],
    });
    const requests: Record<string, { path: string; body?: unknown }> = {
      'PATCH /customers/{id}': { path: `/customers/${customer.id}`, body: { lastName: 'L' } },
      'DELETE /customers/{id}': { path: `/customers/${customer.id}` },
      'PATCH /interactions/{id}': {
        path: `/interactions/${interaction.id}`,
        body: { subject: 'Changed' },
      },
      'DELETE /interactions/{id}': { path: `/interactions/${interaction.id}` },
      'PUT /orders/{id}/lines': {
        path: `/orders/${order.id}/lines`,
        body: { lines: [{ description: 'Gadget', quantity: 2, unitPriceCents: 50 }] },
      },
      'PATCH /webhooks/{id}': { path: `/webhooks/${endpoint.id}`, body: { enabled: false } },
      'DELETE /webhooks/{id}': { path: `/webhooks/${endpoint.id}` },
    };
    const guarded = operations
      .filter(({ method }) => ['PATCH', 'PUT', 'DELETE'].includes(method))
      .map(({ method, template }) => `${method} ${template}`);
    expect(guarded.sort()).toEqual(Object.keys(requests).sort());

    for (const [operation, { path, body }] of Object.entries(requests)) {
      const method = operation.split(' ')[0]!;
      const send = (ifMatch: string) =>
        rest(path, {
          method,
          body: body === undefined ? undefined : JSON.stringify(body),
          headers: { 'if-match': ifMatch },
        });
      const refused = await send('"not-the-current-tag"');
      expect(refused.status, operation).toBe(412);
    }
    expect(await (await rest(`/customers/${customer.id}`)).json()).toMatchObject({
      lastName: '',
      version: customer.version,
    });
    const interactions = (await (
      await rest(`/customers/${customer.id}/interactions`)
    ).json()) as Body;
    expect(interactions.items).toEqual([expect.objectContaining({ subject: 'Hello' })]);
    expect(await (await rest(`/orders/${order.id}`)).json()).toMatchObject({ totalCents: 100 });
    expect(await (await rest(`/webhooks/${endpoint.id}`)).json()).toMatchObject({ enabled: true });

    // The tag a read or an earlier change gave is the one that lets the change through.
    const interactionTag = (
      await rest(`/interactions/${interaction.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ content: 'Second' }),
      })
    ).headers.get('etag')!;
    const tags: Record<string, string> = {
      'PUT /orders/{id}/lines': (await rest(`/orders/${order.id}`)).headers.get('etag')!,
      'PATCH /webhooks/{id}': (await rest(`/webhooks/${endpoint.id}`)).headers.get('etag')!,
      'PATCH /interactions/{id}': interactionTag,
      'PATCH /customers/{id}': (await rest(`/customers/${customer.id}`)).headers.get('etag')!,
    };
    for (const [operation, etag] of Object.entries(tags)) {
      const { path, body } = requests[operation]!;
      const res = await rest(path, {
        method: operation.split(' ')[0],
        body: JSON.stringify(body),
        headers: { 'if-match': etag },
      });
      expect(res.status, operation).toBe(200);
    }
  });
});

describe('compression', () => {
  it('compresses a large response with br or gzip as asked, and says it varies', async () => {
    for (let i = 0; i < 20; i += 1) {
      await post('/customers', { firstName: `Bulk ${i}`, tags: ['compressible'] });
    }
    const plain = await raw('GET', '/customers?tag=compressible&limit=50');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const json = JSON.parse(plain.body.toString('utf8')) as Body;
    expect(json.items).toHaveLength(20);

    const gzip = await raw('GET', '/customers?tag=compressible&limit=50', {
      'accept-encoding': 'gzip',
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(gzip.headers['content-length'])).toBe(gzip.body.length);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(gunzipSync(gzip.body).toString('utf8'))).toEqual(json);

    const br = await raw('GET', '/customers?tag=compressible&limit=50', {
      'accept-encoding': 'gzip;q=0.5, br',
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(json);

    const refused = await raw('GET', '/customers?tag=compressible&limit=50', {
      'accept-encoding': 'br;q=0, gzip;q=0',
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('sends tiny bodies as they are', async () => {
    const res = await raw('GET', `/customers/${randomUUID()}`, { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('CORS', () => {
  let corsServer: TestApiServer;
  beforeAll(async () => {
    corsServer = await startApiServer(connection(), services(), {
      corsOrigins: [ALLOWED_ORIGIN, 'http://localhost:5173'],
    });
  });
  afterAll(() => corsServer.close());

  const preflight = (base: string, origin: string, method = 'PATCH') =>
    rest(`/customers/${randomUUID()}`, {
      base,
      key: null,
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization, content-type, if-match',
      },
    });

  it('answers preflights from allowed origins, never with credentials', async () => {
    const res = await preflight(corsServer.url, ALLOWED_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')!.split(/,\s*/)).toEqual(
      expect.arrayContaining(['GET', 'PATCH', 'DELETE']),
    );
    expect(res.headers.get('access-control-allow-headers')!.toLowerCase().split(/,\s*/)).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'if-match', 'idempotency-key']),
    );
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-max-age')).toMatch(/^\d+$/);
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('lets allowed origins read responses and their headers, errors included', async () => {
    const ok = await rest('/me', { base: corsServer.url, headers: { origin: ALLOWED_ORIGIN } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    expect(ok.headers.get('access-control-expose-headers')!.toLowerCase()).toContain('etag');
    expect(ok.headers.get('vary')).toMatch(/origin/i);

    const denied = await rest('/me', {
      base: corsServer.url,
      key: null,
      headers: { origin: 'http://localhost:5173' },
    });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('gives other origins no CORS headers', async () => {
    const res = await preflight(corsServer.url, 'https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
    const get = await rest('/me', {
      base: corsServer.url,
      headers: { origin: 'https://app.example.com.evil.example' },
    });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is off by default', async () => {
    const res = await preflight(server.url, ALLOWED_ORIGIN);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const get = await rest('/me', { headers: { origin: ALLOWED_ORIGIN } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

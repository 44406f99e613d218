import { randomUUID } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { setupRestTenant, type Body } from '@/test/rest-client';

/**
 * HTTP as generated clients, browsers and caches speak it to the REST door: compression and CORS.
 */
const { connection, services, tenant, rest, post, raw } = setupRestTenant('Protocol Org');

const ALLOWED_ORIGIN = 'https://app.example.com';

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
    const res = await preflight(tenant.server.url, ALLOWED_ORIGIN);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const get = await rest('/me', { headers: { origin: ALLOWED_ORIGIN } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

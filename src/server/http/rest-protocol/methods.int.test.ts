import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setupRestTenant } from '@/test/rest-client';

/**
 * HTTP as generated clients, browsers and caches speak it to the REST door: methods, and authentication challenges.
 */
const { rest, post, raw } = setupRestTenant('Protocol Org');

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

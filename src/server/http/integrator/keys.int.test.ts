import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setupIntegrators } from '@/test/integrator';

// An integrator's API keys: who they are, what they may do, and what every answer carries.
const { client, integrator } = setupIntegrators();

describe('keys', () => {
  it('identifies the key, and refuses no key, a wrong key and a role that may not (401/403)', async () => {
    const { org, call, keyFor } = await integrator('member');
    const me = await call('GET', '/me');
    expect(me.body).toMatchObject({ organization: { id: org.id }, role: 'member' });

    const anonymous = client(null);
    expect((await anonymous('GET', '/customers')).status).toBe(401);
    expect((await client('clt_not-a-real-key')('GET', '/customers')).status).toBe(401);
    const viewer = await keyFor('viewer');
    expect((await viewer('GET', '/customers')).status).toBe(200);
    const refused = await viewer('POST', '/customers', { body: { firstName: 'Nope' } });
    expect(refused.status).toBe(403);
    expect((await call('GET', '/webhooks')).status).toBe(403);
  });

  it('puts rate-limit headers and a request id on every response, errors included', async () => {
    const { call } = await integrator();
    for (const response of [
      await call('GET', '/customers'),
      await call('GET', `/customers/${randomUUID()}`),
      await client(null)('GET', '/customers'),
    ]) {
      expect(response.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
      expect(response.headers.get('ratelimit-remaining')).toMatch(/^\d+$/);
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createTestApiKey } from '@/test/api-keys';
import { createTestOrganization } from '@/test/factories';
import { setupIntegrators } from '@/test/integrator';

// An integrator's sandbox, through the REST door with API keys only.
const { client, services } = setupIntegrators();

/** A live organization with an admin key, its sandbox made through the door, and its key. */
async function liveAndSandbox(name: string) {
  const org = await createTestOrganization(services().db, name);
  const liveKey = (await createTestApiKey(services().db, org.id, 'admin')).key;
  const live = client(liveKey);
  const created = await live('POST', '/sandbox');
  expect(created.status).toBe(200);
  const sandboxId = created.body.id as string;
  const sandboxKey = (await createTestApiKey(services().db, sandboxId, 'admin')).key;
  return { org, sandboxId, liveKey, sandboxKey, live, sandbox: client(sandboxKey) };
}

const aCustomer = (firstName: string) => ({ firstName, lastName: 'Tester' });

describe('a sandbox through the REST door', () => {
  it('gets clt_test_ keys that authenticate there, while live keys stay clt_', async () => {
    const { org, sandboxId, liveKey, sandboxKey, live, sandbox } =
      await liveAndSandbox('Keyed Live');
    expect(sandboxKey).toMatch(/^clt_test_/);
    expect(liveKey).toMatch(/^clt_/);
    expect(liveKey).not.toMatch(/^clt_test_/);

    const me = await sandbox('GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body.organization).toMatchObject({
      id: sandboxId,
      isSandbox: true,
      liveOrganization: { id: org.id },
      sandbox: null,
    });
    expect((await live('GET', '/sandbox')).body).toMatchObject({
      id: org.id,
      isSandbox: false,
      sandbox: { id: sandboxId, name: 'Keyed Live (sandbox)' },
    });
    const mistyped = sandboxKey.slice(0, -1) + (sandboxKey.endsWith('a') ? 'b' : 'a');
    expect((await client(mistyped)('GET', '/me')).status).toBe(401);
  });

  it('keeps each twin’s records out of sight of the other’s keys (404 both ways)', async () => {
    const { live, sandbox } = await liveAndSandbox('Isolated Live');
    const inSandbox = await sandbox('POST', '/customers', { body: aCustomer('Sandy') });
    const inLive = await live('POST', '/customers', { body: aCustomer('Livia') });
    expect([inSandbox.status, inLive.status]).toEqual([200, 200]);

    expect((await live('GET', `/customers/${inSandbox.body.id}`)).status).toBe(404);
    expect((await sandbox('GET', `/customers/${inLive.body.id}`)).status).toBe(404);
    expect((await sandbox('GET', `/customers/${inSandbox.body.id}`)).status).toBe(200);
    expect((await live('GET', `/customers/${inLive.body.id}`)).status).toBe(200);
  });

  it('resets from CI with the sandbox key, optionally with demo data, and refuses a live key', async () => {
    const { live, sandbox, sandboxKey } = await liveAndSandbox('CI Live');
    const liveCustomer = await live('POST', '/customers', { body: aCustomer('Stays') });
    const sandboxCustomer = await sandbox('POST', '/customers', { body: aCustomer('Goes') });

    const refused = await live('POST', '/sandbox/reset', { body: {} });
    expect(refused.status).toBe(400);
    expect((await live('GET', `/customers/${liveCustomer.body.id}`)).status).toBe(200);

    const reset = await sandbox('POST', '/sandbox/reset', { body: {} });
    expect(reset.status).toBe(200);
    expect(reset.body.seeded).toBeNull();
    expect((await sandbox('GET', `/customers/${sandboxCustomer.body.id}`)).status).toBe(404);
    const emptied = await client(sandboxKey)('GET', '/customers');
    expect(emptied.status).toBe(200);
    expect(emptied.body.items).toEqual([]);

    const seeded = await sandbox('POST', '/sandbox/reset', { body: { seed: true } });
    expect(seeded.status).toBe(200);
    expect(seeded.body.seeded.customers).toBeGreaterThan(0);
    expect((await sandbox('GET', '/customers?limit=5')).body.items).toHaveLength(5);
    expect((await live('GET', '/customers')).body.items).toHaveLength(1);
  });

  it('refuses a sandbox of a sandbox, a second sandbox and a member key', async () => {
    const { sandboxId, live, sandbox } = await liveAndSandbox('Refusing Live');
    expect((await sandbox('POST', '/sandbox')).status).toBe(400);
    expect((await live('POST', '/sandbox')).status).toBe(409);
    const member = client((await createTestApiKey(services().db, sandboxId, 'member')).key);
    expect((await member('POST', '/sandbox/reset', { body: {} })).status).toBe(403);
    expect((await member('POST', '/sandbox/seed')).status).toBe(403);
    expect((await sandbox('GET', '/sandbox')).status).toBe(200);
  });
});

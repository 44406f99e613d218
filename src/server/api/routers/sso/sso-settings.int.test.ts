import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLogs, ssoConnections } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import { createTestApiKey } from '@/test/api-keys';
import {
  addTestMember,
  callerAs,
  newMemberCaller,
  organizationWithOwner,
  userPrincipal,
} from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

const SECRET = 'the provider client secret';
const settings = (overrides: Record<string, unknown> = {}) => ({
  issuer: 'https://login.example.com',
  clientId: 'clientele',
  clientSecret: SECRET,
  allowedDomains: ['Example.com', 'example.com', 'eu.example.com'],
  defaultRole: 'member' as const,
  ssoOnly: false,
  ...overrides,
});

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { code: string; message: string },
  );
  if (!error) throw new Error('expected a failure');
  return error;
}

describe('SSO settings', () => {
  it('saves a connection whose secret is sealed and never returned, and audits it without the secret', async () => {
    const { org, api } = await organizationWithOwner(services());
    const saved = await api.sso.save(settings());
    expect(saved).toMatchObject({
      issuer: 'https://login.example.com',
      clientId: 'clientele',
      allowedDomains: ['example.com', 'eu.example.com'],
      defaultRole: 'member',
      ssoOnly: false,
    });
    const read = await api.sso.get();
    expect(read.callbackUrl).toBe(`${services().appUrl}/auth/sso/callback`);
    expect(read.connection?.id).toBe(saved.id);
    expect(JSON.stringify([saved, read])).not.toContain(SECRET);

    const rows = await withTenant(services().db, org.id, async (tx) => ({
      stored: await tx.select().from(ssoConnections),
      audit: await tx.select().from(auditLogs).where(eq(auditLogs.entityId, saved.id)),
    }));
    expect(rows.stored[0]!.sealedClientSecret).not.toContain(SECRET);
    expect(rows.audit.map((row) => row.action)).toEqual(['sso_connection.created']);
    expect(JSON.stringify(rows.audit)).not.toContain(SECRET);
  });

  it('keeps the saved secret when it is left empty, and needs one the first time', async () => {
    const { org, api } = await organizationWithOwner(services());
    const first = await failureOf(api.sso.save(settings({ clientSecret: '' })));
    expect(first.code).toBe('BAD_REQUEST');
    expect(await api.sso.get()).toMatchObject({ connection: null });

    await api.sso.save(settings());
    const sealedBefore = await withTenant(services().db, org.id, (tx) =>
      tx.select().from(ssoConnections),
    );
    await api.sso.save(settings({ clientSecret: '', clientId: 'renamed', ssoOnly: true }));
    const after = await withTenant(services().db, org.id, (tx) => tx.select().from(ssoConnections));
    expect(after[0]).toMatchObject({ clientId: 'renamed', ssoOnly: true });
    expect(after[0]!.sealedClientSecret).toBe(sealedBefore[0]!.sealedClientSecret);
  });

  it('refuses invalid settings and changes nothing', async () => {
    const { api } = await organizationWithOwner(services());
    await api.sso.save(settings());
    const before = await api.sso.get();
    for (const bad of [
      { issuer: 'ftp://login.example.com' },
      { issuer: 'http://login.example.com' },
      { issuer: 'https://login.example.com/?tenant=1' },
      { allowedDomains: ['not a domain'] },
      { allowedDomains: [] },
      { defaultRole: 'owner' },
      { clientId: '' },
    ]) {
      const error = await failureOf(
        api.sso.save(settings({ ...bad, clientId: bad.clientId ?? 'x' })),
      );
      expect(error.code, JSON.stringify(bad)).toBe('BAD_REQUEST');
    }
    expect(await api.sso.get()).toEqual(before);
  });

  it('allows http only on localhost outside production', async () => {
    const { api } = await organizationWithOwner(services());
    await expect(
      api.sso.save(settings({ issuer: 'http://127.0.0.1:3410' })),
    ).resolves.toMatchObject({ issuer: 'http://127.0.0.1:3410' });
  });

  it('is for owners and admins in person: members, managers and API keys are refused', async () => {
    const { org, api } = await organizationWithOwner(services());
    await api.sso.save(settings());
    for (const role of ['member', 'manager', 'viewer'] as const) {
      const caller = await newMemberCaller(services(), org, role);
      expect((await failureOf(caller.sso.get())).code).toBe('FORBIDDEN');
      expect((await failureOf(caller.sso.save(settings()))).code).toBe('FORBIDDEN');
    }
    const admin = await addTestMember(services().db, org, 'admin');
    const adminApi = callerAs(services(), userPrincipal(org, admin, 'admin'));
    await expect(adminApi.sso.get()).resolves.toMatchObject({
      connection: { clientId: 'clientele' },
    });

    const key = await createTestApiKey(services().db, org.id, 'admin');
    const keyApi = callerAs(services(), {
      kind: 'apiKey',
      apiKeyId: key.id,
      name: 'admin key',
      organization: { id: org.id, name: org.name, slug: org.slug, role: 'admin' },
    });
    expect((await failureOf(keyApi.sso.remove())).code).toBe('FORBIDDEN');
  });

  it("cannot see or remove another organization's connection", async () => {
    const mine = await organizationWithOwner(services());
    const theirs = await organizationWithOwner(services());
    await theirs.api.sso.save(settings());
    expect(await mine.api.sso.get()).toMatchObject({ connection: null });
    expect((await failureOf(mine.api.sso.remove())).code).toBe('NOT_FOUND');
    expect(await theirs.api.sso.get()).toMatchObject({ connection: { clientId: 'clientele' } });
  });

  it('removes the connection, audited', async () => {
    const { org, api } = await organizationWithOwner(services());
    const saved = await api.sso.save(settings());
    await expect(api.sso.remove()).resolves.toEqual({ id: saved.id });
    expect(await api.sso.get()).toMatchObject({ connection: null });
    const audit = await withTenant(services().db, org.id, (tx) =>
      tx.select().from(auditLogs).where(eq(auditLogs.entityId, saved.id)),
    );
    expect(audit.map((row) => row.action).sort()).toEqual([
      'sso_connection.created',
      'sso_connection.deleted',
    ]);
  });
});

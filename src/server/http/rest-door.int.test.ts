import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiKeys } from '@/server/db/schema';
import { withIdentity } from '@/server/db/tenant';
import { issueApiKey } from '@/server/domain/api-keys';
import { revokeApiKeyForTest } from '@/test/revoke';
import { createTestApiKey } from '@/test/api-keys';
import { setupRestTenant } from '@/test/rest-client';

const { connection, tenant, rest, post, keyOfAnotherOrganization } = setupRestTenant(
  'REST Org',
  'member',
);

describe('REST door', () => {
  it('tells a key who it is', async () => {
    const res = await rest('/me');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      organization: { id: tenant.org.id, slug: tenant.org.slug, name: 'REST Org' },
      role: 'member',
      user: null,
    });
  });

  it('creates, fetches and lists customers with plain JSON (dates as ISO strings)', async () => {
    const created = await rest('/customers', {
      method: 'POST',
      body: JSON.stringify({
        firstName: 'Grace',
        lastName: 'Hopper',
        email: 'grace@navy.example',
        tags: ['vip'],
      }),
    });
    expect(created.status).toBe(200);
    const customer = (await created.json()) as { id: string; createdAt: string };
    expect(customer.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const fetched = await rest(`/customers/${customer.id}`);
    expect(await fetched.json()).toMatchObject({ id: customer.id, firstName: 'Grace' });

    const list = await rest(
      '/customers?limit=10&q=hopper&status=lead&status=active&sort=name&order=asc',
    );
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: { id: string }[]; nextCursor: string | null };
    expect(page.items.map((c) => c.id)).toEqual([customer.id]);
    expect(page.nextCursor).toBeNull();
  });

  it('pages through a list with nextCursor', async () => {
    const otherKey = await keyOfAnotherOrganization();
    for (const name of ['A', 'B', 'C']) {
      await post('/customers', { firstName: name }, { key: otherKey });
    }
    const first = (await (
      await rest('/customers?limit=2&sort=name&order=asc', { key: otherKey })
    ).json()) as {
      items: { firstName: string }[];
      nextCursor: string;
    };
    const second = (await (
      await rest(`/customers?limit=2&sort=name&order=asc&cursor=${first.nextCursor}`, {
        key: otherKey,
      })
    ).json()) as { items: { firstName: string }[]; nextCursor: string | null };
    expect([...first.items, ...second.items].map((c) => c.firstName)).toEqual(['A', 'B', 'C']);
    expect(second.nextCursor).toBeNull();
  });

  it("answers 404, not 403, for another organization's customer", async () => {
    const otherKey = await keyOfAnotherOrganization();
    const theirs = await post('/customers', { firstName: 'Hidden' }, { key: otherKey });

    const res = await rest(`/customers/${theirs.id}`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'NOT_FOUND', message: 'Customer not found' });
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('answers 400 with field issues and changes nothing', async () => {
    const res = await rest('/customers', {
      method: 'POST',
      body: JSON.stringify({ firstName: '', email: 'not-an-email', organizationId: tenant.org.id }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; issues: { path: string[] }[] };
    expect(body.code).toBe('BAD_REQUEST');
    expect(body.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'email',
      'firstName',
      'organizationId',
    ]);
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts/);
  });

  it('answers 409 on a duplicate e-mail', async () => {
    const body = JSON.stringify({ firstName: 'Dup', email: 'dup@example.com' });
    expect((await rest('/customers', { method: 'POST', body })).status).toBe(200);
    const res = await rest('/customers', {
      method: 'POST',
      body: JSON.stringify({ firstName: 'Dup', email: 'DUP@example.com' }),
    });
    expect(res.status).toBe(409);
  });

  it('refuses requests without a valid key (401), and never accepts a session cookie', async () => {
    expect((await rest('/customers', { key: null })).status).toBe(401);
    expect((await rest('/customers', { key: 'clt_madeup' })).status).toBe(401);
    const { key } = tenant;
    const tampered = key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a');
    expect((await rest('/customers', { key: tampered })).status).toBe(401);
    const withCookie = await rest('/customers', {
      key: null,
      headers: { cookie: 'clientele_session=abc.def' },
    });
    expect(withCookie.status).toBe(401);
  });

  it('refuses a revoked key', async () => {
    const created = await createTestApiKey(connection().db, tenant.org.id);
    expect((await rest('/me', { key: created.key })).status).toBe(200);
    await revokeApiKeyForTest(connection().db, created.id);
    expect((await rest('/me', { key: created.key })).status).toBe(401);
  });

  it('accepts a key until its expiry and refuses it after', async () => {
    const created = await withIdentity(connection().db, (tx) =>
      issueApiKey(tx, {
        organizationId: tenant.org.id,
        name: 'expiring',
        role: 'viewer',
        createdById: null,
        expiresAt: new Date(Date.now() + 60 * 60 * 1000),
      }),
    );
    expect((await rest('/me', { key: created.key })).status).toBe(200);
    await withIdentity(connection().db, (tx) =>
      tx
        .update(apiKeys)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(apiKeys.id, created.id)),
    );
    expect((await rest('/me', { key: created.key })).status).toBe(401);
  });

  it('refuses what a role may not do with 403', async () => {
    const viewerKey = (await createTestApiKey(connection().db, tenant.org.id, 'viewer')).key;
    const res = await rest('/customers', {
      method: 'POST',
      key: viewerKey,
      body: JSON.stringify({ firstName: 'X' }),
    });
    expect(res.status).toBe(403);
    expect((await rest('/customers', { key: viewerKey })).status).toBe(200);
  });

  it('accepts only JSON bodies (415), of at most 100 KB (413), that parse (400)', async () => {
    const form = await rest('/customers', {
      method: 'POST',
      body: 'firstName=Eve',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const huge = await rest('/customers', {
      method: 'POST',
      body: JSON.stringify({ firstName: 'Big', metadata: { blob: 'x'.repeat(120_000) } }),
    });
    expect(huge.status).toBe(413);
    const broken = await rest('/customers', { method: 'POST', body: '{"firstName":' });
    expect(broken.status).toBe(400);
  });

  it('coerces and validates query parameters', async () => {
    expect((await rest('/customers?limit=0')).status).toBe(400);
    expect((await rest('/customers?limit=abc')).status).toBe(400);
    expect((await rest('/customers?sort=password')).status).toBe(400);
    expect((await rest('/customers?updatedSince=yesterday')).status).toBe(400);
    expect((await rest('/customers?updatedSince=2020-01-01T00:00:00Z')).status).toBe(200);
  });

  it('answers 404 in the same shape for an unknown path, with a request id', async () => {
    const res = await rest('/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      code: 'NOT_FOUND',
      requestId: res.headers.get('x-request-id'),
    });
  });

  it('echoes a well-formed incoming x-request-id', async () => {
    const res = await rest('/me', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    const bad = await rest('/me', { headers: { 'x-request-id': 'no spaces <script>' } });
    expect(bad.headers.get('x-request-id')).not.toContain('script');
  });
});

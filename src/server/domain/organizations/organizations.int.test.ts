import { describe, expect, it } from 'vitest';
import { PASSWORD, setupAccounts } from '@/test/accounts';
import { trpcFailure } from '@/test/browser-client';

// Organizations as people make, switch, rename, hand over and delete them, and their API keys.
const { server, owner, teammate } = setupAccounts();

describe('organizations', () => {
  it('a person creates another organization, switches between them, and the session follows', async () => {
    const { browser } = await owner();
    const first = await browser.auth.me.query();
    const created = await browser.organizations.create.mutate({ name: 'Second Venture' });
    expect((await browser.auth.me.query()).organization?.id).toBe(created.id);
    await browser.customers.create.mutate({ firstName: 'Only in second' });

    await browser.organizations.switch.mutate({ organizationId: first.organization!.id });
    expect((await browser.customers.list.query({})).items).toEqual([]);
    const elsewhere = await owner();
    expect(
      (
        await trpcFailure(
          browser.organizations.switch.mutate({
            organizationId: (await elsewhere.browser.auth.me.query()).organization!.id,
          }),
        )
      ).data?.code,
    ).toBe('NOT_FOUND');
  });

  it('renames, transfers ownership, and deletes only after the password and the slug', async () => {
    const { browser } = await owner();
    const admin = await teammate(browser, 'admin');
    expect(await admin.browser.organizations.rename.mutate({ name: 'Renamed Ltd' })).toMatchObject({
      name: 'Renamed Ltd',
    });

    await browser.organizations.transferOwnership.mutate({ userId: admin.userId });
    expect((await browser.auth.me.query()).role).toBe('admin');
    expect((await trpcFailure(browser.organizations.delete.mutate({ slug: 'x' }))).data?.code).toBe(
      'FORBIDDEN',
    );

    const { slug } = await admin.browser.organizations.current.query();
    expect(
      (await trpcFailure(admin.browser.organizations.delete.mutate({ slug }))).message,
    ).toMatch(/Confirm your password/);
    await admin.browser.account.reauthenticate.mutate({ password: PASSWORD });
    expect(
      (await trpcFailure(admin.browser.organizations.delete.mutate({ slug: 'not-it' }))).data?.code,
    ).toBe('BAD_REQUEST');
    await admin.browser.organizations.delete.mutate({ slug });
    expect((await admin.browser.auth.me.query()).organization).toBeNull();
    const activity = await admin.browser.account.securityActivity.query();
    expect(activity.map((a) => a.action)).toContain('organization.deleted');
  });
});

describe('API keys', () => {
  it('are shown once, listed by prefix and last use, work over REST, and stop when revoked', async () => {
    const { browser } = await owner();
    const created = await browser.apiKeys.create.mutate({ name: 'ERP', role: 'manager' });
    expect(created.key.startsWith(created.prefix)).toBe(true);

    const rest = (key: string) =>
      fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
    expect((await rest(created.key)).status).toBe(200);
    const [listed] = await browser.apiKeys.list.query();
    expect(listed).toMatchObject({
      name: 'ERP',
      role: 'manager',
      prefix: created.prefix,
      createdBy: 'Olive Owner',
    });
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain(created.key);

    await browser.apiKeys.revoke.mutate({ id: created.id });
    expect((await rest(created.key)).status).toBe(401);
  });

  it('cannot be owners, cannot have expired, and cannot make more keys', async () => {
    const { browser } = await owner();
    expect(
      (await trpcFailure(browser.apiKeys.create.mutate({ name: 'Root', role: 'owner' as never })))
        .data?.code,
    ).toBe('BAD_REQUEST');
    expect(
      (
        await trpcFailure(
          browser.apiKeys.create.mutate({ name: 'Old', expiresAt: new Date(Date.now() - 1000) }),
        )
      ).data?.code,
    ).toBe('BAD_REQUEST');
    const admin = await browser.apiKeys.create.mutate({ name: 'Admin key', role: 'admin' });
    const res = await fetch(`${server.url}/api/trpc/apiKeys.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ json: { name: 'Child', role: 'admin' } }),
    });
    expect(res.status).toBe(403);
  });

  it('expire', async () => {
    const { browser } = await owner();
    const key = await browser.apiKeys.create.mutate({
      name: 'Brief',
      expiresAt: new Date(Date.now() + 1500),
    });
    const me = () =>
      fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${key.key}` } });
    expect((await me()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await me()).status).toBe(401);
  });
});

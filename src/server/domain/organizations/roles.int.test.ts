import { describe, expect, it } from 'vitest';
import { setupAccounts } from '@/test/accounts';
import { trpcFailure } from '@/test/browser-client';
import { uniqueEmail } from '@/test/factories';

// Members' roles: when they apply, who may grant which, and the owner an organization keeps.
const { owner, teammate } = setupAccounts();

describe('roles', () => {
  it('takes effect on the next request', async () => {
    const { browser } = await owner();
    const viewer = await teammate(browser, 'viewer');
    expect(
      (await trpcFailure(viewer.browser.customers.create.mutate({ firstName: 'Nope' }))).data?.code,
    ).toBe('FORBIDDEN');
    await browser.members.changeRole.mutate({ userId: viewer.userId, role: 'member' });
    await expect(
      viewer.browser.customers.create.mutate({ firstName: 'Yes' }),
    ).resolves.toMatchObject({ firstName: 'Yes' });
  });

  it('keep admins away from the owner role and from owners', async () => {
    const { browser } = await owner();
    const admin = await teammate(browser, 'admin');
    const member = await teammate(browser, 'member');
    const ownerId = (await browser.auth.me.query()).user!.id;

    expect(
      (
        await trpcFailure(
          admin.browser.members.changeRole.mutate({ userId: member.userId, role: 'owner' }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await trpcFailure(
          admin.browser.invitations.create.mutate({ email: uniqueEmail(), role: 'owner' }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await trpcFailure(
          admin.browser.members.changeRole.mutate({ userId: ownerId, role: 'viewer' }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await trpcFailure(admin.browser.members.remove.mutate({ userId: ownerId }))).data?.code,
    ).toBe('FORBIDDEN');
    await admin.browser.members.changeRole.mutate({ userId: member.userId, role: 'manager' });
    await admin.browser.members.remove.mutate({ userId: member.userId });
    expect((await trpcFailure(member.browser.customers.list.query({}))).data?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('never leave an organization without an owner', async () => {
    const { browser } = await owner();
    const ownerId = (await browser.auth.me.query()).user!.id;
    expect(
      (await trpcFailure(browser.members.changeRole.mutate({ userId: ownerId, role: 'admin' })))
        .data?.code,
    ).toBe('CONFLICT');
    expect((await trpcFailure(browser.members.leave.mutate())).data?.code).toBe('CONFLICT');

    const second = await teammate(browser, 'admin');
    await browser.members.changeRole.mutate({ userId: second.userId, role: 'owner' });
    await browser.members.leave.mutate();
    expect((await second.browser.members.list.query({})).items.map((m) => m.role)).toEqual([
      'owner',
    ]);
  });

  it('two owners demoting each other at once leave one owner', async () => {
    const { browser } = await owner();
    const ownerId = (await browser.auth.me.query()).user!.id;
    const second = await teammate(browser, 'admin');
    await browser.members.changeRole.mutate({ userId: second.userId, role: 'owner' });
    const results = await Promise.allSettled([
      browser.members.changeRole.mutate({ userId: second.userId, role: 'admin' }),
      second.browser.members.changeRole.mutate({ userId: ownerId, role: 'admin' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeLessThanOrEqual(1);
    const roles = (await browser.members.list.query({})).items.map((m) => m.role);
    expect(roles.filter((role) => role === 'owner')).toHaveLength(1);
  });
});

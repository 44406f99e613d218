import { describe, expect, it } from 'vitest';
import { PASSWORD, setupAccounts } from '@/test/accounts';
import { browserClient, trpcFailure } from '@/test/browser-client';
import { uniqueEmail } from '@/test/factories';

// Invitations: sent by a verified member, accepted once, by the invited address.
const { server, signUp, owner, invitationToken } = setupAccounts();

describe('invitations', () => {
  it('needs a verified address to invite', async () => {
    const { browser } = await signUp(uniqueEmail(), PASSWORD, 'New', 'New Co');
    const error = await trpcFailure(
      browser.invitations.create.mutate({ email: uniqueEmail(), role: 'member' }),
    );
    expect(error.message).toMatch(/Verify your e-mail/);
  });

  it('lets an invited person join with a new account, as the invited role, with the address verified', async () => {
    const { browser } = await owner();
    const email = uniqueEmail('viewer');
    await browser.invitations.create.mutate({ email, role: 'viewer' });
    const token = await invitationToken(email);

    const preview = await browserClient(server).invitations.preview.query({ token });
    expect(preview).toMatchObject({
      organizationName: 'Olive Ltd',
      email,
      role: 'viewer',
      hasAccount: false,
    });

    const invitee = browserClient(server);
    await invitee.invitations.acceptWithSignUp.mutate({
      token,
      name: 'Vera Viewer',
      password: PASSWORD,
    });
    expect(await invitee.auth.me.query()).toMatchObject({
      user: { email, emailVerified: true },
      organization: { name: 'Olive Ltd' },
      role: 'viewer',
    });
    expect(await browserClient(server).invitations.preview.query({ token })).toBeNull();
    expect((await browser.invitations.list.query()).map((i) => i.email)).not.toContain(email);
    // The one who invited them is told.
    expect((await browser.notifications.list.query({})).items).toMatchObject([
      {
        type: 'invitation_accepted',
        title: 'Vera Viewer accepted your invitation to Olive Ltd',
        link: '/team',
      },
    ]);
  });

  it('works once even when two accepts race', async () => {
    const { browser } = await owner();
    const email = uniqueEmail('racer');
    await browser.invitations.create.mutate({ email, role: 'member' });
    const token = await invitationToken(email);
    const results = await Promise.allSettled(
      [0, 1].map((i) =>
        browserClient(server).invitations.acceptWithSignUp.mutate({
          token,
          name: `Racer ${i}`,
          password: PASSWORD,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      (await browser.members.list.query({})).items.filter((m) => m.email === email),
    ).toHaveLength(1);
  });

  it('lets an existing account accept only while signed in with the invited address', async () => {
    const { browser } = await owner();
    const other = await owner();
    await browser.invitations.create.mutate({ email: other.email, role: 'manager' });
    const token = await invitationToken(other.email);

    const { browser: stranger } = await signUp(uniqueEmail(), PASSWORD, 'Stranger', 'S');
    expect((await trpcFailure(stranger.invitations.accept.mutate({ token }))).data?.code).toBe(
      'FORBIDDEN',
    );

    const { organization } = await other.browser.invitations.accept.mutate({ token });
    expect(organization.name).toBe('Olive Ltd');
    expect(await other.browser.auth.me.query()).toMatchObject({
      organization: { name: 'Olive Ltd' },
      role: 'manager',
    });
    const mine = await other.browser.organizations.mine.query();
    expect(mine.map((o) => [o.name, o.role, o.active])).toEqual([
      ['Olive Ltd', 'owner', false],
      ['Olive Ltd', 'manager', true],
    ]);
  });

  it('can be resent (the old link stops working) and revoked', async () => {
    const { browser } = await owner();
    const email = uniqueEmail('later');
    const invitation = await browser.invitations.create.mutate({ email, role: 'member' });
    const first = await invitationToken(email);
    await browser.invitations.resend.mutate({ id: invitation.id });
    const second = await invitationToken(email);
    expect(second).not.toBe(first);
    expect(await browserClient(server).invitations.preview.query({ token: first })).toBeNull();
    await browser.invitations.revoke.mutate({ id: invitation.id });
    expect(await browserClient(server).invitations.preview.query({ token: second })).toBeNull();
  });
});

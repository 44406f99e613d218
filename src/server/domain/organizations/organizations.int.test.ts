import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '@/server/api/root';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { browserClient, type BrowserClient } from '@/test/browser-client';
import { uniqueEmail } from '@/test/factories';
import { lastMailTo, setupTestServices, tokenIn } from '@/test/services';

const { connection, services } = setupTestServices();
let server: TestApiServer;

beforeAll(async () => {
  server = await startApiServer(connection(), services());
});
afterAll(() => server.close());

const PASSWORD = 'correct horse battery staple';

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError))
    throw new Error(`expected a failure, got ${String(error)}`);
  return error as TRPCClientError<AppRouter>;
}

/** A signed-up owner whose address is verified (inviting needs it). */
async function owner() {
  const browser = browserClient(server);
  const email = uniqueEmail('owner');
  await browser.auth.signUp.mutate({
    name: 'Olive Owner',
    email,
    password: PASSWORD,
    organizationName: 'Olive Ltd',
  });
  const token = tokenIn((await lastMailTo(services(), email, 'Verify your e-mail address'))?.text);
  await browser.auth.verifyEmail.mutate({ token });
  return { browser, email };
}

async function invitationToken(email: string) {
  const mail = await lastMailTo(services(), email);
  expect(mail?.subject).toMatch(/invited you to/);
  return tokenIn(mail?.text);
}

/** Invites someone new and has them join with a new account. */
async function teammate(inviter: BrowserClient, role: 'admin' | 'manager' | 'member' | 'viewer') {
  const email = uniqueEmail(role);
  await inviter.invitations.create.mutate({ email, role });
  const browser = browserClient(server);
  await browser.invitations.acceptWithSignUp.mutate({
    token: await invitationToken(email),
    name: `${role} person`,
    password: PASSWORD,
  });
  const me = await browser.auth.me.query();
  return { browser, email, userId: me.user!.id };
}

describe('invitations', () => {
  it('needs a verified address to invite', async () => {
    const browser = browserClient(server);
    await browser.auth.signUp.mutate({
      name: 'New',
      email: uniqueEmail(),
      password: PASSWORD,
      organizationName: 'New Co',
    });
    const error = await failure(
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

    const stranger = browserClient(server);
    await stranger.auth.signUp.mutate({
      name: 'Stranger',
      email: uniqueEmail(),
      password: PASSWORD,
      organizationName: 'S',
    });
    expect((await failure(stranger.invitations.accept.mutate({ token }))).data?.code).toBe(
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

describe('roles', () => {
  it('takes effect on the next request', async () => {
    const { browser } = await owner();
    const viewer = await teammate(browser, 'viewer');
    expect(
      (await failure(viewer.browser.customers.create.mutate({ firstName: 'Nope' }))).data?.code,
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
        await failure(
          admin.browser.members.changeRole.mutate({ userId: member.userId, role: 'owner' }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          admin.browser.invitations.create.mutate({ email: uniqueEmail(), role: 'owner' }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(admin.browser.members.changeRole.mutate({ userId: ownerId, role: 'viewer' })))
        .data?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(admin.browser.members.remove.mutate({ userId: ownerId }))).data?.code,
    ).toBe('FORBIDDEN');
    await admin.browser.members.changeRole.mutate({ userId: member.userId, role: 'manager' });
    await admin.browser.members.remove.mutate({ userId: member.userId });
    expect((await failure(member.browser.customers.list.query({}))).data?.code).toBe('FORBIDDEN');
  });

  it('never leave an organization without an owner', async () => {
    const { browser } = await owner();
    const ownerId = (await browser.auth.me.query()).user!.id;
    expect(
      (await failure(browser.members.changeRole.mutate({ userId: ownerId, role: 'admin' }))).data
        ?.code,
    ).toBe('CONFLICT');
    expect((await failure(browser.members.leave.mutate())).data?.code).toBe('CONFLICT');

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
        await failure(
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
    expect((await failure(browser.organizations.delete.mutate({ slug: 'x' }))).data?.code).toBe(
      'FORBIDDEN',
    );

    const { slug } = await admin.browser.organizations.current.query();
    expect((await failure(admin.browser.organizations.delete.mutate({ slug }))).message).toMatch(
      /Confirm your password/,
    );
    await admin.browser.account.reauthenticate.mutate({ password: PASSWORD });
    expect(
      (await failure(admin.browser.organizations.delete.mutate({ slug: 'not-it' }))).data?.code,
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
      (await failure(browser.apiKeys.create.mutate({ name: 'Root', role: 'owner' as never }))).data
        ?.code,
    ).toBe('BAD_REQUEST');
    expect(
      (
        await failure(
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

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/schemas/permissions';
import { sessionCookieName } from '@/server/auth/cookie';
import { createSession } from '@/server/auth/session';
import { auditLogs, memberships, sessions } from '@/server/db/schema';
import { insertMembership } from '@/server/db/repositories/organizations';
import { findUserByEmail, insertUser } from '@/server/db/repositories/users';
import { withIdentity, withTenant } from '@/server/db/tenant';
import { setupApiServer } from '@/test/api-server';
import { createTestApiKey } from '@/test/api-keys';
import { browserClient, trpcFailure } from '@/test/browser-client';
import { organizationWithOwner, type TestOrganization } from '@/test/factories';
import { startOidcProvider, type TestOidcProvider } from '@/test/oidc-test-provider';
import { refusalOn, SsoBrowser } from '@/test/sso-browser';

const { services, server } = setupApiServer();
let provider: TestOidcProvider;
/** Listens on 127.0.0.1 but names localhost as its issuer. */
let impostor: TestOidcProvider;
/** Says who the person is only from userinfo. */
let reticent: TestOidcProvider;

beforeAll(async () => {
  const redirectUri = `${server.url}/auth/sso/callback`;
  provider = await startOidcProvider({ redirectUri });
  impostor = await startOidcProvider({ redirectUri, issuerHost: 'localhost' });
  reticent = await startOidcProvider({ redirectUri, claimsFromUserinfo: true });
});
afterAll(async () => {
  await provider?.close();
  await impostor?.close();
  await reticent?.close();
});

const STATE_COOKIE = 'clientele_sso_state';

/** An organization whose provider is `provider`, for people at a domain of its own. */
async function ssoOrganization(
  options: { ssoOnly?: boolean; defaultRole?: Exclude<Role, 'owner'>; issuer?: string } = {},
) {
  const { org, api } = await organizationWithOwner(services(), 'Acme SSO');
  const domain = `${org.slug}.test`;
  await api.sso.save({
    issuer: options.issuer ?? provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    allowedDomains: [domain],
    defaultRole: options.defaultRole ?? 'member',
    ssoOnly: options.ssoOnly ?? false,
  });
  return { org, api, domain };
}

/** Signs in at the provider as `email` and comes back to the callback (not yet visited). */
async function throughProvider(
  browser: SsoBrowser,
  start: string,
  account: { email: string; emailVerified?: boolean },
  at = provider,
) {
  at.signInNext(account);
  return browser.toCallback(start);
}

/** A tRPC client sending the SSO browser's cookies. */
const trpcOf = (browser: SsoBrowser) =>
  browserClient(server, () => ({ cookie: browser.cookieHeader() }));

async function verifiedMember(org: TestOrganization, email: string, role: Role) {
  return withIdentity(services().db, async (tx) => {
    const user = await insertUser(tx, {
      email,
      name: 'Existing Person',
      passwordHash: null,
      emailVerifiedAt: new Date(),
    });
    await insertMembership(tx, { organizationId: org.id, userId: user.id, role });
    return user;
  });
}

/** A browser holding a password session (no SSO) of the user in the organization. */
async function passwordSession(userId: string, organizationId: string) {
  const session = await withIdentity(services().db, (tx) =>
    createSession(tx, {
      userId,
      activeOrganizationId: organizationId,
      ipAddress: null,
      userAgent: null,
    }),
  );
  return browserClient(server, () => ({ cookie: `${sessionCookieName(false)}=${session.token}` }));
}

const userByEmail = (email: string) =>
  withIdentity(services().db, (tx) => findUserByEmail(tx, email));

async function sessionCount(userId: string) {
  const rows = await withIdentity(services().db, (tx) =>
    tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)),
  );
  return rows.length;
}

describe('SSO sign-in', () => {
  it('provisions a new person with the default role, verified and without a password, whose session works on tRPC', async () => {
    const { org, domain } = await ssoOrganization({ defaultRole: 'manager' });
    const email = `new.person@${domain}`;
    const browser = new SsoBrowser(server.url);
    const callback = await throughProvider(
      browser,
      `/auth/sso/start?email=${encodeURIComponent(email)}&next=/customers`,
      { email },
    );
    expect(callback.pathname).toBe('/auth/sso/callback');
    const landing = await browser.complete(callback);
    expect(landing.href).toBe(`${server.url}/customers`);
    expect(browser.cookie(STATE_COOKIE)).toBeUndefined();

    const api = trpcOf(browser);
    const me = await api.auth.me.query();
    expect(me.user?.email).toBe(email);
    expect(me.organization?.id).toBe(org.id);
    expect(me.role).toBe('manager');
    await expect(api.customers.list.query({})).resolves.toMatchObject({ items: [] });

    const user = (await userByEmail(email))!;
    expect(user.passwordHash).toBeNull();
    expect(user.emailVerifiedAt).not.toBeNull();
    const joined = await withTenant(services().db, org.id, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.organizationId, org.id), eq(auditLogs.entityId, user.id))),
    );
    expect(joined.map((row) => row.action)).toEqual(['member.joined_through_sso']);
  });

  it('signs in an existing member with the role they have, and sends an unsafe next to the dashboard', async () => {
    const { org, domain } = await ssoOrganization();
    const email = `existing@${domain}`;
    await verifiedMember(org, email, 'admin');
    const browser = new SsoBrowser(server.url);
    const callback = await throughProvider(
      browser,
      `/auth/sso/start?organization=${org.slug}&next=${encodeURIComponent('//evil.example')}`,
      { email },
    );
    expect((await browser.complete(callback)).pathname).toBe('/dashboard');
    const me = await trpcOf(browser).auth.me.query();
    expect(me).toMatchObject({ user: { email }, role: 'admin', organization: { id: org.id } });
  });

  it('reads the address from userinfo when the ID token does not carry it', async () => {
    const { org, domain } = await ssoOrganization({ issuer: reticent.issuer });
    const email = `quiet@${domain}`;
    const browser = new SsoBrowser(server.url);
    const callback = await throughProvider(
      browser,
      `/auth/sso/start?organization=${org.slug}`,
      { email },
      reticent,
    );
    expect((await browser.complete(callback)).pathname).toBe('/dashboard');
    expect(await trpcOf(browser).auth.me.query()).toMatchObject({ user: { email } });
  });

  it('starts with the address as login hint, PKCE (S256) and an HttpOnly state cookie', async () => {
    const { domain } = await ssoOrganization();
    const res = await fetch(
      `${server.url}/auth/sso/start?${new URLSearchParams({ email: `starter@${domain}` })}`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin).toBe(provider.url);
    expect(location.searchParams.get('login_hint')).toBe(`starter@${domain}`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(res.headers.getSetCookie().join()).toMatch(/clientele_sso_state=.+HttpOnly/i);
    const posted = await fetch(`${server.url}/auth/sso/start`, { method: 'POST', body: '' });
    expect(posted.status).toBe(405);
  });

  it('refuses a provider whose metadata names another issuer than the one configured', async () => {
    const { domain } = await ssoOrganization({ issuer: impostor.url });
    const browser = new SsoBrowser(server.url);
    const landing = await browser.toCallback(`/auth/sso/start?email=someone@${domain}`);
    expect(refusalOn(landing)).toMatch(/issuer/);
    expect(browser.cookie(STATE_COOKIE)).toBeUndefined();
  });

  it('refuses an e-mail domain no organization signs in with SSO', async () => {
    const browser = new SsoBrowser(server.url);
    const landing = await browser.toCallback('/auth/sso/start?email=someone@nobody-here.test');
    expect(refusalOn(landing)).toMatch(/No organization signs in people at nobody-here\.test/);
  });

  it('refuses a replayed state: the attempt works once', async () => {
    const { org, domain } = await ssoOrganization();
    const email = `replay@${domain}`;
    const browser = new SsoBrowser(server.url);
    const callback = await throughProvider(browser, `/auth/sso/start?organization=${org.slug}`, {
      email,
    });
    const state = browser.cookie(STATE_COOKIE)!;
    expect((await browser.complete(callback)).pathname).toBe('/dashboard');
    const user = (await userByEmail(email))!;

    browser.setCookie(STATE_COOKIE, state);
    const replayed = await browser.complete(callback);
    expect(refusalOn(replayed)).toMatch(/already been used or has expired/);
    expect(await sessionCount(user.id)).toBe(1);
  });

  it('refuses a callback in a browser that did not start the sign-in, and leaves the attempt to the one that did', async () => {
    const { org, domain } = await ssoOrganization();
    const email = `planted@${domain}`;
    const starter = new SsoBrowser(server.url);
    const callback = await throughProvider(starter, `/auth/sso/start?organization=${org.slug}`, {
      email,
    });

    const victim = new SsoBrowser(server.url);
    expect(refusalOn(await victim.complete(callback))).toMatch(/not started in this browser/);
    expect(await userByEmail(email)).toBeUndefined();
    expect(victim.cookie(sessionCookieName(false))).toBeUndefined();

    expect((await starter.complete(callback)).pathname).toBe('/dashboard');
  });

  it('refuses an address outside the allowed domains, creating no one', async () => {
    const { org } = await ssoOrganization();
    const email = `outsider@elsewhere-${org.slug}.test`;
    const browser = new SsoBrowser(server.url);
    const callback = await throughProvider(browser, `/auth/sso/start?organization=${org.slug}`, {
      email,
    });
    const landing = await browser.complete(callback);
    expect(refusalOn(landing)).toMatch(/does not sign in addresses at elsewhere-/);
    expect(await userByEmail(email)).toBeUndefined();
    expect(browser.cookie(sessionCookieName(false))).toBeUndefined();
  });

  it('refuses an address the provider has not verified, creating no one', async () => {
    const { org, domain } = await ssoOrganization();
    const email = `unverified@${domain}`;
    const browser = new SsoBrowser(server.url);
    const callback = await throughProvider(browser, `/auth/sso/start?organization=${org.slug}`, {
      email,
      emailVerified: false,
    });
    expect(refusalOn(await browser.complete(callback))).toMatch(/has not verified the address/);
    expect(await userByEmail(email)).toBeUndefined();
  });

  it('does not link an existing account whose address was never confirmed', async () => {
    const { org, domain } = await ssoOrganization();
    const email = `squatted@${domain}`;
    const squatter = await withIdentity(services().db, (tx) =>
      insertUser(tx, { email, name: 'Squatter', passwordHash: null }),
    );
    const browser = new SsoBrowser(server.url);
    const callback = await throughProvider(browser, `/auth/sso/start?organization=${org.slug}`, {
      email,
    });
    expect(refusalOn(await browser.complete(callback))).toMatch(/never confirmed/);
    const membership = await withIdentity(services().db, (tx) =>
      tx.select().from(memberships).where(eq(memberships.userId, squatter.id)),
    );
    expect(membership).toEqual([]);
    expect(await sessionCount(squatter.id)).toBe(0);
  });
});

describe('removing the connection', () => {
  it('ends the sessions it opened, and no one signs in through it any more', async () => {
    const { org, api } = await ssoOrganization();
    const email = `leaving@${org.slug}.test`;
    const browser = new SsoBrowser(server.url);
    await browser.complete(
      await throughProvider(browser, `/auth/sso/start?organization=${org.slug}`, { email }),
    );
    const person = trpcOf(browser);
    await expect(person.customers.list.query({})).resolves.toMatchObject({ items: [] });

    await api.sso.remove();
    expect((await trpcFailure(person.customers.list.query({}))).data?.code).toBe('UNAUTHORIZED');
    const again = await new SsoBrowser(server.url).toCallback(
      `/auth/sso/start?organization=${org.slug}`,
    );
    expect(refusalOn(again)).toMatch(/has no single sign-on/);
  });
});

describe('SSO only', () => {
  it("refuses a member's password session in the organization, but not the owner's, an SSO session or an API key", async () => {
    const { org, domain } = await ssoOrganization({ ssoOnly: true });
    const email = `member@${domain}`;
    const member = await verifiedMember(org, email, 'member');

    const memberWithPassword = await passwordSession(member.id, org.id);
    const refused = await trpcFailure(memberWithPassword.customers.list.query({}));
    expect(refused.data?.code).toBe('FORBIDDEN');
    expect(refused.data).toMatchObject({
      reason: 'SSO_REQUIRED',
      signInUrl: `/sign-in/sso?organization=${org.slug}`,
    });
    expect(refused.message).toMatch(/requires single sign-on/);

    const ownerWithPassword = await passwordSession(org.ownerId, org.id);
    await expect(ownerWithPassword.customers.list.query({})).resolves.toMatchObject({ items: [] });

    const browser = new SsoBrowser(server.url);
    const callback = await throughProvider(browser, `/auth/sso/start?email=${email}`, { email });
    await browser.complete(callback);
    await expect(trpcOf(browser).customers.list.query({})).resolves.toMatchObject({ items: [] });

    const { key } = await createTestApiKey(services().db, org.id, 'member');
    const res = await fetch(`${server.url}/api/v1/customers`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
  });

  it("confines an SSO session to its organization: another organization of the person's refuses it", async () => {
    const { org, domain } = await ssoOrganization();
    const email = `two-orgs@${domain}`;
    const person = await verifiedMember(org, email, 'member');
    const other = await organizationWithOwner(services(), 'Other Ltd');
    await withIdentity(services().db, (tx) =>
      insertMembership(tx, { organizationId: other.org.id, userId: person.id, role: 'member' }),
    );

    const browser = new SsoBrowser(server.url);
    await browser.complete(
      await throughProvider(browser, `/auth/sso/start?organization=${org.slug}`, { email }),
    );
    const api = trpcOf(browser);
    await api.organizations.switch.mutate({ organizationId: other.org.id });
    const refused = await trpcFailure(api.customers.list.query({}));
    expect(refused.data?.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/another organization's single sign-on/);
  });
});

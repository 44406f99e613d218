import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from '@/server/auth/cookie';
import type { Role } from '@/schemas/permissions';
import { createSession } from '@/server/auth/session';
import type { Connection } from '@/server/db/connection';
import { insertMembership } from '@/server/db/repositories/organizations';
import { sessions } from '@/server/db/schema';
import { withIdentity } from '@/server/db/tenant';
import { issueApiKey } from '@/server/domain/api-keys';
import { stopServices, type AppServices } from '@/server/services';
import { startApiServer, type TestApiServer } from '@/test/api-server';
import { browserClient } from '@/test/browser-client';
import { openChangeStream, type ChangeStream } from '@/test/change-stream';
import { openTestConnection } from '@/test/database';
import { addTestMember, createTestOrganization, type TestOrganization } from '@/test/factories';
import { createTestServices, setupTestServices } from '@/test/services';

// Streams are held by `here`. Access is changed through `there`: on PostgreSQL another instance
// with its own connections, services and LISTEN on the same database, so every test below also
// shows the change reaching an instance other than the one that made it. PGlite serves one
// process, so there both are the same.
const { connection, services } = setupTestServices();
let here: TestApiServer;
let there: TestApiServer;
let other: { connection: Connection; services: AppServices; server: TestApiServer } | undefined;

beforeAll(async () => {
  here = await startApiServer(connection(), services());
  if (process.env.TEST_DRIVER === 'postgres') {
    const otherConnection = await openTestConnection();
    const otherServices = await createTestServices(otherConnection);
    const server = await startApiServer(otherConnection, otherServices);
    other = { connection: otherConnection, services: otherServices, server };
  }
  there = other?.server ?? here;
});

afterAll(async () => {
  await here?.close();
  if (other) {
    await other.server.close();
    await stopServices(other.services);
    await other.connection.close();
  }
});

const streams: ChangeStream[] = [];
afterAll(() => streams.forEach((stream) => stream.close()));

async function stream(headers: Record<string, string>) {
  const opened = await openChangeStream(here, headers);
  streams.push(opened);
  return opened;
}

/** The Cookie header of a new session of the user, working in the organization. */
async function signedIn(userId: string, organizationId: string, expiresAt?: Date) {
  const { token, sessionId } = await withIdentity(services().db, (tx) =>
    createSession(tx, {
      userId,
      activeOrganizationId: organizationId,
      ipAddress: null,
      userAgent: 'stream-access test',
    }),
  );
  if (expiresAt) {
    await withIdentity(services().db, (tx) =>
      tx.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId)),
    );
  }
  return { cookie: `${sessionCookieName(false)}=${token}` };
}

/** A browser of the user on `there` (where access is changed). */
async function browserOf(userId: string, organizationId: string) {
  const { cookie } = await signedIn(userId, organizationId);
  return browserClient(there, () => ({ cookie }));
}

const ownerOf = (org: TestOrganization) => browserOf(org.ownerId, org.id);

async function memberStream(org: TestOrganization, role: Role) {
  const member = await addTestMember(services().db, org, role);
  return { member, stream: await stream(await signedIn(member.id, org.id)) };
}

/** Waits (up to 10 s) for the stream to end; returns how, and how long after `since`. */
async function endOf(stream: ChangeStream, since: number) {
  await expect.poll(() => stream.ended, { timeout: 10_000, interval: 25 }).toBeDefined();
  return { code: stream.ended!.code, after: stream.ended!.at - since };
}

const heard = (stream: ChangeStream, id: string) =>
  stream.received.some((change) => change.entityId === id);

/** Nothing is re-checked on a timer more often than this; ending sooner shows the signal did it. */
const WELL_BEFORE_ANY_PERIODIC_CHECK_MS = 10_000;

/** Expects the stream to end with this code, sooner than any periodic check would have ended it. */
async function expectEndedPromptly(stream: ChangeStream, since: number, code: string) {
  const ended = await endOf(stream, since);
  expect(ended.code).toBe(code);
  expect(ended.after).toBeLessThan(WELL_BEFORE_ANY_PERIODIC_CHECK_MS);
}

describe('an open change stream follows its principal’s access', () => {
  it('stops sending admin-only changes to an admin the moment they are demoted', async () => {
    const org = await createTestOrganization(services().db);
    const owner = await ownerOf(org);
    const { member: admin, stream: live } = await memberStream(org, 'admin');

    const before = await owner.apiKeys.create.mutate({ name: 'Seen by admins', role: 'viewer' });
    await expect.poll(() => heard(live, before.id), { timeout: 10_000 }).toBe(true);

    await owner.members.changeRole.mutate({ userId: admin.id, role: 'member' });
    const after = await owner.apiKeys.create.mutate({ name: 'Not for members', role: 'viewer' });
    const customer = await owner.customers.create.mutate({ firstName: 'Still heard' });

    await expect
      .poll(() => heard(live, customer.id) || live.ended !== undefined, { timeout: 10_000 })
      .toBe(true);
    expect(heard(live, after.id)).toBe(false);
    // The stream goes on with the new role's filter.
    expect(live.ended).toBeUndefined();
    expect(live.received.map((change) => change.action)).toContain('member.role_changed');
  });

  it('ends for a member removed from the organization', async () => {
    const org = await createTestOrganization(services().db);
    const owner = await ownerOf(org);
    const { member, stream: live } = await memberStream(org, 'member');

    await owner.members.remove.mutate({ userId: member.id });
    const removedAt = Date.now();
    const customer = await owner.customers.create.mutate({ firstName: 'Not for leavers' });

    await expectEndedPromptly(live, removedAt, 'FORBIDDEN');
    expect(heard(live, customer.id)).toBe(false);
    // Ended for good: the client does not connect again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(live.connections).toBe(1);
  });

  it('ends with 401 when its person signs out everywhere', async () => {
    const org = await createTestOrganization(services().db);
    const member = await addTestMember(services().db, org, 'manager');
    const live = await stream(await signedIn(member.id, org.id));
    const elsewhere = await browserOf(member.id, org.id);

    await elsewhere.account.sessions.signOutEverywhere.mutate();
    const signedOutAt = Date.now();

    await expectEndedPromptly(live, signedOutAt, 'UNAUTHORIZED');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(live.connections).toBe(1);
  });

  it('ends with 401 when its own session is revoked from another one', async () => {
    const org = await createTestOrganization(services().db);
    const member = await addTestMember(services().db, org, 'viewer');
    const live = await stream(await signedIn(member.id, org.id));
    const elsewhere = await browserOf(member.id, org.id);
    const listed = await elsewhere.account.sessions.list.query();
    const streaming = listed.find((session) => !session.current)!;

    await elsewhere.account.sessions.revoke.mutate({ sessionId: streaming.id });
    const revokedAt = Date.now();

    await expectEndedPromptly(live, revokedAt, 'UNAUTHORIZED');
  });

  it('ends with 401 when the API key it was opened with is revoked', async () => {
    const org = await createTestOrganization(services().db);
    const owner = await ownerOf(org);
    const key = await owner.apiKeys.create.mutate({ name: 'Streaming', role: 'admin' });
    const live = await stream({ authorization: `Bearer ${key.key}` });
    const customer = await owner.customers.create.mutate({ firstName: 'Heard by the key' });
    await expect.poll(() => heard(live, customer.id), { timeout: 10_000 }).toBe(true);

    await owner.apiKeys.revoke.mutate({ id: key.id });
    const revokedAt = Date.now();
    const later = await owner.customers.create.mutate({ firstName: 'Not for revoked keys' });

    await expectEndedPromptly(live, revokedAt, 'UNAUTHORIZED');
    expect(heard(live, later.id)).toBe(false);
  });

  it('ends with 403 when the session turns to another organization', async () => {
    const org = await createTestOrganization(services().db);
    const otherOrg = await createTestOrganization(services().db);
    const member = await addTestMember(services().db, org, 'member');
    await withIdentity(services().db, (tx) =>
      insertMembership(tx, { organizationId: otherOrg.id, userId: member.id, role: 'member' }),
    );
    const headers = await signedIn(member.id, org.id);
    const live = await stream(headers);
    const sameBrowser = browserClient(there, () => headers);

    await sameBrowser.organizations.switch.mutate({ organizationId: otherOrg.id });
    const switchedAt = Date.now();

    await expectEndedPromptly(live, switchedAt, 'FORBIDDEN');
  });

  it('ends with 401 when its session expires while open', async () => {
    const org = await createTestOrganization(services().db);
    const member = await addTestMember(services().db, org, 'member');
    const expiresAt = new Date(Date.now() + 3_000);
    const live = await stream(await signedIn(member.id, org.id, expiresAt));

    const { code } = await endOf(live, expiresAt.getTime());
    expect(code).toBe('UNAUTHORIZED');
    expect(live.ended!.at).toBeGreaterThanOrEqual(expiresAt.getTime());
  });

  it('ends with 401 when the API key it was opened with expires', async () => {
    const org = await createTestOrganization(services().db);
    const expiresAt = new Date(Date.now() + 3_000);
    const key = await withIdentity(services().db, (tx) =>
      issueApiKey(tx, {
        organizationId: org.id,
        name: 'Short-lived',
        role: 'member',
        createdById: null,
        expiresAt,
      }),
    );
    const live = await stream({ authorization: `Bearer ${key.key}` });

    const { code } = await endOf(live, expiresAt.getTime());
    expect(code).toBe('UNAUTHORIZED');
    expect(live.ended!.at).toBeGreaterThanOrEqual(expiresAt.getTime());
  });
});

import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { upsertOAuthRecord } from '@/server/db/repositories/oauth-records';
import { insertSsoSignInAttempt } from '@/server/db/repositories/sso-sign-in-attempts';
import { oauthRecords, ssoSignInAttempts } from '@/server/db/schema';
import { withIdentity, withTenant } from '@/server/db/tenant';
import { addTestMember, callerAs, organizationWithOwner, userPrincipal } from '@/test/factories';
import { setupTestServices } from '@/test/services';
import { runMaintenance } from './maintenance';

const { services } = setupTestServices();

describe('the hourly upkeep', () => {
  it('deletes read notifications past retention, and keeps unread ones however old', async () => {
    const { org, api } = await organizationWithOwner(services());
    const ben = await addTestMember(services().db, org, 'member');
    const asBen = callerAs(services(), userPrincipal(org, ben, 'member'));
    for (const title of ['Read long ago', 'Read lately', 'Never read']) {
      await api.tasks.create({ title, assigneeId: ben.id });
    }
    const age = (days: number) => sql`now() - make_interval(days => ${days})`;
    await withTenant(services().db, org.id, (tx) =>
      tx.execute(sql`
        update notifications set
          read_at = case when summary like '%Read long ago%' then ${age(91)}
                         when summary like '%Read lately%' then ${age(89)} end,
          updated_at = ${age(200)}
        where user_id = ${ben.id}`),
    );

    const done = await runMaintenance(services().db, { notificationRetentionDays: 90 });
    expect(done.notificationsDeleted).toBe(1);
    const left = (await asBen.notifications.list({})).items.map((n) => n.title);
    expect(left.sort()).toEqual([
      'Owner assigned you the task “Never read”',
      'Owner assigned you the task “Read lately”',
    ]);
  });
});

describe('the hourly upkeep of the authorization server', () => {
  it('drops expired OAuth records and keeps live ones', async () => {
    const { db } = services();
    const record = (id: string, expiresAt: Date | null) =>
      withIdentity(db, (tx) =>
        upsertOAuthRecord(tx, 'Interaction', id, {
          payload: {},
          grantId: null,
          uid: id,
          accountId: null,
          clientId: null,
          expiresAt,
        }),
      );
    const expired = `expired-${randomUUID()}`;
    const live = `live-${randomUUID()}`;
    await record(expired, new Date(Date.now() - 60_000));
    await record(live, new Date(Date.now() + 60_000));
    const done = await runMaintenance(db, { notificationRetentionDays: 90 });
    expect(done.oauthRecordsDeleted).toBeGreaterThanOrEqual(1);
    const left = await withIdentity(db, (tx) =>
      tx
        .select({ id: oauthRecords.id })
        .from(oauthRecords)
        .where(inArray(oauthRecords.id, [expired, live])),
    );
    expect(left).toEqual([{ id: live }]);
  });
});

describe('the hourly upkeep of single sign-on', () => {
  it('drops sign-in attempts that expired unanswered and keeps pending ones', async () => {
    const { db } = services();
    const { api } = await organizationWithOwner(services());
    const connection = await api.sso.save({
      issuer: 'https://login.example.com',
      clientId: 'clientele',
      clientSecret: 'provider-secret',
      allowedDomains: [`upkeep-${randomUUID()}.example.com`],
      defaultRole: 'member',
      ssoOnly: false,
    });
    const attempt = (nonce: string, expiresAt: Date) =>
      withIdentity(db, (tx) =>
        insertSsoSignInAttempt(tx, {
          stateHash: new TextEncoder().encode(nonce),
          connectionId: connection.id,
          codeVerifier: 'verifier',
          nonce,
          nextPath: null,
          expiresAt,
        }),
      );
    const expired = `expired-${randomUUID()}`;
    const pending = `pending-${randomUUID()}`;
    await attempt(expired, new Date(Date.now() - 60_000));
    await attempt(pending, new Date(Date.now() + 60_000));
    const done = await runMaintenance(db, { notificationRetentionDays: 90 });
    expect(done.ssoSignInAttemptsDeleted).toBeGreaterThanOrEqual(1);
    const left = await withIdentity(db, (tx) =>
      tx
        .select({ nonce: ssoSignInAttempts.nonce })
        .from(ssoSignInAttempts)
        .where(inArray(ssoSignInAttempts.nonce, [expired, pending])),
    );
    expect(left).toEqual([{ nonce: pending }]);
  });
});

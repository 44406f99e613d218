import { lt, lte, sql } from 'drizzle-orm';
import { events, idempotencyKeys, notifications } from '@/server/db/schema';
import { deleteExpiredOAuthRecords } from '@/server/db/repositories/oauth-records';
import { deleteExpiredSsoSignInAttempts } from '@/server/db/repositories/sso-sign-in-attempts';
import { rows } from '@/server/db/rows';
import { withIdentity } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';

/** How long the change feed keeps events (and webhook deliveries their log). */
export const EVENT_RETENTION_DAYS = 30;

/**
 * Hourly housekeeping across organizations, as clientele_maintenance: that role may delete
 * expired idempotency keys, events past retention (their deliveries go with them) and read
 * notifications, and can see nothing else. Read notifications go after
 * `notificationRetentionDays`; unread ones stay however old. Expired OAuth records and SSO
 * sign-in attempts go too, and the search vocabulary's words no live customer uses any more.
 */
export async function runMaintenance(db: Database, options: { notificationRetentionDays: number }) {
  // The authorization server's expired codes, refresh tokens, grants and interactions, and the
  // SSO sign-ins never completed, belong to no organization: the identity role drops them.
  const identityRecords = await withIdentity(db, async (tx) => ({
    oauthRecordsDeleted: await deleteExpiredOAuthRecords(tx),
    ssoSignInAttemptsDeleted: await deleteExpiredSsoSignInAttempts(tx),
  }));
  const deleted = await db.transaction(async (tx) => {
    // Deleting a backlog of expired events may take longer than requests are allowed.
    await tx.execute(
      sql`select set_config('role', 'clientele_maintenance', true), set_config('statement_timeout', '0', true)`,
    );
    const keys = await tx
      .delete(idempotencyKeys)
      .where(lte(idempotencyKeys.expiresAt, sql`now()`))
      .returning({ expiresAt: idempotencyKeys.expiresAt });
    const expiredEvents = await tx
      .delete(events)
      .where(lt(events.createdAt, sql`now() - make_interval(days => ${EVENT_RETENTION_DAYS})`))
      .returning({ createdAt: events.createdAt });
    const readNotifications = await tx
      .delete(notifications)
      .where(
        lt(
          notifications.readAt,
          sql`now() - make_interval(days => ${options.notificationRetentionDays})`,
        ),
      )
      .returning({ readAt: notifications.readAt });
    const [pruned] = rows<{ count: number }>(
      await tx.execute(sql`select clientele_prune_search_words() as count`),
    );
    return {
      idempotencyKeysDeleted: keys.length,
      eventsDeleted: expiredEvents.length,
      notificationsDeleted: readNotifications.length,
      searchWordsDeleted: Number(pruned?.count ?? 0),
    };
  });
  return { ...deleted, ...identityRecords };
}

import { lt, lte, sql } from 'drizzle-orm';
import { events, idempotencyKeys } from '@/server/db/schema';
import type { Database } from '@/server/db/types';

/** How long the change feed keeps events (and webhook deliveries their log). */
export const EVENT_RETENTION_DAYS = 30;

/**
 * Hourly housekeeping across organizations, as clientele_maintenance: that role may delete
 * expired idempotency keys and events past retention (their deliveries go with them) and
 * can see nothing else.
 */
export async function runMaintenance(db: Database) {
  return db.transaction(async (tx) => {
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
    return { idempotencyKeysDeleted: keys.length, eventsDeleted: expiredEvents.length };
  });
}

import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Notification } from '@/schemas/notifications';
import { memberships, notificationDeliveries, notifications, users } from '../schema';
import type { TenantTx } from '../types';
import { notificationTitle } from './notifications';
import { ofOrganization } from './tenant-rows';

type Channel = (typeof notificationDeliveries.$inferInsert)['channel'];
type Status = (typeof notificationDeliveries.$inferInsert)['status'];

/** A notification with what sending it needs: its sentence, and its recipient's role now. */
export async function getNotificationToDeliver(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({
      id: notifications.id,
      type: notifications.type,
      title: notificationTitle,
      body: notifications.body,
      link: notifications.link,
      entityType: notifications.entityType,
      entityId: notifications.entityId,
      userId: notifications.userId,
      readAt: notifications.readAt,
      inApp: notifications.inApp,
      role: memberships.role,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .leftJoin(
      memberships,
      and(
        eq(memberships.organizationId, notifications.organizationId),
        eq(memberships.userId, notifications.userId),
      ),
    )
    .where(and(ofOrganization(tx, notifications), eq(notifications.id, id)));
  return row;
}

/** A member's address and name, to write to them. */
export async function getRecipient(tx: TenantTx, userId: string) {
  const [row] = await tx
    .select({ email: users.email, name: users.name, role: memberships.role })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), ofOrganization(tx, memberships)))
    .where(eq(users.id, userId));
  return row;
}

/**
 * Records that a notification goes (or waits) by a channel: false when it already did, so
 * nothing is sent twice however often its job runs.
 */
export async function recordDelivery(
  tx: TenantTx,
  delivery: { notificationId: string; userId: string; channel: Channel; status: Status },
): Promise<boolean> {
  const inserted = await tx
    .insert(notificationDeliveries)
    .values({
      ...delivery,
      organizationId: tx.organizationId,
      sentAt: delivery.status === 'sent' ? new Date() : null,
    })
    .onConflictDoNothing()
    .returning({ id: notificationDeliveries.id });
  return inserted.length > 0;
}

/** How many went out by a channel in this organization since a time: its sending limit's measure. */
export async function countSentSince(tx: TenantTx, channel: Channel, since: Date) {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(notificationDeliveries)
    .where(
      and(
        ofOrganization(tx, notificationDeliveries),
        eq(notificationDeliveries.channel, channel),
        eq(notificationDeliveries.status, 'sent'),
        gte(notificationDeliveries.createdAt, since),
      ),
    );
  return row?.count ?? 0;
}

export type DigestItem = Pick<Notification, 'id' | 'title' | 'body' | 'link' | 'entityType'>;

/**
 * Takes the notifications waiting for a member's digest, marking them digested, and returns those
 * still unread (what was read in the app meanwhile is not news), oldest first.
 */
export async function takeDigest(tx: TenantTx, userId: string): Promise<DigestItem[]> {
  const taken = await tx
    .update(notificationDeliveries)
    .set({ status: 'digested', sentAt: new Date() })
    .where(
      and(
        ofOrganization(tx, notificationDeliveries),
        eq(notificationDeliveries.userId, userId),
        eq(notificationDeliveries.status, 'digest'),
      ),
    )
    .returning({ notificationId: notificationDeliveries.notificationId });
  if (taken.length === 0) return [];
  return tx
    .select({
      id: notifications.id,
      title: notificationTitle,
      body: notifications.body,
      link: notifications.link,
      entityType: notifications.entityType,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(
      and(
        ofOrganization(tx, notifications),
        inArray(
          notifications.id,
          taken.map((row) => row.notificationId),
        ),
        // Kept out of the app, a notification is born read: the digest still carries it.
        sql`(${notifications.readAt} is null or not ${notifications.inApp})`,
      ),
    )
    .orderBy(asc(notifications.createdAt));
}

import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Notification, NotificationListParams } from '@/schemas/notifications';
import { memberships, notifications, users } from '../schema';
import type { IdentityTx, TenantTx } from '../types';
import { afterPosition, decodeCursor, pageOf } from './cursor';
import { ofOrganization } from './tenant-rows';

export interface NotificationRow {
  userId: string;
  type: Notification['type'];
  summary: string;
  body: string;
  link: string;
  actorId: string | null;
  entityType: string;
  entityId: string | null;
  groupKey: string;
}

/**
 * Delivers a notification to the member's inbox: folded into their unread one of the same
 * group (a burst about the same record), which then names the latest actor and counts one more
 * other, or as a new one. One of a type the member keeps out of the app is stored read and
 * hidden from the inbox, for the other channels to carry. Returns the new notification's id,
 * or null when it was folded into one already delivered.
 */
export async function insertOrGroupNotification(
  tx: TenantTx,
  row: NotificationRow,
  options: { inApp: boolean },
): Promise<string | null> {
  if (options.inApp) {
    const [grouped] = await tx
      .update(notifications)
      .set({
        summary: row.summary,
        body: row.body,
        actorId: row.actorId,
        othersCount: sql`${notifications.othersCount} + (${notifications.actorId} is distinct from ${row.actorId})::int`,
        updatedAt: new Date(),
      })
      .where(
        and(
          ofOrganization(tx, notifications),
          eq(notifications.userId, row.userId),
          eq(notifications.groupKey, row.groupKey),
          isNull(notifications.readAt),
        ),
      )
      .returning({ id: notifications.id });
    if (grouped) return null;
  }
  const [inserted] = await tx
    .insert(notifications)
    .values({
      ...row,
      organizationId: tx.organizationId,
      ...(options.inApp ? {} : { inApp: false, readAt: new Date() }),
    })
    .returning({ id: notifications.id });
  return inserted!.id;
}

/** One member's notifications about records of these kinds (what their role may read now). */
const inboxOf = (tx: TenantTx, userId: string, entityTypes: string[]) =>
  and(
    ofOrganization(tx, notifications),
    eq(notifications.userId, userId),
    eq(notifications.inApp, true),
    inArray(notifications.entityType, entityTypes),
  );

/** "Ana Lima and 2 others moved …", or the summary alone when the system acted. */
export const notificationTitle = sql<string>`case when ${users.name} is null then ${notifications.summary}
  else ${users.name}
    || case ${notifications.othersCount} when 0 then '' when 1 then ' and 1 other'
       else ' and ' || ${notifications.othersCount} || ' others' end
    || ' ' || ${notifications.summary} end`;

const notificationColumns = {
  id: notifications.id,
  type: notifications.type,
  title: notificationTitle,
  body: notifications.body,
  link: notifications.link,
  actorId: notifications.actorId,
  othersCount: notifications.othersCount,
  entityType: notifications.entityType,
  entityId: notifications.entityId,
  readAt: notifications.readAt,
  createdAt: notifications.updatedAt,
};

const KEYSET = { sort: 'createdAt', order: 'desc' } as const;

/** A member's notifications, latest first; only unread ones when asked. */
export async function listNotifications(
  tx: TenantTx,
  userId: string,
  entityTypes: string[],
  params: NotificationListParams,
) {
  const where: (SQL | undefined)[] = [inboxOf(tx, userId, entityTypes)];
  if (params.unread) where.push(isNull(notifications.readAt));
  if (params.cursor) {
    const position = decodeCursor(params.cursor, KEYSET);
    where.push(
      afterPosition(notifications.updatedAt, notifications.id, position, sql`timestamptz`),
    );
  }
  const rows: Notification[] = await tx
    .select(notificationColumns)
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(and(...where))
    .orderBy(desc(notifications.updatedAt), desc(notifications.id))
    .limit(params.limit + 1);
  return pageOf(rows, params.limit, KEYSET, (row) => row.createdAt.toISOString());
}

/**
 * A notification kept out of the app is stored read, so the unread ones are all in it: the
 * count reads the unread index alone (it carries entity_type), never the table.
 */
export async function countUnread(tx: TenantTx, userId: string, entityTypes: string[]) {
  const [row] = await tx
    .select({ unread: sql<number>`count(*)::int` })
    .from(notifications)
    .where(
      and(
        ofOrganization(tx, notifications),
        eq(notifications.userId, userId),
        inArray(notifications.entityType, entityTypes),
        isNull(notifications.readAt),
      ),
    );
  return row?.unread ?? 0;
}

/** Marks one or all of a member's unread notifications read; how many were. */
export async function markNotificationsRead(tx: TenantTx, userId: string, id?: string) {
  const marked = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        ofOrganization(tx, notifications),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return marked.length;
}

export async function notificationExists(tx: TenantTx, userId: string, id: string) {
  const [row] = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        ofOrganization(tx, notifications),
        eq(notifications.userId, userId),
        eq(notifications.id, id),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Tells whoever sent an invitation that it was accepted, if they are still a member (from the
 * identity transaction that accepts it, which may insert exactly this kind of notification).
 */
export async function insertInvitationAcceptedNotice(
  tx: IdentityTx,
  notice: {
    organizationId: string;
    inviterId: string;
    newMemberId: string;
    summary: string;
    inApp: boolean;
  },
): Promise<string | null> {
  const [inviter] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, notice.organizationId),
        eq(memberships.userId, notice.inviterId),
      ),
    );
  if (!inviter) return null;
  // The identity role may not read notifications back, so the id is chosen here.
  const id = randomUUID();
  await tx.insert(notifications).values({
    id,
    organizationId: notice.organizationId,
    userId: notice.inviterId,
    type: 'invitation_accepted',
    summary: notice.summary,
    link: '/team',
    actorId: notice.newMemberId,
    entityType: 'membership',
    entityId: notice.newMemberId,
    groupKey: `invitation_accepted:membership:${notice.newMemberId}`,
    ...(notice.inApp ? {} : { inApp: false, readAt: new Date() }),
  });
  return id;
}

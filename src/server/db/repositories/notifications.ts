import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Notification, NotificationListParams } from '@/schemas/notifications';
import { notifications, users } from '../schema';
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
 * other, or as a new one.
 */
export async function insertOrGroupNotification(tx: TenantTx, row: NotificationRow) {
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
  if (grouped) return;
  await tx.insert(notifications).values({ ...row, organizationId: tx.organizationId });
}

/** One member's notifications about records of these kinds (what their role may read now). */
const inboxOf = (tx: TenantTx, userId: string, entityTypes: string[]) =>
  and(
    ofOrganization(tx, notifications),
    eq(notifications.userId, userId),
    inArray(notifications.entityType, entityTypes),
  );

/** "Ana Lima and 2 others moved …", or the summary alone when the system acted. */
const title = sql<string>`case when ${users.name} is null then ${notifications.summary}
  else ${users.name}
    || case ${notifications.othersCount} when 0 then '' when 1 then ' and 1 other'
       else ' and ' || ${notifications.othersCount} || ' others' end
    || ' ' || ${notifications.summary} end`;

const notificationColumns = {
  id: notifications.id,
  type: notifications.type,
  title,
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

export async function countUnread(tx: TenantTx, userId: string, entityTypes: string[]) {
  const [row] = await tx
    .select({ unread: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(inboxOf(tx, userId, entityTypes), isNull(notifications.readAt)));
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
  notice: { organizationId: string; inviterId: string; newMemberId: string; summary: string },
) {
  await tx.execute(sql`
    insert into notifications
      (organization_id, user_id, type, summary, link, actor_id, entity_type, entity_id, group_key)
    select ${notice.organizationId}, ${notice.inviterId}, 'invitation_accepted', ${notice.summary},
      '/team', ${notice.newMemberId}, 'membership', ${notice.newMemberId},
      ${`invitation_accepted:membership:${notice.newMemberId}`}
    where exists (
      select 1 from memberships
      where organization_id = ${notice.organizationId} and user_id = ${notice.inviterId}
    )`);
}

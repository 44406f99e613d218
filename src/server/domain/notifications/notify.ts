import type { NotificationType } from '@/schemas/notifications';
import { can, type Permission } from '@/schemas/permissions';
import { findMember, listMembers } from '@/server/db/repositories/members';
import { getRecipientSettings } from '@/server/db/repositories/notification-settings';
import { insertOrGroupNotification } from '@/server/db/repositories/notifications';
import type { TenantTx } from '@/server/db/types';
import type { JobQueue } from '@/server/jobs/queue';
import { mayHear } from '../events/visibility';
import { queueDelivery, wantsOtherChannels } from './deliver';

/** Something to tell one member about a record. */
export interface NewNotification {
  type: NotificationType;
  recipientId: string;
  /** The person who acted; null when an API key or the system did. */
  actorId: string | null;
  /** After the actor's name ("assigned you …"), or the whole sentence when there is no actor. */
  summary: string;
  body?: string;
  link: string;
  entityType: string;
  entityId: string | null;
}

/**
 * Delivers a notification in the transaction of the change it tells of, so it exists exactly
 * when the change does, and queues its other channels (e-mail, push, SMS) in that transaction.
 * Nobody is told of their own change, and nobody who is not a member or may not read the
 * record (the inbox and the channels check again, for later demotions). A burst folded into an
 * unread notification is not sent again.
 */
export async function notify(tx: TenantTx, jobs: JobQueue, notification: NewNotification) {
  const { recipientId, actorId, body = '', ...rest } = notification;
  if (recipientId === actorId) return;
  const member = await findMember(tx, recipientId);
  if (!member || !mayHear(member.role, notification)) return;
  const wanted = (await getRecipientSettings(tx, recipientId)).channels[notification.type];
  const id = await insertOrGroupNotification(
    tx,
    {
      ...rest,
      body,
      userId: recipientId,
      actorId,
      groupKey: `${notification.type}:${notification.entityType}:${notification.entityId ?? ''}`,
    },
    { inApp: wanted.inApp },
  );
  if (id && wantsOtherChannels(wanted)) {
    await queueDelivery(tx, jobs, { organizationId: tx.organizationId, notificationId: id });
  }
}

/** The members whose role has a permission now: whom to tell of what only they may act on. */
export async function membersWhoCan(tx: TenantTx, permission: Permission) {
  return (await listMembers(tx)).filter((member) => can(member.role, permission));
}

import type { Logger } from 'pino';
import type { ChannelPreference } from '@/schemas/notification-settings';
import type { SecretBox } from '@/server/crypto/secret-box';
import {
  getRecipientSettings,
  listPushSubscriptions,
} from '@/server/db/repositories/notification-settings';
import {
  countSentSince,
  getNotificationToDeliver,
  getRecipient,
  recordDelivery,
  takeDigest,
} from '@/server/db/repositories/notification-deliveries';
import { getCurrentOrganization } from '@/server/db/repositories/organizations';
import { withTenant } from '@/server/db/tenant';
import type { Database, Transaction, TenantTx } from '@/server/db/types';
import type { JobQueue } from '@/server/jobs/queue';
import { queueMail } from '@/server/mail/outbox';
import { queueSms } from '@/server/sms/outbox';
import { mayHear } from '../events/visibility';
import type { PushJob } from './channel-jobs';
import { digestMail, digestTypes, notificationMail } from './email';
import { nextDigestAt, quietHoursEnd } from './local-time';

/** How many e-mails and SMS one organization may send per hour (NOTIFICATION_*_PER_HOUR). */
export interface SendingLimits {
  emailsPerHour: number;
  smsPerHour: number;
}

export interface ChannelDeps {
  db: Database;
  jobs: JobQueue;
  secretBox: SecretBox;
  appUrl: string;
  limits: SendingLimits;
  logger: Logger;
}

export interface NotificationJob {
  organizationId: string;
  notificationId: string;
}

export interface DigestJob {
  organizationId: string;
  userId: string;
}

const HOUR = 3_600_000;

/** Whether a type goes anywhere besides the app for a person. */
export const wantsOtherChannels = (wanted: ChannelPreference) =>
  wanted.email !== 'off' || wanted.push || wanted.urgent;

/** Asks for a new notification to be carried by its recipient's other channels, in its transaction. */
export async function queueDelivery(
  tx: Transaction,
  jobs: JobQueue,
  job: NotificationJob,
): Promise<void> {
  await jobs.enqueue(tx, 'notification', job);
}

/**
 * Sends a notification by the channels its recipient chose for its type, checking again that
 * they may read its record. Each channel is recorded in the transaction that queues its message,
 * so a job run twice sends nothing twice. In quiet hours, what would interrupt (e-mail at once,
 * push, SMS) waits until they end. Past the organization's hourly limit, e-mail goes to the
 * digest and SMS is not sent.
 */
export async function deliverNotification(deps: ChannelDeps, job: NotificationJob) {
  await withTenant(deps.db, job.organizationId, async (tx) => {
    const notification = await getNotificationToDeliver(tx, job.notificationId);
    if (!notification?.role || !mayHear(notification.role, notification)) return;
    const settings = await getRecipientSettings(tx, notification.userId);
    const wanted = settings.channels[notification.type];
    const now = new Date();

    const interrupts = wanted.email === 'immediate' || wanted.push || wanted.urgent;
    const quietUntil = interrupts
      ? quietHoursEnd(settings.quietHours, settings.timeZone, now)
      : null;
    if (quietUntil) {
      await deps.jobs.enqueue(tx, 'notification', job, { startAfter: quietUntil });
      return;
    }

    const delivery = { notificationId: notification.id, userId: notification.userId };
    if (wanted.email !== 'off') {
      const recipient = await getRecipient(tx, notification.userId);
      const overLimit =
        wanted.email === 'immediate' &&
        (await countSentSince(tx, 'email', new Date(now.getTime() - HOUR))) >=
          deps.limits.emailsPerHour;
      const status = wanted.email === 'immediate' && !overLimit ? 'sent' : 'digest';
      if (recipient && (await recordDelivery(tx, { ...delivery, channel: 'email', status }))) {
        if (status === 'sent') {
          await queueMail(
            deps,
            tx,
            notificationMail({
              to: recipient.email,
              appUrl: deps.appUrl,
              secretBox: deps.secretBox,
              userId: notification.userId,
              notification,
            }),
          );
        } else {
          await scheduleDigest(tx, deps.jobs, notification.userId, settings, now);
        }
      }
    }

    if (wanted.push) {
      const browsers = await listPushSubscriptions(tx, notification.userId);
      if (
        browsers.length &&
        (await recordDelivery(tx, { ...delivery, channel: 'push', status: 'sent' }))
      ) {
        for (const browser of browsers) {
          const push: PushJob = {
            organizationId: job.organizationId,
            subscriptionId: browser.id,
            payload: {
              title: notification.title,
              body: notification.body,
              url: `${deps.appUrl}${notification.link}`,
              tag: `${notification.type}:${notification.entityId ?? notification.id}`,
            },
          };
          await deps.jobs.enqueue(tx, 'push', push);
        }
      }
    }

    if (wanted.urgent && settings.verifiedPhone) {
      const overLimit =
        (await countSentSince(tx, 'sms', new Date(now.getTime() - HOUR))) >= deps.limits.smsPerHour;
      const status = overLimit ? 'limited' : 'sent';
      if ((await recordDelivery(tx, { ...delivery, channel: 'sms', status })) && !overLimit) {
        await queueSms(deps, tx, {
          to: settings.verifiedPhone,
          text: `Clientele: ${notification.title} ${deps.appUrl}${notification.link}`.slice(0, 320),
        });
      } else if (overLimit) {
        deps.logger.warn(
          { organizationId: job.organizationId, limit: deps.limits.smsPerHour },
          'notification SMS over the organization hourly limit; not sent',
        );
      }
    }
  });
}

/**
 * One digest job per member and organization waits for their next local digest hour; what
 * comes for the digest meanwhile joins it (a second job with the same key is not created).
 */
async function scheduleDigest(
  tx: TenantTx,
  jobs: JobQueue,
  userId: string,
  settings: { digestHour: number; timeZone: string },
  now: Date,
) {
  const job: DigestJob = { organizationId: tx.organizationId, userId };
  await jobs.enqueue(tx, 'digest', job, {
    startAfter: nextDigestAt(settings.digestHour, settings.timeZone, now),
    singletonKey: `${tx.organizationId}:${userId}`,
  });
}

/** Sends a member's daily digest of one organization: what waited for it and is still unread. */
export async function sendDigest(deps: ChannelDeps, job: DigestJob) {
  await withTenant(deps.db, job.organizationId, async (tx) => {
    const recipient = await getRecipient(tx, job.userId);
    if (!recipient) return;
    const items = (await takeDigest(tx, job.userId)).filter((item) =>
      mayHear(recipient.role, item),
    );
    if (items.length === 0) return;
    const settings = await getRecipientSettings(tx, job.userId);
    const organization = await getCurrentOrganization(tx);
    await queueMail(
      deps,
      tx,
      digestMail({
        to: recipient.email,
        appUrl: deps.appUrl,
        secretBox: deps.secretBox,
        userId: job.userId,
        organizationName: organization?.name ?? 'Clientele',
        items,
        digestTypes: digestTypes(settings.channels),
      }),
    );
  });
}

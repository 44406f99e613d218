import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { ChannelPreferences } from '@/schemas/notification-settings';
import { belongsTo, createdAt, id, timestamptz } from './columns';
import { organizationId, users } from './identity';
import { notifications } from './notifications';

/**
 * How one person wants to be told, in every organization they belong to: their time zone (for
 * the digest hour and quiet hours), the channels per type of notification (the choices made;
 * defaults fill the rest), and the phone number SMS goes to once verified by a code.
 */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  timeZone: text('time_zone').notNull().default('UTC'),
  digestHour: smallint('digest_hour').notNull().default(8),
  /** Minutes after local midnight; both null when there are no quiet hours. */
  quietStart: smallint('quiet_start'),
  quietEnd: smallint('quiet_end'),
  /** How long before a task of theirs is due the person is reminded of it; 0: only when due. */
  reminderLeadMinutes: smallint('reminder_lead_minutes').notNull().default(15),
  channels: jsonb('channels').$type<Partial<ChannelPreferences>>().notNull().default({}),
  phoneNumber: text('phone_number'),
  phoneVerifiedAt: timestamptz('phone_verified_at'),
  /** SHA-256 of the code last sent to phone_number, until it is entered or expires. */
  phoneCodeHash: text('phone_code_hash'),
  phoneCodeExpiresAt: timestamptz('phone_code_expires_at'),
  phoneCodeAttempts: smallint('phone_code_attempts').notNull().default(0),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** A browser that receives Web Push for its user (the PushSubscription it gave). */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: id(),
    userId: belongsTo('user_id', () => users.id),
    endpoint: text('endpoint').notNull().unique('push_subscriptions_endpoint_unique'),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('push_subscriptions_user_idx').on(t.userId)],
);

/**
 * That a notification went out by a channel other than the app (or is waiting for the digest):
 * one row per notification and channel, so nothing is sent twice, and the count per
 * organization and hour that its sending limits are measured against.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: id(),
    organizationId: organizationId(),
    notificationId: belongsTo('notification_id', () => notifications.id),
    userId: belongsTo('user_id', () => users.id),
    channel: text('channel', { enum: ['email', 'push', 'sms'] }).notNull(),
    /**
     * `sent`; `digest`: waiting for the daily e-mail, `digested` once in it (one e-mail for
     * many, so not counted against the hourly limit); `limited`: over the organization's limit.
     */
    status: text('status', { enum: ['sent', 'digest', 'digested', 'limited'] }).notNull(),
    createdAt: createdAt(),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [
    unique('notification_deliveries_once').on(t.notificationId, t.channel),
    index('notification_deliveries_recent_idx').on(t.organizationId, t.channel, t.createdAt),
    index('notification_deliveries_digest_idx')
      .on(t.organizationId, t.userId)
      .where(sql`${t.status} = 'digest'`),
  ],
);

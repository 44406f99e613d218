import { and, eq, sql } from 'drizzle-orm';
import {
  channelsOf,
  DEFAULT_REMINDER_LEAD_MINUTES,
  type NotificationSettingsInput,
} from '@/schemas/notification-settings';
import { notificationSettings, pushSubscriptions } from '../schema';
import type { IdentityTx, TenantTx } from '../types';

/** What delivering needs to know of a person: everything but the pending phone code. */
const deliveryColumns = {
  timeZone: notificationSettings.timeZone,
  digestHour: notificationSettings.digestHour,
  quietStart: notificationSettings.quietStart,
  quietEnd: notificationSettings.quietEnd,
  reminderLeadMinutes: notificationSettings.reminderLeadMinutes,
  channels: notificationSettings.channels,
  phoneNumber: notificationSettings.phoneNumber,
  phoneVerifiedAt: notificationSettings.phoneVerifiedAt,
};

export interface RecipientSettings {
  timeZone: string;
  digestHour: number;
  quietHours: { start: number; end: number } | null;
  reminderLeadMinutes: number;
  channels: ReturnType<typeof channelsOf>;
  /** The phone number SMS goes to, once verified; null until then. */
  verifiedPhone: string | null;
}

type SettingsRow = {
  [K in keyof typeof deliveryColumns]: (typeof deliveryColumns)[K]['_']['data'] | null;
};

function recipientSettings(row: SettingsRow | undefined): RecipientSettings {
  return {
    timeZone: row?.timeZone ?? 'UTC',
    digestHour: row?.digestHour ?? 8,
    quietHours:
      row?.quietStart != null && row.quietEnd != null
        ? { start: row.quietStart, end: row.quietEnd }
        : null,
    reminderLeadMinutes: row?.reminderLeadMinutes ?? DEFAULT_REMINDER_LEAD_MINUTES,
    channels: channelsOf(row?.channels),
    verifiedPhone: row?.phoneVerifiedAt ? (row.phoneNumber ?? null) : null,
  };
}

/** A member's settings, read while delivering in their organization (defaults if none). */
export async function getRecipientSettings(tx: TenantTx | IdentityTx, userId: string) {
  const [row] = await tx
    .select(deliveryColumns)
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  return recipientSettings(row);
}

/** The same, with the phone number as entered (verified or not), for the settings page. */
export async function getOwnSettings(tx: IdentityTx, userId: string) {
  const [row] = await tx
    .select(deliveryColumns)
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  return {
    ...recipientSettings(row),
    phoneNumber: row?.phoneNumber ?? null,
    phoneVerified: Boolean(row?.phoneVerifiedAt),
  };
}

export async function saveSettings(
  tx: IdentityTx,
  userId: string,
  input: NotificationSettingsInput,
) {
  const values = {
    timeZone: input.timeZone,
    digestHour: input.digestHour,
    quietStart: input.quietHours?.start ?? null,
    quietEnd: input.quietHours?.end ?? null,
    reminderLeadMinutes: input.reminderLeadMinutes,
    channels: input.channels,
    updatedAt: new Date(),
  };
  await tx
    .insert(notificationSettings)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: values });
}

/** Turns e-mail off for one type (or every type): what an unsubscribe link does. */
export async function turnOffEmail(tx: IdentityTx, userId: string, types: readonly string[]) {
  const current = await getOwnSettings(tx, userId);
  const channels = Object.fromEntries(
    types.map((type) => [
      type,
      { ...current.channels[type as keyof typeof current.channels], email: 'off' },
    ]),
  );
  await tx
    .insert(notificationSettings)
    .values({ userId, channels })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: {
        channels: sql`${notificationSettings.channels} || ${JSON.stringify(channels)}::jsonb`,
        updatedAt: new Date(),
      },
    });
}

/** A new phone number, unverified, with the hash of the code sent to it. */
export async function setPendingPhone(
  tx: IdentityTx,
  userId: string,
  phoneNumber: string,
  codeHash: string,
  expiresAt: Date,
) {
  const values = {
    phoneNumber,
    phoneVerifiedAt: null,
    phoneCodeHash: codeHash,
    phoneCodeExpiresAt: expiresAt,
    phoneCodeAttempts: 0,
    updatedAt: new Date(),
  };
  await tx
    .insert(notificationSettings)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: values });
}

/** The pending code, locked: entering it is counted against its attempts. */
export async function getPendingPhoneCode(tx: IdentityTx, userId: string) {
  const [row] = await tx
    .select({
      phoneNumber: notificationSettings.phoneNumber,
      codeHash: notificationSettings.phoneCodeHash,
      expiresAt: notificationSettings.phoneCodeExpiresAt,
      attempts: notificationSettings.phoneCodeAttempts,
    })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId))
    .for('update');
  return row;
}

export async function countPhoneCodeAttempt(tx: IdentityTx, userId: string) {
  await tx
    .update(notificationSettings)
    .set({ phoneCodeAttempts: sql`${notificationSettings.phoneCodeAttempts} + 1` })
    .where(eq(notificationSettings.userId, userId));
}

export async function markPhoneVerified(tx: IdentityTx, userId: string) {
  await tx
    .update(notificationSettings)
    .set({
      phoneVerifiedAt: new Date(),
      phoneCodeHash: null,
      phoneCodeExpiresAt: null,
      phoneCodeAttempts: 0,
      updatedAt: new Date(),
    })
    .where(eq(notificationSettings.userId, userId));
}

export async function removePhone(tx: IdentityTx, userId: string) {
  const removed = await tx
    .update(notificationSettings)
    .set({
      phoneNumber: null,
      phoneVerifiedAt: null,
      phoneCodeHash: null,
      phoneCodeExpiresAt: null,
      phoneCodeAttempts: 0,
      updatedAt: new Date(),
    })
    .where(eq(notificationSettings.userId, userId))
    .returning({ userId: notificationSettings.userId });
  return removed.length > 0;
}

export interface PushSubscriptionRow {
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string;
}

/** Saves a browser's subscription for the user; a browser subscribing again replaces its keys. */
export async function savePushSubscription(
  tx: IdentityTx,
  userId: string,
  subscription: PushSubscriptionRow,
) {
  await tx
    .insert(pushSubscriptions)
    .values({ userId, ...subscription })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: {
        userId,
        p256dh: subscription.p256dh,
        auth: subscription.auth,
        userAgent: subscription.userAgent,
      },
    });
}

export async function deleteOwnPushSubscription(tx: IdentityTx, userId: string, endpoint: string) {
  const deleted = await tx
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return deleted.length > 0;
}

/** What sending to a browser takes: where, and its keys. */
const subscriptionColumns = {
  id: pushSubscriptions.id,
  endpoint: pushSubscriptions.endpoint,
  p256dh: pushSubscriptions.p256dh,
  auth: pushSubscriptions.auth,
};

export async function listPushSubscriptions(tx: TenantTx | IdentityTx, userId: string) {
  return tx
    .select(subscriptionColumns)
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId));
}

/** A subscription its push service says is gone (404 or 410). */
export async function dropPushSubscription(tx: TenantTx, id: string) {
  await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}

/** One browser's subscription, to send to; undefined once it is gone (or its person left). */
export async function getPushSubscription(tx: TenantTx, id: string) {
  const [row] = await tx
    .select(subscriptionColumns)
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.id, id));
  return row;
}

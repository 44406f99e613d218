import { z } from 'zod';
import { NOTIFICATION_TYPES, type NotificationType } from './notifications';

/** What each type of notification is about, as its settings and unsubscribe links name it. */
export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, string> = {
  mentioned: 'Someone mentions me',
  assigned: 'I am assigned a customer, company, deal or task',
  task_due: 'A task of mine is due soon',
  task_overdue: 'A task of mine is overdue',
  deal_stage_changed: 'A deal I own changes stage',
  deal_won: 'A deal I own is won',
  deal_lost: 'A deal I own is lost',
  import_finished: 'An import I started finishes',
  webhook_failing: 'A webhook endpoint keeps failing',
  invitation_accepted: 'Someone accepts my invitation',
};

/**
 * What one organization may send per hour unless configured (NOTIFICATION_EMAILS_PER_HOUR,
 * NOTIFICATION_SMS_PER_HOUR): past them e-mail waits for the digest and SMS are not sent.
 */
export const DEFAULT_SENDING_LIMITS = { emailsPerHour: 200, smsPerHour: 50 } as const;

/** How a type of notification reaches a person by e-mail: at once, in the daily digest, or not. */
export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const channelPreference = z.object({
  inApp: z.boolean(),
  email: z.enum(EMAIL_MODES),
  push: z.boolean(),
  /** Urgent types also go by SMS, to a verified phone number. */
  urgent: z.boolean(),
});
export type ChannelPreference = z.infer<typeof channelPreference>;

export type ChannelPreferences = Record<NotificationType, ChannelPreference>;

/**
 * Until a person chooses: everything in the app and by push (once they allow it on a browser);
 * e-mail at once for what is addressed to them (a mention, an assignment, their own task's
 * time), the rest in the daily digest; nothing by SMS.
 */
export const DEFAULT_CHANNELS: ChannelPreferences = Object.fromEntries(
  NOTIFICATION_TYPES.map((type) => [
    type,
    {
      inApp: true,
      email: ['mentioned', 'assigned', 'task_due', 'task_overdue'].includes(type)
        ? 'immediate'
        : 'digest',
      push: true,
      urgent: false,
    },
  ]),
) as ChannelPreferences;

/** The stored choices over the defaults: a type added later starts with its default. */
export function channelsOf(stored: Partial<ChannelPreferences> | null | undefined) {
  return Object.fromEntries(
    NOTIFICATION_TYPES.map((type) => [type, { ...DEFAULT_CHANNELS[type], ...stored?.[type] }]),
  ) as ChannelPreferences;
}

const minuteOfDay = z.number().int().min(0).max(1439);

/** How long before a task is due its assignee may be reminded, in minutes; 0: only when due. */
export const REMINDER_LEADS = [0, 5, 10, 15, 30, 60, 120, 1440] as const;
export const DEFAULT_REMINDER_LEAD_MINUTES = 15;
const reminderLeadMinutes = z
  .number()
  .int()
  .refine((value) => (REMINDER_LEADS as readonly number[]).includes(value), {
    message: `Choose one of ${REMINDER_LEADS.join(', ')} minutes`,
  });

export const timeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'Use an IANA time zone such as Europe/Lisbon' });

export function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** E.164: a plus, the country code and the number, digits only. */
export const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{7,14}$/, {
    message: 'Use the international format: + and the country code, e.g. +351912345678',
  });

export const notificationSettingsInput = z
  .object({
    timeZone,
    /** The local hour the daily digest is sent at. */
    digestHour: z.number().int().min(0).max(23),
    /** Quiet hours, as minutes after local midnight; null when there are none. */
    quietHours: z.object({ start: minuteOfDay, end: minuteOfDay }).nullable(),
    reminderLeadMinutes,
    channels: z.partialRecord(z.enum(NOTIFICATION_TYPES), channelPreference),
  })
  .refine((value) => !value.quietHours || value.quietHours.start !== value.quietHours.end, {
    message: 'Quiet hours must start and end at different times',
    path: ['quietHours', 'end'],
  });
export type NotificationSettingsInput = z.infer<typeof notificationSettingsInput>;

export const notificationSettingsOutput = z.object({
  timeZone: z.string(),
  digestHour: z.number().int(),
  quietHours: z.object({ start: minuteOfDay, end: minuteOfDay }).nullable(),
  reminderLeadMinutes: z.number().int(),
  channels: z.record(z.enum(NOTIFICATION_TYPES), channelPreference),
  phoneNumber: z.string().nullable(),
  phoneVerified: z.boolean(),
  /** The server's VAPID public key (base64url), null when Web Push is not configured. */
  pushPublicKey: z.string().nullable(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsOutput>;

export const pushSubscriptionInput = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  keys: z.object({
    p256dh: z.string().min(40).max(200),
    auth: z.string().min(16).max(100),
  }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInput>;

export const pushEndpointInput = z.object({ endpoint: z.url().max(2000) });

export const phoneNumberInput = z.object({ phoneNumber });
export const phoneCodeInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code'),
});

import { z } from 'zod';
import { booleanParam, cursor, page, pageLimit, timestamp, uuid } from './common';

/** What a person can be notified of. */
export const NOTIFICATION_TYPES = [
  'mentioned',
  'assigned',
  'task_due',
  'task_overdue',
  'deal_stage_changed',
  'deal_won',
  'deal_lost',
  'import_finished',
  'webhook_failing',
  'invitation_accepted',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const MAX_NOTIFICATION_TITLE_LENGTH = 400;
export const MAX_NOTIFICATION_BODY_LENGTH = 500;

export const notificationOutput = z
  .object({
    id: uuid(),
    type: z.enum(NOTIFICATION_TYPES),
    title: z.string().max(MAX_NOTIFICATION_TITLE_LENGTH).meta({
      description: 'Who did what to which record: "Ana Lima and 2 others moved …".',
    }),
    body: z.string().max(MAX_NOTIFICATION_BODY_LENGTH),
    link: z.string().max(300).meta({ description: 'The path of the record in the app.' }),
    actorId: uuid()
      .nullable()
      .meta({ description: 'The latest person who acted; null for the system.' }),
    othersCount: z.number().int().min(0).meta({
      description: 'How many more people acted in the same burst, grouped into this one.',
    }),
    entityType: z.string().max(40),
    entityId: uuid().nullable(),
    readAt: timestamp().nullable(),
    createdAt: timestamp(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationOutput>;

export const notificationListInput = z.object({
  limit: pageLimit(20),
  cursor: cursor(),
  unread: booleanParam().optional().meta({ description: 'Only unread ones (true).' }),
});
export type NotificationListParams = z.output<typeof notificationListInput>;

export const notificationPage = page(notificationOutput);

export const unreadCountOutput = z.object({ unread: z.number().int().min(0) });

export const markReadOutput = z.object({ marked: z.number().int().min(0) });

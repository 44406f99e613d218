import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { belongsTo, id, refersTo, timestamps, timestamptz } from './columns';
import { notificationTypeEnum } from './enums';
import { organizationId, users } from './identity';

/**
 * What one member is told about: who did what to which record. A burst of the same thing about
 * the same record (`group_key`) folds into one unread notification, counting the others.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    organizationId: organizationId(),
    userId: belongsTo('user_id', () => users.id),
    type: notificationTypeEnum('type').notNull(),
    /** What happened, after the actor's name: "assigned you the task “Call Ada”". */
    summary: text('summary').notNull(),
    body: text('body').notNull().default(''),
    link: text('link').notNull(),
    actorId: refersTo('actor_id', () => users.id),
    othersCount: integer('others_count').notNull().default(0),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    groupKey: text('group_key').notNull(),
    /** False when the member turned the app off for its type: it goes by other channels only. */
    inApp: boolean('in_app').notNull().default(true),
    readAt: timestamptz('read_at'),
    ...timestamps(),
  },
  (t) => [
    index('notifications_inbox_idx').on(
      t.organizationId,
      t.userId,
      t.updatedAt.desc(),
      t.id.desc(),
    ),
    // The unread count, and the unread notification a burst folds into. Migration 0023 adds
    // INCLUDE (entity_type), which Drizzle cannot declare, so the count reads the index alone.
    index('notifications_unread_idx')
      .on(t.organizationId, t.userId, t.groupKey)
      .where(sql`${t.readAt} is null`),
    index('notifications_read_idx')
      .on(t.readAt)
      .where(sql`${t.readAt} is not null`),
  ],
);

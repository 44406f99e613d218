import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, referrersIndex, refersTo, timestamps, timestamptz, version } from './columns';
import { companies } from './companies';
import { customers } from './customers';
import { deals } from './deals';
import { taskPriorityEnum } from './enums';
import { apiKeys, organizationId, users } from './identity';
import { orders } from './orders';

/** Open tasks sort by due time, those without one last. */
export const taskDueKey = sql`coalesce(due_at, 'infinity'::timestamptz)`;

/**
 * Something a member is to do, by a time, perhaps about one record. The record is one of four
 * columns, so each is a real foreign key: a task goes with its record when that is erased.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    organizationId: organizationId(),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
    dueAt: timestamptz('due_at'),
    assigneeId: refersTo('assignee_id', () => users.id),
    priority: taskPriorityEnum('priority').notNull().default('normal'),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'cascade' }),
    dealId: uuid('deal_id').references(() => deals.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'cascade' }),
    completedAt: timestamptz('completed_at'),
    completedById: refersTo('completed_by_id', () => users.id),
    createdById: refersTo('created_by_id', () => users.id),
    /** The API key that created it, which may change it as its creator. */
    createdByApiKeyId: refersTo('created_by_api_key_id', () => apiKeys.id),
    /** The due time whose reminder was sent, and whose passing was announced: each once. */
    dueReminderSentFor: timestamptz('due_reminder_sent_for'),
    overdueAnnouncedFor: timestamptz('overdue_announced_for'),
    version: version(),
    ...timestamps(),
  },
  (t) => {
    const open = sql`${t.completedAt} is null`;
    return [
      // My tasks and the team's, soonest due first.
      index('tasks_open_by_assignee_idx')
        .on(t.organizationId, t.assigneeId, taskDueKey, t.id)
        .where(open),
      index('tasks_open_by_due_idx').on(t.organizationId, taskDueKey, t.id).where(open),
      index('tasks_done_idx')
        .on(t.organizationId, t.completedAt.desc(), t.id.desc())
        .where(sql`${t.completedAt} is not null`),
      index('tasks_org_updated_idx').on(t.organizationId, t.updatedAt, t.id),
      index('tasks_customer_idx')
        .on(t.organizationId, t.customerId)
        .where(sql`${t.customerId} is not null`),
      index('tasks_company_idx')
        .on(t.organizationId, t.companyId)
        .where(sql`${t.companyId} is not null`),
      ...[t.customerId, t.companyId, t.dealId, t.orderId].map((column) =>
        referrersIndex('tasks', column),
      ),
      index('tasks_deal_idx')
        .on(t.organizationId, t.dealId)
        .where(sql`${t.dealId} is not null`),
      index('tasks_order_idx')
        .on(t.organizationId, t.orderId)
        .where(sql`${t.orderId} is not null`),
      check(
        'tasks_about_one_record',
        sql`num_nonnulls(${t.customerId}, ${t.companyId}, ${t.dealId}, ${t.orderId}) <= 1`,
      ),
      check(
        'tasks_completed_by_when_completed',
        sql`${t.completedById} is null or ${t.completedAt} is not null`,
      ),
    ];
  },
);

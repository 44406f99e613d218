import { and, eq, gte, sql, type SQL } from 'drizzle-orm';
import type { Task, TaskCounts, TaskListParams, TaskRelated } from '@/schemas/tasks';
import { tasks } from '../schema';
import type { TenantTx } from '../types';
import { afterPosition, decodeCursor, keysetOrder, pageOf } from './cursor';
import { ofOrganization } from './tenant-rows';

/** The record a task is about, from whichever of its four columns is set. */
const relatedOf = sql<TaskRelated | null>`case
  when ${tasks.customerId} is not null then json_build_object('type', 'customer', 'id', ${tasks.customerId})
  when ${tasks.companyId} is not null then json_build_object('type', 'company', 'id', ${tasks.companyId})
  when ${tasks.dealId} is not null then json_build_object('type', 'deal', 'id', ${tasks.dealId})
  when ${tasks.orderId} is not null then json_build_object('type', 'order', 'id', ${tasks.orderId})
end`;

export const taskColumns = {
  id: tasks.id,
  title: tasks.title,
  notes: tasks.notes,
  dueAt: tasks.dueAt,
  assigneeId: tasks.assigneeId,
  priority: tasks.priority,
  related: relatedOf,
  completedAt: tasks.completedAt,
  completedById: tasks.completedById,
  createdById: tasks.createdById,
  version: tasks.version,
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
};

/** What the permission rules need beside the public shape: the key that created it. */
export type StoredTask = Task & { createdByApiKeyId: string | null };

const RELATED_COLUMN = {
  customer: tasks.customerId,
  company: tasks.companyId,
  deal: tasks.dealId,
  order: tasks.orderId,
} as const;

/** The four record columns, with the one of `related` set and the others cleared. */
export function relatedColumns(related: TaskRelated | null) {
  return {
    customerId: related?.type === 'customer' ? related.id : null,
    companyId: related?.type === 'company' ? related.id : null,
    dealId: related?.type === 'deal' ? related.id : null,
    orderId: related?.type === 'order' ? related.id : null,
  };
}

export async function getTask(
  tx: TenantTx,
  id: string,
  lock = false,
): Promise<StoredTask | undefined> {
  const query = tx
    .select({ ...taskColumns, createdByApiKeyId: tasks.createdByApiKeyId })
    .from(tasks)
    .where(and(ofOrganization(tx, tasks), eq(tasks.id, id)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export interface TaskRow {
  title: string;
  notes: string;
  dueAt: Date | null;
  assigneeId: string | null;
  priority: Task['priority'];
  customerId: string | null;
  companyId: string | null;
  dealId: string | null;
  orderId: string | null;
  completedAt: Date | null;
  completedById: string | null;
}

export async function insertTask(
  tx: TenantTx,
  values: Omit<TaskRow, 'completedAt' | 'completedById'> & {
    createdById: string | null;
    createdByApiKeyId: string | null;
  },
): Promise<string> {
  const [row] = await tx
    .insert(tasks)
    .values({ ...values, organizationId: tx.organizationId })
    .returning({ id: tasks.id });
  return row!.id;
}

/** Writes the given columns of a task, bumping its version. */
export async function writeTask(tx: TenantTx, id: string, values: Partial<TaskRow>) {
  await tx
    .update(tasks)
    .set({ ...values, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(ofOrganization(tx, tasks), eq(tasks.id, id)));
}

export async function deleteTask(tx: TenantTx, id: string) {
  await tx.delete(tasks).where(and(ofOrganization(tx, tasks), eq(tasks.id, id)));
}

/** Open tasks sort by due time, those without one last. */
const dueKey = sql`coalesce(${tasks.dueAt}, 'infinity'::timestamptz)`;
const open = sql`${tasks.completedAt} is null`;

/** The start of tomorrow in a time zone, as a time. */
const endOfToday = (timeZone: string) =>
  sql`((date_trunc('day', now() at time zone ${timeZone}) + interval '1 day') at time zone ${timeZone})`;

/** Which open tasks fall in a due window: before now, later today, or after today (or never). */
function dueWindow(window: NonNullable<TaskListParams['due']>, timeZone: string): SQL {
  switch (window) {
    case 'overdue':
      return sql`${open} and ${tasks.dueAt} < now()`;
    case 'today':
      return sql`${open} and ${tasks.dueAt} >= now() and ${tasks.dueAt} < ${endOfToday(timeZone)}`;
    case 'upcoming':
      return sql`${open} and ${dueKey} >= ${endOfToday(timeZone)}`;
  }
}

/**
 * Tasks, filtered: open ones soonest due first (those without a due time last), completed ones
 * (`completed: true`) most recently completed first. Keyset on (that time, id).
 */
export async function listTasks(tx: TenantTx, params: TaskListParams) {
  const done = params.completed === true;
  const keyset = done
    ? ({ sort: 'completedAt', order: 'desc' } as const)
    : ({ sort: 'dueAt', order: 'asc' } as const);
  const key = done ? sql`${tasks.completedAt}` : dueKey;
  const where: (SQL | undefined)[] = [ofOrganization(tx, tasks)];
  if (params.completed === false) where.push(open);
  if (done) where.push(sql`${tasks.completedAt} is not null`);
  if (params.due) where.push(dueWindow(params.due, params.timeZone));
  if (params.assigneeId) where.push(eq(tasks.assigneeId, params.assigneeId));
  if (params.relatedType && params.relatedId) {
    where.push(eq(RELATED_COLUMN[params.relatedType], params.relatedId));
  } else if (params.relatedType) {
    where.push(sql`${RELATED_COLUMN[params.relatedType]} is not null`);
  } else if (params.relatedId) {
    where.push(
      sql`${params.relatedId}::uuid in (${tasks.customerId}, ${tasks.companyId}, ${tasks.dealId}, ${tasks.orderId})`,
    );
  }
  if (params.updatedSince) where.push(gte(tasks.updatedAt, params.updatedSince));
  if (params.cursor) {
    const position = decodeCursor(params.cursor, keyset);
    where.push(afterPosition(key, tasks.id, position, sql`timestamptz`));
  }
  const rows = await tx
    .select(taskColumns)
    .from(tasks)
    .where(and(...where))
    .orderBy(...keysetOrder(keyset.order, key, tasks.id))
    .limit(params.limit + 1);
  return pageOf(rows, params.limit, keyset, (task) =>
    done ? task.completedAt!.toISOString() : (task.dueAt?.toISOString() ?? 'infinity'),
  );
}

/** How many open tasks of one member are overdue, due later today, and due after. */
export async function countOpenTasks(
  tx: TenantTx,
  assigneeId: string,
  timeZone: string,
): Promise<TaskCounts> {
  const [row] = await tx
    .select({
      overdue: sql<number>`count(*) filter (where ${tasks.dueAt} < now())::int`,
      today: sql<number>`count(*) filter (where ${tasks.dueAt} >= now() and ${tasks.dueAt} < ${endOfToday(timeZone)})::int`,
      upcoming: sql<number>`count(*) filter (where ${dueKey} >= ${endOfToday(timeZone)})::int`,
    })
    .from(tasks)
    .where(and(ofOrganization(tx, tasks), eq(tasks.assigneeId, assigneeId), open));
  return row ?? { overdue: 0, today: 0, upcoming: 0 };
}

/** Which reminders of a task were sent, for the due times they were sent for. */
export async function getReminderState(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({
      dueReminderSentFor: tasks.dueReminderSentFor,
      overdueAnnouncedFor: tasks.overdueAnnouncedFor,
    })
    .from(tasks)
    .where(and(ofOrganization(tx, tasks), eq(tasks.id, id)))
    .limit(1);
  return row;
}

/** Records that a reminder was sent for a due time (not an edit: no version, no updatedAt). */
export async function recordReminderSent(
  tx: TenantTx,
  id: string,
  kind: 'due' | 'overdue',
  dueAt: Date,
) {
  await tx
    .update(tasks)
    .set(kind === 'due' ? { dueReminderSentFor: dueAt } : { overdueAnnouncedFor: dueAt })
    .where(and(ofOrganization(tx, tasks), eq(tasks.id, id)));
}

import type { Task } from '@/schemas/tasks';
import { DEFAULT_REMINDER_LEAD_MINUTES } from '@/schemas/notification-settings';
import { getRecipientSettings } from '@/server/db/repositories/notification-settings';
import { getReminderState, getTask, recordReminderSent } from '@/server/db/repositories/tasks';
import { withTenant } from '@/server/db/tenant';
import type { Database, TenantTx } from '@/server/db/types';
import type { JobQueue } from '@/server/jobs/queue';
import { notify } from '../notifications/notify';

const MINUTE = 60_000;

export interface ReminderJob {
  organizationId: string;
  taskId: string;
  /** `due`: the reminder ahead of the due time; `overdue`: the due time passed. */
  kind: 'due' | 'overdue';
  /** The due time the job was scheduled for (ISO 8601): a rescheduled task ignores it. */
  dueAt: string;
}

/** How long before a task is due its assignee wants the reminder (their setting). */
async function reminderLeadMs(tx: TenantTx, assigneeId: string | null) {
  if (!assigneeId) return DEFAULT_REMINDER_LEAD_MINUTES * MINUTE;
  return (await getRecipientSettings(tx, assigneeId)).reminderLeadMinutes * MINUTE;
}

/**
 * Schedules an open task's reminder (its assignee's lead time ahead) and overdue announcement as
 * durable jobs, in the transaction that set its due time or assignee: the jobs exist exactly
 * when the change does. Times already past are not announced (a task created late is not news
 * to whoever wrote it), except the reminder of a task due soon, which is sent now. Jobs of an
 * earlier due time find the task rescheduled when they run, and do nothing; a reminder job
 * that comes early for the assignee now (another's lead) leaves it to theirs.
 */
export async function scheduleTaskReminders(tx: TenantTx, jobs: JobQueue, task: Task) {
  if (!task.dueAt || task.completedAt) return;
  const now = Date.now();
  const due = task.dueAt.getTime();
  if (due <= now) return;
  const dueAt = task.dueAt.toISOString();
  const lead = await reminderLeadMs(tx, task.assigneeId);
  for (const [kind, at] of [
    ...(lead > 0 ? [['due', new Date(Math.max(now, due - lead))] as const] : []),
    ['overdue', task.dueAt] as const,
  ]) {
    const job: ReminderJob = { organizationId: tx.organizationId, taskId: task.id, kind, dueAt };
    await jobs.enqueue(tx, 'reminder', job, {
      startAfter: at,
      singletonKey: `${task.id}:${kind}:${dueAt}`,
    });
  }
}

/** "14:30 WEST": the due time on the assignee's clock. */
const localTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);

/**
 * Sends one reminder, at most once for its due time whichever instance runs it and however
 * often: the task is locked, and the reminder recorded in the transaction of its notification.
 * A task completed, deleted, unassigned or rescheduled meanwhile is left alone.
 */
export async function sendTaskReminder(deps: { db: Database; jobs: JobQueue }, job: ReminderJob) {
  await withTenant(deps.db, job.organizationId, async (tx) => {
    const task = await getTask(tx, job.taskId, true);
    if (!task?.assigneeId || task.completedAt || task.dueAt?.toISOString() !== job.dueAt) return;
    const { reminderLeadMinutes, timeZone } = await getRecipientSettings(tx, task.assigneeId);
    // Scheduled for an assignee with a longer lead: the current one's own job is still to come.
    const lead = reminderLeadMinutes * MINUTE;
    if (job.kind === 'due' && Date.now() < task.dueAt.getTime() - lead - MINUTE) return;
    const sent = await getReminderState(tx, task.id);
    const sentFor = job.kind === 'due' ? sent?.dueReminderSentFor : sent?.overdueAnnouncedFor;
    if (sentFor?.toISOString() === job.dueAt) return;
    await recordReminderSent(tx, task.id, job.kind, task.dueAt);
    await notify(tx, deps.jobs, {
      type: job.kind === 'due' ? 'task_due' : 'task_overdue',
      recipientId: task.assigneeId,
      actorId: null,
      summary:
        job.kind === 'due'
          ? `Your task “${task.title}” is due at ${localTime(task.dueAt, timeZone)}`
          : `Your task “${task.title}” is overdue`,
      link: '/tasks',
      entityType: 'task',
      entityId: task.id,
    });
  });
}

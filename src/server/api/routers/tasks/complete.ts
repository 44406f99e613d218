import { taskCompleteInput, taskOutput } from '@/schemas/tasks';
import { scheduleTaskReminders } from '@/server/domain/tasks/reminders';
import { completeTask } from '@/server/domain/tasks/tasks';
import { taskActor } from '../acting-member';
import { taskAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';

export const complete = organizationProcedure
  .meta({
    permission: 'tasks:write',
    openapi: {
      method: 'POST',
      path: '/tasks/{id}/complete',
      tags: ['Tasks'],
      summary: 'Complete a task',
      description:
        'Marks the task done, by you, now; `{"completed": false}` opens it again. A task ' +
        'already so is left as it is.',
      protect: true,
      errorResponses: {
        403: 'You neither created the task nor are assigned it, and do not manage tasks.',
      },
    },
  })
  .input(taskCompleteInput)
  .output(taskOutput)
  .mutation(async ({ ctx, input }) => {
    const { before, after, changed } = await completeTask(
      ctx.tx,
      taskActor(ctx),
      input.id,
      input.completed,
    );
    // Reopened: its reminders are due again, if its due time is still ahead.
    if (changed && !after.completedAt) {
      await scheduleTaskReminders(ctx.tx, ctx.services.jobs, after);
    }
    await ctx.auditChange(changed, taskAudits.completed(before, after));
    return after;
  });

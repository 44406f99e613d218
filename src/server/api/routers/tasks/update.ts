import { taskOutput, taskUpdateInput } from '@/schemas/tasks';
import { getTask } from '@/server/db/repositories/tasks';
import { scheduleTaskReminders } from '@/server/domain/tasks/reminders';
import { updateTask } from '@/server/domain/tasks/tasks';
import { taskActor } from '../acting-member';
import { assertIfMatch } from '../../preconditions';
import { taskAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';

export const update = organizationProcedure
  .meta({
    permission: 'tasks:write',
    openapi: {
      method: 'PATCH',
      path: '/tasks/{id}',
      tags: ['Tasks'],
      summary: 'Update a task',
      description:
        'Changes only the fields given. Its creator and assignee may change a task, and so may a ' +
        'manager. Send the `version` you read as `expectedVersion` to be refused (409) if ' +
        'someone changed the task since.',
      protect: true,
      errorResponses: {
        403: 'You neither created the task nor are assigned it, and do not manage tasks.',
        409: 'The task changed since `expectedVersion`.',
      },
    },
  })
  .input(taskUpdateInput)
  .output(taskOutput)
  .mutation(async ({ ctx, input }) => {
    const { id, expectedVersion, ...values } = input;
    if (ctx.ifMatch) assertIfMatch(ctx.ifMatch, taskOutput, await getTask(ctx.tx, id, true));
    const { before, after, changed } = await updateTask(
      ctx.tx,
      taskActor(ctx),
      id,
      values,
      expectedVersion,
    );
    // The reminder follows the due time, and the new assignee's lead time.
    if (
      after.dueAt?.getTime() !== before.dueAt?.getTime() ||
      after.assigneeId !== before.assigneeId
    ) {
      await scheduleTaskReminders(ctx.tx, ctx.services.jobs, after);
    }
    await ctx.auditChange(changed, taskAudits.updated(before, after));
    return after;
  });

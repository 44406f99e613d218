import { idParam } from '@/schemas/common';
import { taskOutput } from '@/schemas/tasks';
import { getTask } from '@/server/db/repositories/tasks';
import { removeTask } from '@/server/domain/tasks/tasks';
import { taskActor } from '../acting-member';
import { assertIfMatch } from '../../preconditions';
import { taskAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';

/** Deletes a task for good: tasks are not restorable, their audit rows remain. */
export const remove = organizationProcedure
  .meta({
    permission: 'tasks:write',
    openapi: {
      method: 'DELETE',
      path: '/tasks/{id}',
      tags: ['Tasks'],
      summary: 'Delete a task',
      description: 'Deletes the task for good. Its creator and assignee may, and so may a manager.',
      protect: true,
      errorResponses: {
        403: 'You neither created the task nor are assigned it, and do not manage tasks.',
      },
    },
  })
  .input(idParam)
  .output(taskOutput)
  .mutation(async ({ ctx, input }) => {
    if (ctx.ifMatch) assertIfMatch(ctx.ifMatch, taskOutput, await getTask(ctx.tx, input.id, true));
    const task = await removeTask(ctx.tx, taskActor(ctx), input.id);
    await ctx.audit(taskAudits.deleted(task));
    return task;
  });

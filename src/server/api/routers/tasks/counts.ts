import { taskCountsInput, taskCountsOutput } from '@/schemas/tasks';
import { countOpenTasks } from '@/server/db/repositories/tasks';
import { AppError } from '@/server/errors';
import { organizationProcedure } from '../../trpc';
import { personOf } from '../acting-member';

/** A member's open tasks by due window: the dashboard's and the task page's figures. */
export const counts = organizationProcedure
  .meta({ permission: 'tasks:read' })
  .input(taskCountsInput)
  .output(taskCountsOutput)
  .query(({ ctx, input }) => {
    const assigneeId = input.assigneeId ?? personOf(ctx.principal) ?? undefined;
    if (!assigneeId) {
      throw new AppError('BAD_REQUEST', 'An API key is no one: name the assignee', {
        issues: [{ path: ['assigneeId'], message: 'is required for an API key' }],
      });
    }
    return countOpenTasks(ctx.tx, assigneeId, input.timeZone);
  });

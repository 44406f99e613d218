import { taskListInput, taskPage } from '@/schemas/tasks';
import { listTasks } from '@/server/db/repositories/tasks';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({
    permission: 'tasks:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/tasks',
      tags: ['Tasks'],
      summary: 'List tasks',
      description:
        'Open tasks soonest due first (those without a due time last); with `completed=true`, ' +
        'the most recently completed first. Filter by assignee, due window, record; follow ' +
        '`nextCursor`.',
      protect: true,
    },
  })
  .input(taskListInput)
  .output(taskPage)
  .query(({ ctx, input }) => listTasks(ctx.tx, input));

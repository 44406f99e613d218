import { idParam } from '@/schemas/common';
import { taskOutput } from '@/schemas/tasks';
import { getTask } from '@/server/db/repositories/tasks';
import { orNotFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const get = organizationProcedure
  .meta({
    permission: 'tasks:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/tasks/{id}',
      tags: ['Tasks'],
      summary: 'Get a task',
      description: 'One task of your organization.',
      protect: true,
    },
  })
  .input(idParam)
  .output(taskOutput)
  .query(async ({ ctx, input }) => orNotFound(await getTask(ctx.tx, input.id), 'Task'));

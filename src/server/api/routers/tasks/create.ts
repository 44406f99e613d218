import { taskCreateInput, taskOutput } from '@/schemas/tasks';
import { scheduleTaskReminders } from '@/server/domain/tasks/reminders';
import { createTask } from '@/server/domain/tasks/tasks';
import { taskActor } from '../acting-member';
import { taskAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';

export const create = organizationProcedure
  .meta({
    permission: 'tasks:write',
    mcp: { destructive: false, idempotent: false },
    openapi: {
      method: 'POST',
      path: '/tasks',
      tags: ['Tasks'],
      summary: 'Create a task',
      description:
        'A task for a member (by default the person creating it), perhaps due at a time and ' +
        'about a customer, company, deal or order of your organization.',
      protect: true,
      successDescription: 'The created task',
      errorResponses: { 404: 'The record given is not one of your organization.' },
    },
  })
  .input(taskCreateInput)
  .output(taskOutput)
  .mutation(async ({ ctx, input }) => {
    const task = await createTask(ctx.tx, taskActor(ctx), input);
    await scheduleTaskReminders(ctx.tx, ctx.services.jobs, task);
    await ctx.audit(taskAudits.created(task));
    return task;
  });

import { emptyInput, idParam } from '@/schemas/common';
import { markReadOutput } from '@/schemas/notifications';
import { markNotificationsRead, notificationExists } from '@/server/db/repositories/notifications';
import { notFound } from '@/server/errors';
import { inboxProcedure } from './inbox';

export const markRead = inboxProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/me/notifications/{id}/read',
      tags: ['Notifications'],
      summary: 'Mark a notification read',
      description: 'One of your notifications; one already read stays as it was.',
      protect: true,
    },
  })
  .input(idParam)
  .output(markReadOutput)
  .mutation(async ({ ctx, input }) => {
    if (!(await notificationExists(ctx.tx, ctx.inbox.userId, input.id))) {
      throw notFound('Notification');
    }
    const marked = await markNotificationsRead(ctx.tx, ctx.inbox.userId, input.id);
    // A person's own reading is no change to the organization's records: not for its trail.
    ctx.nothingChanged();
    return { marked };
  });

export const markAllRead = inboxProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/me/notifications/read-all',
      tags: ['Notifications'],
      summary: 'Mark all my notifications read',
      description: 'Every unread notification of yours; answers how many were marked.',
      protect: true,
    },
  })
  .input(emptyInput.optional())
  .output(markReadOutput)
  .mutation(async ({ ctx }) => {
    const marked = await markNotificationsRead(ctx.tx, ctx.inbox.userId);
    ctx.nothingChanged();
    return { marked };
  });

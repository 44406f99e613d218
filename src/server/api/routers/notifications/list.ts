import { notificationListInput, notificationPage } from '@/schemas/notifications';
import { listNotifications } from '@/server/db/repositories/notifications';
import { inboxProcedure } from './inbox';

export const list = inboxProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/me/notifications',
      tags: ['Notifications'],
      summary: 'List my notifications',
      description:
        "The calling person's notifications, latest first (user-bound credentials only; an API " +
        'key is refused with 403). Bursts about the same record are one notification.',
      protect: true,
    },
  })
  .input(notificationListInput)
  .output(notificationPage)
  .query(({ ctx, input }) =>
    listNotifications(ctx.tx, ctx.inbox.userId, ctx.inbox.entityTypes, input),
  );

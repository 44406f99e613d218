import { emptyInput } from '@/schemas/common';
import { unreadCountOutput } from '@/schemas/notifications';
import { countUnread } from '@/server/db/repositories/notifications';
import { inboxProcedure } from './inbox';

/** The bell's figure. */
export const unreadCount = inboxProcedure
  .input(emptyInput.optional())
  .output(unreadCountOutput)
  .query(async ({ ctx }) => ({
    unread: await countUnread(ctx.tx, ctx.inbox.userId, ctx.inbox.entityTypes),
  }));

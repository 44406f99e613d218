import { z } from 'zod';
import { pushEndpointInput } from '@/schemas/notification-settings';
import { unsubscribeFromPush } from '@/server/domain/notifications/push';
import { accountDeps } from '../../../account-deps';
import { userProcedure } from '../../../trpc';

/** Stops push to a browser of this person's; `removed` is false when it was not subscribed. */
export const unsubscribe = userProcedure
  .input(pushEndpointInput)
  .output(z.object({ removed: z.boolean() }))
  .mutation(async ({ ctx, input }) => ({
    removed: await unsubscribeFromPush(accountDeps(ctx), ctx.principal.userId, input.endpoint),
  }));

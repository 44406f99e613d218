import { z } from 'zod';
import { pushSubscriptionInput } from '@/schemas/notification-settings';
import { subscribeToPush } from '@/server/domain/notifications/push';
import { accountDeps } from '../../../account-deps';
import { userProcedure } from '../../../trpc';

/** This browser's PushSubscription (`subscription.toJSON()`), to receive notifications by push. */
export const subscribe = userProcedure
  .input(pushSubscriptionInput)
  .output(z.object({ subscribed: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await subscribeToPush(
      {
        ...accountDeps(ctx),
        push: ctx.services.push,
        allowPrivateTargets: ctx.services.webhooks.allowPrivateTargets,
      },
      ctx.principal.userId,
      input,
    );
    return { subscribed: true as const };
  });

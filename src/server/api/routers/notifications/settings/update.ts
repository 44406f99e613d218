import { notificationSettingsInput } from '@/schemas/notification-settings';
import { updateNotificationSettings } from '@/server/domain/notifications/settings';
import { accountDeps } from '../../../account-deps';
import { userProcedure } from '../../../trpc';

export const update = userProcedure
  .input(notificationSettingsInput)
  .mutation(async ({ ctx, input }) => {
    await updateNotificationSettings(accountDeps(ctx), ctx.principal.userId, input);
  });

import { notificationSettingsOutput } from '@/schemas/notification-settings';
import { getNotificationSettings } from '@/server/domain/notifications/settings';
import { userProcedure } from '../../../trpc';

/** How the signed-in person is told: channels per type, time zone, digest and quiet hours. */
export const get = userProcedure
  .output(notificationSettingsOutput)
  .query(({ ctx }) =>
    getNotificationSettings(
      ctx.services,
      ctx.principal.userId,
      ctx.services.push?.publicKey ?? null,
    ),
  );

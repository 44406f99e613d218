import { z } from 'zod';
import { connectedAppOutput, grantIdInput } from '@/schemas/oauth-apps';
import { connectedAppsOf, disconnectApp } from '@/server/domain/oauth/connected-apps';
import { accountDeps } from '../../account-deps';
import { userProcedure } from '../../trpc';

export const connectedApps = userProcedure
  .output(z.array(connectedAppOutput))
  .query(({ ctx }) => connectedAppsOf(accountDeps(ctx), ctx.principal.userId));

export const disconnect = userProcedure
  .input(grantIdInput)
  .output(grantIdInput)
  .mutation(async ({ ctx, input }) => {
    await disconnectApp(accountDeps(ctx), ctx.principal.userId, input.grantId);
    return input;
  });

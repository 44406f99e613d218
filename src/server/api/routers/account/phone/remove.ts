import { z } from 'zod';
import { removePhone } from '@/server/domain/accounts/phone';
import { accountDeps } from '../../../account-deps';
import { userProcedure } from '../../../trpc';

export const remove = userProcedure
  .output(z.object({ removed: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await removePhone(accountDeps(ctx), ctx.principal.userId);
    return { removed: true as const };
  });

import { reauthenticationInput } from '@/schemas/account';
import { okOutput } from '@/schemas/common';
import { disableTwoFactor } from '@/server/domain/accounts/two-factor';
import { accountDeps } from '../../../account-deps';
import { userProcedure } from '../../../trpc';

export const disable = userProcedure
  .input(reauthenticationInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await disableTwoFactor(accountDeps(ctx), ctx.principal.userId, input);
    return { ok: true as const };
  });

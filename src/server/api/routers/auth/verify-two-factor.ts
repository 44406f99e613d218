import { twoFactorCodeInput } from '@/schemas/auth';
import { okOutput } from '@/schemas/common';
import { completeTwoFactorSignIn } from '@/server/domain/accounts/two-factor';
import { accountDeps } from '../../account-deps';
import { twoFactorPendingProcedure } from '../../trpc';

export const verifyTwoFactor = twoFactorPendingProcedure
  .input(twoFactorCodeInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await completeTwoFactorSignIn(accountDeps(ctx), ctx.principal, input);
    return { ok: true as const };
  });

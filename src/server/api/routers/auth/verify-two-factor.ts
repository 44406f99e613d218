import { z } from 'zod';
import { twoFactorCodeInput } from '@/schemas/auth';
import { completeTwoFactorSignIn } from '@/server/domain/accounts/two-factor';
import { accountDeps } from '../../account-deps';
import { twoFactorPendingProcedure } from '../../trpc';

export const verifyTwoFactor = twoFactorPendingProcedure
  .input(twoFactorCodeInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await completeTwoFactorSignIn(accountDeps(ctx), ctx.principal, input);
    return { ok: true as const };
  });

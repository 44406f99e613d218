import { passwordResetInput, passwordResetRequestInput } from '@/schemas/auth';
import { okOutput } from '@/schemas/common';
import {
  requestPasswordReset as requestReset,
  resetPassword as reset,
} from '@/server/domain/accounts/password';
import { accountDeps } from '../../account-deps';
import { publicProcedure } from '../../trpc';

/** Always answers the same, whether or not the address has an account. */
export const requestPasswordReset = publicProcedure
  .input(passwordResetRequestInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await requestReset(accountDeps(ctx), input.email);
    return { ok: true as const };
  });

export const resetPassword = publicProcedure
  .input(passwordResetInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await reset(accountDeps(ctx), input);
    return { ok: true as const };
  });

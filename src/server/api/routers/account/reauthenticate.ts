import { reauthenticationInput } from '@/schemas/account';
import { okOutput } from '@/schemas/common';
import { reauthenticate as confirmPassword } from '@/server/domain/accounts/sign-in';
import { accountDeps } from '../../account-deps';
import { userProcedure } from '../../trpc';

/** Confirms the password; for ten minutes the session may then do sensitive things. */
export const reauthenticate = userProcedure
  .input(reauthenticationInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await confirmPassword(accountDeps(ctx), ctx.principal, input.password);
    return { ok: true as const };
  });

import { emailChangeInput } from '@/schemas/account';
import { okOutput } from '@/schemas/common';
import { requestEmailChange as requestChange } from '@/server/domain/accounts/email-change';
import { accountDeps } from '../../account-deps';
import { userProcedure } from '../../trpc';

/** Sends a confirmation link to the new address; the address changes when it is followed. */
export const requestEmailChange = userProcedure
  .input(emailChangeInput)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    await requestChange(accountDeps(ctx), ctx.principal.userId, input);
    return { ok: true as const };
  });

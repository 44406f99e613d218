import { emailVerificationInput, emailVerificationOutput } from '@/schemas/auth';
import { okOutput } from '@/schemas/common';
import {
  resendEmailVerification,
  verifyEmail as verify,
} from '@/server/domain/accounts/email-verification';
import { accountDeps } from '../../account-deps';
import { publicProcedure, userProcedure } from '../../trpc';

/** Public: the link may be opened in a browser that is not signed in. */
export const verifyEmail = publicProcedure
  .input(emailVerificationInput)
  .output(emailVerificationOutput)
  .mutation(({ ctx, input }) => verify(accountDeps(ctx), input.token));

export const resendVerification = userProcedure.output(okOutput).mutation(async ({ ctx }) => {
  await resendEmailVerification(accountDeps(ctx), ctx.principal.userId);
  return { ok: true as const };
});

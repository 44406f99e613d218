import { z } from 'zod';
import { emailVerificationInput } from '@/schemas/auth';
import {
  resendEmailVerification,
  verifyEmail as verify,
} from '@/server/domain/accounts/email-verification';
import { accountDeps } from '../../account-deps';
import { publicProcedure, userProcedure } from '../../trpc';

/** Public: the link may be opened in a browser that is not signed in. */
export const verifyEmail = publicProcedure
  .input(emailVerificationInput)
  .output(z.object({ email: z.string() }))
  .mutation(({ ctx, input }) => verify(accountDeps(ctx), input.token));

export const resendVerification = userProcedure
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await resendEmailVerification(accountDeps(ctx), ctx.principal.userId);
    return { ok: true as const };
  });

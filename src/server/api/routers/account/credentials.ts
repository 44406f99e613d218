import { z } from 'zod';
import { changePasswordInput, emailChangeInput, reauthenticationInput } from '@/schemas/auth';
import { reauthenticate as confirmPassword } from '@/server/domain/accounts/sign-in';
import { requestEmailChange as requestChange } from '@/server/domain/accounts/email-change';
import { changePassword as change } from '@/server/domain/accounts/password';
import { accountDeps } from '../../account-deps';
import { userProcedure } from '../../trpc';

export const changePassword = userProcedure
  .input(changePasswordInput)
  .output(z.object({ sessionsEnded: z.number().int() }))
  .mutation(({ ctx, input }) => change(accountDeps(ctx), ctx.principal, input));

/** Sends a confirmation link to the new address; the address changes when it is followed. */
export const requestEmailChange = userProcedure
  .input(emailChangeInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await requestChange(accountDeps(ctx), ctx.principal.userId, input);
    return { ok: true as const };
  });

/** Confirms the password; for ten minutes the session may then do sensitive things. */
export const reauthenticate = userProcedure
  .input(reauthenticationInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await confirmPassword(accountDeps(ctx), ctx.principal, input.password);
    return { ok: true as const };
  });

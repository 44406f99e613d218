import { okOutput } from '@/schemas/common';
import { signOut as endSession } from '@/server/domain/accounts/sessions';
import { accountDeps, clearSessionCookie } from '../../account-deps';
import { sessionProcedure } from '../../trpc';

export const signOut = sessionProcedure.output(okOutput).mutation(async ({ ctx }) => {
  await endSession(accountDeps(ctx), ctx.principal);
  clearSessionCookie(ctx);
  return { ok: true as const };
});

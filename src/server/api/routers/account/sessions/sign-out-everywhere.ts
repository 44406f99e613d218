import { sessionsEndedOutput } from '@/schemas/account';
import { signOutEverywhere as endAll } from '@/server/domain/accounts/sessions';
import { accountDeps, clearSessionCookie } from '../../../account-deps';
import { userProcedure } from '../../../trpc';

/** Ends every session, this one included. */
export const signOutEverywhere = userProcedure
  .output(sessionsEndedOutput)
  .mutation(async ({ ctx }) => {
    const sessionsEnded = await endAll(accountDeps(ctx), ctx.principal);
    clearSessionCookie(ctx);
    return { sessionsEnded };
  });

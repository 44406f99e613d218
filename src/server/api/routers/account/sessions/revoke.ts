import { sessionRevokeInput, sessionRevokeOutput } from '@/schemas/account';
import { revokeSession } from '@/server/domain/accounts/sessions';
import { accountDeps, clearSessionCookie } from '../../../account-deps';
import { userProcedure } from '../../../trpc';

export const revoke = userProcedure
  .input(sessionRevokeInput)
  .output(sessionRevokeOutput)
  .mutation(async ({ ctx, input }) => {
    await revokeSession(accountDeps(ctx), ctx.principal, input.sessionId);
    const signedOut = input.sessionId === ctx.principal.sessionId;
    if (signedOut) clearSessionCookie(ctx);
    return { signedOut };
  });

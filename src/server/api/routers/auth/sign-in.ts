import { signInInput, signInOutput } from '@/schemas/auth';
import { signIn as signInAccount } from '@/server/domain/accounts/sign-in';
import { accountDeps, setSessionCookie } from '../../account-deps';
import { publicProcedure } from '../../trpc';

export const signIn = publicProcedure
  .input(signInInput)
  .output(signInOutput)
  .mutation(async ({ ctx, input }) => {
    const session = await signInAccount(accountDeps(ctx), input);
    setSessionCookie(ctx, session);
    return { twoFactorRequired: session.twoFactorRequired };
  });

import { z } from 'zod';
import { signInInput } from '@/schemas/auth';
import { signIn as signInAccount } from '@/server/domain/accounts/sign-in';
import { accountDeps, setSessionCookie } from '../../account-deps';
import { publicProcedure } from '../../trpc';

export const signIn = publicProcedure
  .input(signInInput)
  .output(z.object({ twoFactorRequired: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const session = await signInAccount(accountDeps(ctx), input);
    setSessionCookie(ctx, session);
    return { twoFactorRequired: session.twoFactorRequired };
  });

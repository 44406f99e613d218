import { signUpInput, signUpOutput } from '@/schemas/auth';
import { signUp as signUpAccount } from '@/server/domain/accounts/sign-up';
import { accountDeps, setSessionCookie } from '../../account-deps';
import { publicProcedure } from '../../trpc';

export const signUp = publicProcedure
  .input(signUpInput)
  .output(signUpOutput)
  .mutation(async ({ ctx, input }) => {
    const account = await signUpAccount(accountDeps(ctx), input);
    setSessionCookie(ctx, account);
    return { organizationSlug: account.organization.slug };
  });

import { enableTwoFactorInput, recoveryCodesOutput } from '@/schemas/account';
import { enableTwoFactor } from '@/server/domain/accounts/two-factor';
import { accountDeps } from '../../../account-deps';
import { userProcedure } from '../../../trpc';

export const enable = userProcedure
  .input(enableTwoFactorInput)
  .output(recoveryCodesOutput)
  .mutation(({ ctx, input }) => enableTwoFactor(accountDeps(ctx), ctx.principal.userId, input));

import { reauthenticationInput, recoveryCodesOutput } from '@/schemas/account';
import { regenerateRecoveryCodes as regenerate } from '@/server/domain/accounts/two-factor';
import { accountDeps } from '../../../account-deps';
import { userProcedure } from '../../../trpc';

export const regenerateRecoveryCodes = userProcedure
  .input(reauthenticationInput)
  .output(recoveryCodesOutput)
  .mutation(({ ctx, input }) => regenerate(accountDeps(ctx), ctx.principal.userId, input));

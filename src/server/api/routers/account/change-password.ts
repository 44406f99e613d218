import { changePasswordInput, sessionsEndedOutput } from '@/schemas/account';
import { changePassword as change } from '@/server/domain/accounts/password';
import { accountDeps } from '../../account-deps';
import { userProcedure } from '../../trpc';

export const changePassword = userProcedure
  .input(changePasswordInput)
  .output(sessionsEndedOutput)
  .mutation(({ ctx, input }) => change(accountDeps(ctx), ctx.principal, input));

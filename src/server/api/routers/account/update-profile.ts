import { profileInput, profileUpdateOutput } from '@/schemas/account';
import { updateProfile as saveProfile } from '@/server/domain/accounts/sessions';
import { accountDeps } from '../../account-deps';
import { userProcedure } from '../../trpc';

export const updateProfile = userProcedure
  .input(profileInput)
  .output(profileUpdateOutput)
  .mutation(async ({ ctx, input }) => {
    await saveProfile(accountDeps(ctx), ctx.principal.userId, input);
    return { name: input.name };
  });

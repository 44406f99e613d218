import { z } from 'zod';
import { profileInput } from '@/schemas/auth';
import { getProfile, updateProfile as saveProfile } from '@/server/domain/accounts/sessions';
import { accountDeps } from '../../account-deps';
import { userProcedure } from '../../trpc';

export const profile = userProcedure
  .output(
    z.object({
      name: z.string(),
      email: z.string(),
      emailVerified: z.boolean(),
      twoFactorEnabled: z.boolean(),
      recoveryCodesLeft: z.number().int(),
    }),
  )
  .query(({ ctx }) => getProfile(ctx.services, ctx.principal.userId));

export const updateProfile = userProcedure
  .input(profileInput)
  .output(z.object({ name: z.string() }))
  .mutation(async ({ ctx, input }) => {
    await saveProfile(accountDeps(ctx), ctx.principal.userId, input);
    return { name: input.name };
  });

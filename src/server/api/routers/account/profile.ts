import { profileOutput } from '@/schemas/account';
import { getProfile } from '@/server/domain/accounts/sessions';
import { userProcedure } from '../../trpc';

export const profile = userProcedure
  .output(profileOutput)
  .query(({ ctx }) => getProfile(ctx.services, ctx.principal.userId));

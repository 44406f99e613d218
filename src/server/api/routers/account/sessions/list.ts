import { sessionListOutput } from '@/schemas/account';
import { listSessions } from '@/server/domain/accounts/sessions';
import { userProcedure } from '../../../trpc';

export const list = userProcedure
  .output(sessionListOutput)
  .query(({ ctx }) => listSessions(ctx.services, ctx.principal));

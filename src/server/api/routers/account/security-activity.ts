import { securityActivityOutput } from '@/schemas/account';
import { securityActivity as listEvents } from '@/server/domain/accounts/sessions';
import { userProcedure } from '../../trpc';

/** The person's own security events: sign-ins, password and two-factor changes. */
export const securityActivity = userProcedure
  .output(securityActivityOutput)
  .query(({ ctx }) => listEvents(ctx.services, ctx.principal.userId));

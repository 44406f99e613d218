import { TRPCError } from '@trpc/server';
import { organizationProcedure } from '../../trpc';

/**
 * Keys are managed by people only: a leaked key must not be able to mint itself successors.
 */
export const keyManagementProcedure = organizationProcedure
  .meta({ permission: 'api-keys:manage' })
  .use(({ ctx, next }) => {
    if (ctx.principal.kind !== 'user') {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'API keys are managed by people, not by other keys',
      });
    }
    return next({ ctx: { principal: ctx.principal } });
  });

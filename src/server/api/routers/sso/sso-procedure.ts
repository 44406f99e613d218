import { TRPCError } from '@trpc/server';
import type { Principal } from '../../context';
import { organizationProcedure, organizationStreamProcedure } from '../../trpc';

/**
 * Single sign-on is set by people only (owners and admins, sso:manage): a leaked key must not
 * be able to point the organization at a provider of its choosing.
 */
function assertPerson(principal: Principal) {
  if (principal.kind !== 'user') {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Single sign-on is configured by people, not by API keys or apps',
    });
  }
}

export const ssoProcedure = organizationProcedure
  .meta({ permission: 'sso:manage' })
  .use(({ ctx, next }) => {
    assertPerson(ctx.principal);
    return next();
  });

/** The same, without a transaction held open, for work that waits on the provider. */
export const ssoProviderProcedure = organizationStreamProcedure
  .meta({ permission: 'sso:manage' })
  .use(({ ctx, next }) => {
    assertPerson(ctx.principal);
    return next();
  });

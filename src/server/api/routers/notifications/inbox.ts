import { TRPCError } from '@trpc/server';
import { readableEntityTypes } from '@/server/domain/events/visibility';
import { organizationProcedure } from '../../trpc';
import { personOf } from '../acting-member';

/**
 * A person's own inbox in the organization (signed in, or through an app they connected). API
 * keys act for no one, so have none. Only
 * notifications about what the person's role may read now are shown: a demotion hides those
 * it no longer may, without deleting them.
 */
export const inboxProcedure = organizationProcedure
  .meta({ permission: 'notifications:read' })
  .use(({ ctx, next }) => {
    const userId = personOf(ctx.principal);
    if (!userId) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Notifications belong to people: an API key acts for no one',
      });
    }
    return next({
      ctx: {
        inbox: {
          userId,
          entityTypes: readableEntityTypes(ctx.organization.role),
        },
      },
    });
  });

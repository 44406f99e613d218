import { z } from 'zod';
import { emptyInput, uuid } from '@/schemas/common';
import { deleteSsoConnection } from '@/server/db/repositories/sso-connections';
import { ssoConnectionAudit } from '@/server/domain/sso/settings';
import { AppError } from '@/server/errors';
import { ssoProcedure } from './sso-procedure';

/**
 * Turns single sign-on off: nobody signs in through it any more, "SSO only" ends with it, and
 * the sessions it opened end (the provider no longer vouches for them).
 */
export const remove = ssoProcedure
  .input(emptyInput.optional())
  .output(z.object({ id: uuid() }))
  .mutation(async ({ ctx }) => {
    const removed = await deleteSsoConnection(ctx.tx);
    if (!removed) throw new AppError('NOT_FOUND', 'No single sign-on is configured');
    await ctx.audit({
      action: 'sso_connection.deleted',
      entityType: 'sso_connection',
      entityId: removed.id,
      changes: { before: ssoConnectionAudit(removed) },
    });
    return { id: removed.id };
  });

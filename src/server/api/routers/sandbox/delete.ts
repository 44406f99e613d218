import { okOutput } from '@/schemas/common';
import { deleteSandbox } from '@/server/domain/sandbox/delete-sandbox';
import { auditRowOf } from '../../authorize';
import { markWrite } from '../../read-your-writes';
import { organizationStreamProcedure } from '../../trpc';

/**
 * Deletes the sandbox, from itself or from its live organization, in a transaction of its own.
 * Only owners may (org:delete), so no API key can: it is not offered on the REST door.
 */
export const remove = organizationStreamProcedure
  .meta({ permission: 'org:delete' })
  .output(okOutput)
  .mutation(async ({ ctx }) => {
    await deleteSandbox(ctx.db, ctx.organization.id, (organizationId, entry) =>
      auditRowOf(ctx, ctx.actor, organizationId, entry),
    );
    markWrite(ctx);
    return { ok: true as const };
  });

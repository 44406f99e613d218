import { organizationSummary } from '@/schemas/common';
import { createSandbox } from '@/server/domain/sandbox/create-sandbox';
import { auditRowOf } from '../../authorize';
import { markWrite } from '../../read-your-writes';
import { organizationStreamProcedure } from '../../trpc';

/**
 * The organization's sandbox, with its members. It spans two organizations, so it runs in one
 * identity transaction of its own rather than in the caller's tenant transaction.
 */
export const create = organizationStreamProcedure
  .meta({
    permission: 'org:manage',
    openapi: {
      method: 'POST',
      path: '/sandbox',
      tags: ['Sandbox'],
      summary: 'Create the sandbox',
      description:
        'Creates the sandbox of this live organization: an empty organization named ' +
        '"<name> (sandbox)" with the same members in the same roles, whose API keys start ' +
        '`clt_test_`. An organization has one sandbox at most (409), and a sandbox has none (400).',
      protect: true,
    },
  })
  .output(organizationSummary)
  .mutation(async ({ ctx }) => {
    const sandbox = await createSandbox(ctx.db, ctx.organization.id, (organizationId, entry) =>
      auditRowOf(ctx, ctx.actor, organizationId, entry),
    );
    markWrite(ctx);
    return sandbox;
  });

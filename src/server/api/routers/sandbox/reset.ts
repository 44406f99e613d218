import { resetSandboxInput, resetSandboxOutput } from '@/schemas/sandbox';
import { resetSandbox } from '@/server/domain/sandbox/reset-sandbox';
import { organizationProcedure } from '../../trpc';
import { personOf } from '../acting-member';

export const reset = organizationProcedure
  .meta({
    permission: 'org:manage',
    openapi: {
      method: 'POST',
      path: '/sandbox/reset',
      tags: ['Sandbox'],
      summary: 'Reset the sandbox',
      description:
        'Called with a sandbox key: deletes every record of the sandbox (customers, companies, ' +
        'interactions, deals and pipelines, orders, tasks, notifications, imports, saved ' +
        'views) and restores the default pipeline, keeping its members, API keys, webhook ' +
        'endpoints, OAuth apps and audit trail. With `seed`, fills it with demo data too. A ' +
        'live organization cannot be reset (400).',
      protect: true,
    },
  })
  .input(resetSandboxInput)
  .output(resetSandboxOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await resetSandbox(ctx.tx, {
      seed: input.seed,
      personId: personOf(ctx.principal),
    });
    await ctx.audit({
      action: 'sandbox.reset',
      entityType: 'organization',
      entityId: result.organization.id,
      changes: { after: { seeded: result.seeded } },
    });
    return result;
  });

import { interactionCreateInput, interactionOutput } from '@/schemas/interactions';
import { recordInteraction } from '@/server/domain/interactions/interactions';
import { authorOf } from '../acting-member';
import { auditCreated } from './audit-created';
import { organizationProcedure } from '../../trpc';

export const create = organizationProcedure
  .meta({
    permission: 'interactions:write',
    mcp: { destructive: false, idempotent: false },
    openapi: {
      method: 'POST',
      path: '/customers/{customerId}/interactions',
      tags: ['Interactions'],
      summary: 'Record an interaction',
      description: 'A note, call, e-mail or meeting with the customer.',
      protect: true,
    },
  })
  .input(interactionCreateInput)
  .output(interactionOutput)
  .mutation(async ({ ctx, input }) => {
    const interaction = await recordInteraction(ctx.tx, authorOf(ctx.principal), input);
    await auditCreated(ctx.audit, interaction);
    return interaction;
  });

import { dealInteractionCreateInput, interactionOutput } from '@/schemas/interactions';
import { recordInteraction } from '@/server/domain/interactions/interactions';
import { authorOf } from '../acting-member';
import { auditCreated } from './audit-created';
import { organizationProcedure } from '../../trpc';

export const createForDeal = organizationProcedure
  .meta({
    permission: 'interactions:write',
    openapi: {
      method: 'POST',
      path: '/deals/{dealId}/interactions',
      tags: ['Interactions'],
      summary: 'Record an interaction about a deal',
      description:
        'A note, call, e-mail or meeting about the deal (`dealId` is set, `customerId` null); ' +
        "it shows on the deal's timeline.",
      protect: true,
    },
  })
  .input(dealInteractionCreateInput)
  .output(interactionOutput)
  .mutation(async ({ ctx, input }) => {
    const interaction = await recordInteraction(ctx.tx, authorOf(ctx.principal), input);
    await auditCreated(ctx.audit, interaction);
    return interaction;
  });

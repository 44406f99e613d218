import { dealInteractionCreateInput, interactionOutput } from '@/schemas/interactions';
import { recordDealInteraction } from '@/server/domain/interactions/interactions';
import { authorOf } from '../acting-member';
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
    const interaction = await recordDealInteraction(ctx.tx, authorOf(ctx.principal), input);
    await ctx.audit({
      action: 'interaction.created',
      entityType: 'interaction',
      entityId: interaction.id,
      changes: { after: interaction },
      publish: { data: interaction },
    });
    return interaction;
  });

import { idParam, okOutput } from '@/schemas/common';
import { interactionOutput } from '@/schemas/interactions';
import { getInteraction } from '@/server/db/repositories/interactions';
import { removeInteraction } from '@/server/domain/interactions/interactions';
import { orNotFound } from '@/server/errors';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure } from '../../trpc';
import { actingMember } from '../acting-member';

export const remove = organizationProcedure
  .meta({
    permission: 'interactions:write',
    openapi: {
      method: 'DELETE',
      path: '/interactions/{id}',
      tags: ['Interactions'],
      summary: 'Delete an interaction',
      description: 'Deletes it for good. Only its author, or a manager and above, may.',
      protect: true,
    },
  })
  .input(idParam)
  .output(okOutput)
  .mutation(async ({ ctx, input }) => {
    const interaction = orNotFound(await getInteraction(ctx.tx, input.id, true), 'Interaction');
    assertIfMatch(ctx.ifMatch, interactionOutput, interaction);
    await removeInteraction(ctx.tx, actingMember(ctx), interaction);
    await ctx.audit({
      action: 'interaction.deleted',
      entityType: 'interaction',
      entityId: input.id,
      changes: { before: interaction },
      publish: {
        data: { id: interaction.id, customerId: interaction.customerId },
        customerId: interaction.customerId,
      },
    });
    return { ok: true as const };
  });

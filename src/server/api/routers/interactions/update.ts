import { interactionOutput, interactionUpdateInput } from '@/schemas/interactions';
import { getInteraction } from '@/server/db/repositories/interactions';
import { changedFields } from '@/server/domain/audit/changed-fields';
import { changeInteraction } from '@/server/domain/interactions/interactions';
import { orNotFound } from '@/server/errors';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure } from '../../trpc';
import { actingMember } from '../acting-member';

export const update = organizationProcedure
  .meta({
    permission: 'interactions:write',
    openapi: {
      method: 'PATCH',
      path: '/interactions/{id}',
      tags: ['Interactions'],
      summary: 'Change an interaction',
      description: 'Changes the fields given. Only its author, or a manager and above, may.',
      protect: true,
    },
  })
  .input(interactionUpdateInput)
  .output(interactionOutput)
  .mutation(async ({ ctx, input }) => {
    const before = orNotFound(await getInteraction(ctx.tx, input.id, true), 'Interaction');
    assertIfMatch(ctx.ifMatch, interactionOutput, before);
    const { id, ...values } = input;
    const { after, changed } = await changeInteraction(ctx.tx, actingMember(ctx), before, values);
    await ctx.auditChange(changed, {
      action: 'interaction.updated',
      entityType: 'interaction',
      entityId: id,
      changes: changedFields(before, after),
      publish: { data: after, customerId: after.customerId },
    });
    return after;
  });

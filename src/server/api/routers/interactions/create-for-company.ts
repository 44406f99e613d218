import { companyInteractionCreateInput, interactionOutput } from '@/schemas/interactions';
import { recordInteraction } from '@/server/domain/interactions/interactions';
import { authorOf } from '../acting-member';
import { auditCreated } from './audit-created';
import { organizationProcedure } from '../../trpc';

export const createForCompany = organizationProcedure
  .meta({
    permission: 'interactions:write',
    openapi: {
      method: 'POST',
      path: '/companies/{companyId}/interactions',
      tags: ['Interactions'],
      summary: 'Record an interaction with a company',
      description:
        'A note, call, e-mail or meeting about the company as a whole (`customerId` is null); ' +
        "it shows on the company's timeline beside its people's.",
      protect: true,
    },
  })
  .input(companyInteractionCreateInput)
  .output(interactionOutput)
  .mutation(async ({ ctx, input }) => {
    const interaction = await recordInteraction(ctx.tx, authorOf(ctx.principal), input);
    await auditCreated(ctx.audit, interaction);
    return interaction;
  });

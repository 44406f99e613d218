import { z } from 'zod';
import { idParam } from '@/schemas/common';
import {
  interactionCreateInput,
  interactionListInput,
  interactionOutput,
  interactionPage,
  interactionUpdateInput,
} from '@/schemas/interactions';
import { ROLES } from '@/schemas/permissions';
import { getCustomer } from '@/server/db/repositories/customers';
import {
  deleteInteraction,
  getInteraction,
  insertInteraction,
  listInteractions,
  updateInteraction,
} from '@/server/db/repositories/interactions';
import { changedFields } from '@/server/domain/audit/changed-fields';
import { AppError, notFound } from '@/server/errors';
import type { OrganizationAccess, Principal } from '../../context';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure, router } from '../../trpc';

const tags = ['Interactions'];

/** Its author may change or delete an interaction, and so may a manager or anyone above. */
function assertMayModify(
  principal: Principal,
  organization: OrganizationAccess,
  authorId: string | null,
) {
  const isAuthor = principal.kind === 'user' && principal.userId === authorId;
  const atLeastManager = ROLES.indexOf(organization.role) <= ROLES.indexOf('manager');
  if (!isAuthor && !atLeastManager) {
    throw new AppError('FORBIDDEN', 'Only its author or a manager can change this interaction');
  }
}

export const interactionsRouter = router({
  list: organizationProcedure
    .meta({
      permission: 'interactions:read',
      openapi: {
        method: 'GET',
        path: '/customers/{customerId}/interactions',
        tags,
        summary: "A customer's timeline",
        description: 'Notes, calls, e-mails and meetings, newest first.',
        protect: true,
      },
    })
    .input(interactionListInput)
    .output(interactionPage)
    .query(async ({ ctx, input }) => {
      if (!(await getCustomer(ctx.tx, input.customerId))) throw notFound('Customer');
      return listInteractions(ctx.tx, input);
    }),

  create: organizationProcedure
    .meta({
      permission: 'interactions:write',
      openapi: {
        method: 'POST',
        path: '/customers/{customerId}/interactions',
        tags,
        summary: 'Record an interaction',
        description: 'A note, call, e-mail or meeting with the customer.',
        protect: true,
      },
    })
    .input(interactionCreateInput)
    .output(interactionOutput)
    .mutation(async ({ ctx, input }) => {
      if (!(await getCustomer(ctx.tx, input.customerId))) throw notFound('Customer');
      const interaction = await insertInteraction(ctx.tx, {
        ...input,
        authorId: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
        authorApiKeyId: ctx.principal.kind === 'apiKey' ? ctx.principal.apiKeyId : null,
      });
      await ctx.audit({
        action: 'interaction.created',
        entityType: 'interaction',
        entityId: interaction.id,
        changes: { after: { ...interaction, customerId: input.customerId } },
        publish: { data: interaction, customerId: input.customerId },
      });
      return interaction;
    }),

  update: organizationProcedure
    .meta({
      permission: 'interactions:write',
      openapi: {
        method: 'PATCH',
        path: '/interactions/{id}',
        tags,
        summary: 'Change an interaction',
        description: 'Changes the fields given. Only its author, or a manager and above, may.',
        protect: true,
      },
    })
    .input(interactionUpdateInput)
    .output(interactionOutput)
    .mutation(async ({ ctx, input }) => {
      const before = await getInteraction(ctx.tx, input.id, true);
      if (!before) throw notFound('Interaction');
      assertIfMatch(ctx.ifMatch, interactionOutput, before);
      assertMayModify(ctx.principal, ctx.organization, before.authorId);
      const { id, ...values } = input;
      const { after, changed } = await updateInteraction(ctx.tx, before, values);
      if (!changed) {
        ctx.nothingChanged();
        return after;
      }
      await ctx.audit({
        action: 'interaction.updated',
        entityType: 'interaction',
        entityId: id,
        changes: changedFields(before, after),
        publish: { data: after, customerId: after.customerId },
      });
      return after;
    }),

  delete: organizationProcedure
    .meta({
      permission: 'interactions:write',
      openapi: {
        method: 'DELETE',
        path: '/interactions/{id}',
        tags,
        summary: 'Delete an interaction',
        description: 'Deletes it for good. Only its author, or a manager and above, may.',
        protect: true,
      },
    })
    .input(idParam)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const interaction = await getInteraction(ctx.tx, input.id, true);
      if (!interaction) throw notFound('Interaction');
      assertIfMatch(ctx.ifMatch, interactionOutput, interaction);
      assertMayModify(ctx.principal, ctx.organization, interaction.authorId);
      await deleteInteraction(ctx.tx, input.id);
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
    }),
});

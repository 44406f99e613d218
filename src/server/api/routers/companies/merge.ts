import { companyMergeInput, companyMergeOutput } from '@/schemas/companies';
import { mergeCompanies } from '@/server/domain/companies/merge';
import { changedFields } from '@/server/domain/audit/changed-fields';
import { customerAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';

/**
 * Merges a duplicate into this company: one audit row (and event) per person and deal moved,
 * and one for the merge itself.
 */
export const merge = organizationProcedure
  .meta({
    permission: 'companies:merge',
    bulk: true,
    openapi: {
      method: 'POST',
      path: '/companies/{id}/merge',
      tags: ['Companies'],
      summary: 'Merge a company into this one',
      description:
        'Moves the people (with their interactions and orders) and the deals of `sourceId` to this ' +
        'company, completes its empty fields and tags with the source’s (the source’s name is kept in ' +
        '`metadata.formerNames`), and deletes the source (restorable). Each person moved gets a ' +
        '`customer.updated` event, and the merge a `company.merged` event.',
      protect: true,
    },
  })
  .input(companyMergeInput)
  .output(companyMergeOutput)
  .mutation(async ({ ctx, input }) => {
    const merged = await mergeCompanies(ctx.tx, input.id, input.sourceId);
    for (const { before, after } of merged.people) {
      await ctx.audit(customerAudits.updated(before, after));
    }
    const moved = {
      before: { companyId: merged.source.id },
      after: { companyId: merged.after.id },
    };
    const relinked = [
      ['deal', merged.dealIds],
      ['interaction', merged.interactionIds],
    ] as const;
    for (const [entityType, ids] of relinked) {
      for (const entityId of ids) {
        await ctx.audit({ action: `${entityType}.updated`, entityType, entityId, changes: moved });
      }
    }
    const result = {
      company: merged.after,
      sourceId: merged.source.id,
      customersMoved: merged.people.length,
      dealsMoved: merged.dealIds.length,
    };
    const changes = changedFields(merged.before, merged.after);
    await ctx.audit({
      action: 'company.merged',
      entityType: 'company',
      entityId: merged.after.id,
      changes: {
        before: { ...changes.before, sourceId: merged.source.id },
        after: {
          ...changes.after,
          sourceId: merged.source.id,
          sourceName: merged.source.name,
          customersMoved: result.customersMoved,
          dealsMoved: result.dealsMoved,
        },
      },
      publish: {
        data: {
          ...merged.after,
          sourceId: result.sourceId,
          customersMoved: result.customersMoved,
          dealsMoved: result.dealsMoved,
        },
      },
    });
    return result;
  });

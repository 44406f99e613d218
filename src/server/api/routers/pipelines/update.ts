import { pipelineOutput, pipelineUpdateInput } from '@/schemas/pipelines';
import { changedFields } from '@/server/domain/audit/changed-fields';
import { updatePipeline } from '@/server/domain/deals/pipelines';
import { actingMember } from '../acting-member';
import { organizationProcedure } from '../../trpc';

export const update = organizationProcedure
  .meta({
    permission: 'pipelines:manage',
    openapi: {
      method: 'PATCH',
      path: '/pipelines/{id}',
      tags: ['Pipelines'],
      summary: 'Update a pipeline',
      description:
        'Renames the pipeline and, when `stages` is given, makes them exactly that ordered list: ' +
        'existing stages by id, new ones without. A removed stage that holds deals needs ' +
        '`moveDealsTo` naming a stage kept for them (409 naming the stage otherwise).',
      protect: true,
      errorResponses: { 409: 'A removed stage holds deals and `moveDealsTo` does not say where.' },
    },
  })
  .input(pipelineUpdateInput)
  .output(pipelineOutput)
  .mutation(async ({ ctx, input }) => {
    const { before, after, changed, movedDeals } = await updatePipeline(
      ctx.tx,
      input,
      actingMember(ctx).userId,
    );
    if (!changed) {
      ctx.nothingChanged();
      return after;
    }
    const changes = changedFields(before, after);
    await ctx.audit({
      action: 'pipeline.updated',
      entityType: 'pipeline',
      entityId: after.id,
      changes: movedDeals.length
        ? { ...changes, after: { ...changes.after, movedDeals } }
        : changes,
    });
    return after;
  });

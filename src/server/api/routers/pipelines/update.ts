import { pipelineOutput, pipelineUpdateInput } from '@/schemas/pipelines';
import { getDeal } from '@/server/db/repositories/deals';
import { getPipeline } from '@/server/db/repositories/pipelines';
import { changedFields } from '@/server/domain/audit/changed-fields';
import { updatePipeline } from '@/server/domain/deals/pipelines';
import { assertIfMatch } from '../../preconditions';
import { actingMember } from '../acting-member';
import { organizationProcedure } from '../../trpc';

/**
 * Reshapes a pipeline. Besides its own audit row, each deal moved out of a removed stage gets
 * one (and a `deal.stage_changed` event), so it is declared over several records.
 */
export const update = organizationProcedure
  .meta({
    permission: 'pipelines:manage',
    bulk: true,
    openapi: {
      method: 'PATCH',
      path: '/pipelines/{id}',
      tags: ['Pipelines'],
      summary: 'Update a pipeline',
      description:
        'Renames the pipeline and, when `stages` is given, makes them exactly that ordered list: ' +
        'existing stages by id, new ones without. A removed stage that holds deals needs ' +
        '`moveDealsTo` naming a stage kept for them (409 naming the stage otherwise); each deal ' +
        'moved sends `deal.stage_changed`.',
      protect: true,
      errorResponses: { 409: 'A removed stage holds deals and `moveDealsTo` does not say where.' },
    },
  })
  .input(pipelineUpdateInput)
  .output(pipelineOutput)
  .mutation(async ({ ctx, input }) => {
    if (ctx.ifMatch) {
      assertIfMatch(ctx.ifMatch, pipelineOutput, await getPipeline(ctx.tx, input.id, true));
    }
    const { before, after, changed, movedDeals } = await updatePipeline(
      ctx.tx,
      input,
      actingMember(ctx).userId,
    );
    await ctx.auditChange(changed, {
      action: 'pipeline.updated',
      entityType: 'pipeline',
      entityId: after.id,
      changes: changedFields(before, after),
    });
    for (const { id, fromStageId } of movedDeals) {
      const deal = (await getDeal(ctx.tx, id))!;
      await ctx.audit({
        action: 'deal.stage_changed',
        entityType: 'deal',
        entityId: deal.id,
        changes: { before: { stageId: fromStageId }, after: { stageId: deal.stageId } },
        publish: { data: { ...deal, previousStageId: fromStageId } },
      });
    }
    return after;
  });

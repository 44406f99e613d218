import { dealMoveInput, dealOutput } from '@/schemas/deals';
import { moveDeal, stageChangeAudit } from '@/server/domain/deals/deals';
import { actingMember } from '../acting-member';
import { organizationProcedure } from '../../trpc';

/**
 * Moves a deal to another stage of its pipeline. It writes one audit row (and event) for the
 * move and, when the deal is thereby won or lost, a second one for that outcome, so it is
 * declared over several records.
 */
export const move = organizationProcedure
  .meta({
    permission: 'deals:write',
    bulk: true,
    mcp: { destructive: true, idempotent: true },
    openapi: {
      method: 'POST',
      path: '/deals/{id}/move',
      tags: ['Deals'],
      summary: 'Move a deal to another stage',
      description:
        "Moves the deal to a stage of its pipeline; its status follows the stage's kind (closing " +
        'it in a won or lost stage, reopening it in an open one). Sends `deal.stage_changed`, and ' +
        '`deal.won` or `deal.lost` when the deal is won or lost by the move.',
      protect: true,
      errorResponses: { 409: 'The deal changed since `expectedVersion`.' },
    },
  })
  .input(dealMoveInput)
  .output(dealOutput)
  .mutation(async ({ ctx, input }) => {
    const { before, after, moved, changed } = await moveDeal(
      ctx.tx,
      input,
      actingMember(ctx).userId,
    );
    if (!changed) {
      ctx.nothingChanged();
      return after;
    }
    if (!moved) {
      await ctx.audit({
        action: 'deal.updated',
        entityType: 'deal',
        entityId: after.id,
        changes: {
          before: { lostReason: before.lostReason },
          after: { lostReason: after.lostReason },
        },
        publish: { data: after },
      });
      return after;
    }
    await ctx.audit({
      ...stageChangeAudit(before, after),
      publish: { data: { ...after, previousStageId: before.stageId } },
    });
    if (after.status !== 'open' && after.status !== before.status) {
      await ctx.audit({
        action: after.status === 'won' ? 'deal.won' : 'deal.lost',
        entityType: 'deal',
        entityId: after.id,
        changes: { after: { status: after.status, closedAt: after.closedAt } },
        publish: { data: after },
      });
    }
    return after;
  });

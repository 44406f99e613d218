import type { DealBoard, DealBoardParams } from '@/schemas/deals';
import { listDeals, stageTotals } from '@/server/db/repositories/deal-lists';
import { getDefaultPipeline, getPipeline } from '@/server/db/repositories/pipelines';
import type { TenantTx } from '@/server/db/types';
import { notFound } from '@/server/errors';

/** A sum weighted by a probability in percent, to whole minor units. */
export const weighted = (amountCents: number, probability: number) =>
  Math.round((amountCents * probability) / 100);

/**
 * The board of a pipeline: per stage, the count and sums of its deals (the kept totals, or one
 * aggregate query when filtered) and its newest deals (one indexed query per stage, as
 * `deals.list` pages it).
 */
export async function dealBoard(tx: TenantTx, params: DealBoardParams): Promise<DealBoard> {
  const pipeline = params.pipelineId
    ? await getPipeline(tx, params.pipelineId)
    : await getDefaultPipeline(tx);
  if (!pipeline) throw notFound('Pipeline');
  const filters = { ownerId: params.ownerId, companyId: params.companyId };
  const totals = await stageTotals(
    tx,
    pipeline.stages.map((stage) => stage.id),
    filters,
  );
  const stages = [];
  for (const stage of pipeline.stages) {
    const mine = totals.filter((row) => row.stageId === stage.id);
    const page =
      params.perStage > 0
        ? await listDeals(tx, {
            ...filters,
            stageId: stage.id,
            limit: params.perStage,
            sort: 'createdAt',
            order: 'desc',
          })
        : { items: [], nextCursor: null };
    stages.push({
      ...stage,
      count: mine.reduce((sum, row) => sum + row.count, 0),
      totals: mine
        .map((row) => ({
          currency: row.currency,
          amountCents: row.amountCents,
          weightedAmountCents: weighted(row.amountCents, stage.probability),
        }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
      deals: page.items,
      nextCursor: page.nextCursor,
    });
  }
  return { pipeline, stages };
}

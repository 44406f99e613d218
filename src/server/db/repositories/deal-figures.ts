import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { deals, pipelineStages } from '../schema';
import type { TenantTx } from '../types';
import { liveDeals } from './deals';

/** Open deals per currency: count, sum, and sum weighted by their stage's probability. */
export async function openDealTotals(tx: TenantTx) {
  const rows = await tx
    .select({
      currency: deals.currency,
      count: sql<number>`count(*)::int`,
      amountCents: sql<string>`sum(${deals.amountCents})::text`,
      weightedAmountCents: sql<string>`round(sum(${deals.amountCents}::numeric * ${pipelineStages.probability}) / 100)::text`,
    })
    .from(deals)
    .innerJoin(pipelineStages, eq(pipelineStages.id, deals.stageId))
    .where(and(liveDeals(tx), eq(deals.status, 'open')))
    .groupBy(deals.currency)
    .orderBy(deals.currency);
  return rows.map((row) => ({
    currency: row.currency,
    count: row.count,
    amountCents: Number(row.amountCents),
    weightedAmountCents: Number(row.weightedAmountCents),
  }));
}

/** Deals won at or after a time, per currency. */
export async function wonDealTotals(tx: TenantTx, since: Date) {
  const rows = await tx
    .select({
      currency: deals.currency,
      count: sql<number>`count(*)::int`,
      amountCents: sql<string>`sum(${deals.amountCents})::text`,
    })
    .from(deals)
    .where(and(liveDeals(tx), eq(deals.status, 'won'), gte(deals.closedAt, since)))
    .groupBy(deals.currency)
    .orderBy(deals.currency);
  return rows.map((row) => ({ ...row, amountCents: Number(row.amountCents) }));
}

/** Deals closed in [from, to): how many were won and lost, and the mean days to win. */
export async function closedDealFigures(tx: TenantTx, from: Date, to: Date) {
  const won = sql`${deals.status} = 'won'`;
  const [row] = await tx
    .select({
      won: sql<number>`(count(*) filter (where ${won}))::int`,
      lost: sql<number>`(count(*) filter (where ${deals.status} = 'lost'))::int`,
      averageDays: sql<
        string | null
      >`(avg(extract(epoch from ${deals.closedAt} - ${deals.createdAt})) filter (where ${won}) / 86400)::text`,
    })
    .from(deals)
    .where(and(liveDeals(tx), gte(deals.closedAt, from), lt(deals.closedAt, to)));
  return {
    won: row?.won ?? 0,
    lost: row?.lost ?? 0,
    averageDays: row?.averageDays == null ? null : Number(row.averageDays),
  };
}

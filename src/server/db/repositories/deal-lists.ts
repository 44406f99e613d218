import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Deal, DealListParams } from '@/schemas/deals';
import { dealStageTotals, deals } from '../schema';
import type { TenantTx } from '../types';
import { afterPosition, decodeCursor, keysetOrder, pageOf } from './cursor';
import { dealColumns, liveDeals } from './deals';
import { ofOrganization } from './tenant-rows';

/**
 * The sort key of each sort, never null (so it can be a keyset): deals without an expected
 * close date come last in either direction.
 */
function sortKey(sort: DealListParams['sort'], order: 'asc' | 'desc') {
  switch (sort) {
    case 'createdAt':
      return { key: sql`${deals.createdAt}`, type: sql`timestamptz` };
    case 'updatedAt':
      return { key: sql`${deals.updatedAt}`, type: sql`timestamptz` };
    case 'amount':
      return { key: sql`${deals.amountCents}`, type: sql`bigint` };
    case 'expectedCloseDate':
      return {
        key: sql`coalesce(${deals.expectedCloseDate}, ${order === 'asc' ? 'infinity' : '-infinity'}::date)`,
        type: sql`date`,
      };
  }
}

function cursorValue(sort: DealListParams['sort'], order: 'asc' | 'desc', deal: Deal) {
  switch (sort) {
    case 'createdAt':
      return deal.createdAt.toISOString();
    case 'updatedAt':
      return deal.updatedAt.toISOString();
    case 'amount':
      return deal.amountCents;
    case 'expectedCloseDate':
      return deal.expectedCloseDate ?? (order === 'asc' ? 'infinity' : '-infinity');
  }
}

/** The WHERE of the deal list's filters. */
export function dealFilters(
  tx: TenantTx,
  params: Omit<DealListParams, 'limit' | 'cursor' | 'sort' | 'order'>,
) {
  const where: (SQL | undefined)[] = [liveDeals(tx)];
  if (params.pipelineId) where.push(eq(deals.pipelineId, params.pipelineId));
  if (params.stageId) where.push(eq(deals.stageId, params.stageId));
  if (params.status?.length) where.push(inArray(deals.status, params.status));
  if (params.ownerId) where.push(eq(deals.ownerId, params.ownerId));
  if (params.companyId) where.push(eq(deals.companyId, params.companyId));
  if (params.customerId) {
    where.push(
      sql`exists (select 1 from deal_customers dc where dc.deal_id = "deals"."id" and dc.customer_id = ${params.customerId})`,
    );
  }
  if (params.closeFrom) where.push(gte(deals.expectedCloseDate, params.closeFrom));
  if (params.closeTo) where.push(lte(deals.expectedCloseDate, params.closeTo));
  if (params.q) {
    const pattern = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`${deals.title} ilike ${pattern}`);
  }
  if (params.minAmount !== undefined) where.push(gte(deals.amountCents, params.minAmount));
  if (params.maxAmount !== undefined) where.push(lte(deals.amountCents, params.maxAmount));
  if (params.updatedSince) where.push(gte(deals.updatedAt, params.updatedSince));
  return and(...where);
}

/** Live deals, filtered and sorted; keyset on (sort key, id). */
export async function listDeals(tx: TenantTx, params: DealListParams) {
  const { sort, order } = params;
  const { key, type } = sortKey(sort, order);
  const where: (SQL | undefined)[] = [dealFilters(tx, params)];
  if (params.cursor) {
    const position = decodeCursor(params.cursor, { sort, order });
    where.push(afterPosition(key, deals.id, position, type));
  }
  const rows = await tx
    .select(dealColumns)
    .from(deals)
    .where(and(...where))
    .orderBy(...keysetOrder(order, key, deals.id))
    .limit(params.limit + 1);
  return pageOf(rows, params.limit, { sort, order }, (deal) => cursorValue(sort, order, deal));
}

/**
 * Count and sums per stage and currency of the live deals of these stages. Unfiltered, they
 * come from deal_stage_totals, which a trigger keeps exact: O(stages) rows whatever the number
 * of deals. Filtered by owner or company, no totals are kept, so one aggregate reads the
 * matching deals, bounded by the (organization, owner) and (organization, company) indexes.
 */
export async function stageTotals(
  tx: TenantTx,
  stageIds: string[],
  filters: { ownerId?: string; companyId?: string },
) {
  if (stageIds.length === 0) return [];
  if (!filters.ownerId && !filters.companyId) return keptStageTotals(tx, stageIds);
  const rows = await tx
    .select({
      stageId: deals.stageId,
      currency: deals.currency,
      count: sql<number>`count(*)::int`,
      amountCents: sql<string>`sum(${deals.amountCents})::text`,
    })
    .from(deals)
    .where(
      and(
        liveDeals(tx),
        inArray(deals.stageId, stageIds),
        filters.ownerId ? eq(deals.ownerId, filters.ownerId) : undefined,
        filters.companyId ? eq(deals.companyId, filters.companyId) : undefined,
      ),
    )
    .groupBy(deals.stageId, deals.currency);
  return rows.map((row) => ({ ...row, amountCents: Number(row.amountCents) }));
}

/** The totals the deal_stage_totals trigger keeps, for these stages. */
async function keptStageTotals(tx: TenantTx, stageIds: string[]) {
  const rows = await tx
    .select({
      stageId: dealStageTotals.stageId,
      currency: dealStageTotals.currency,
      count: dealStageTotals.dealCount,
      amountCents: dealStageTotals.amountCents,
    })
    .from(dealStageTotals)
    .where(and(ofOrganization(tx, dealStageTotals), inArray(dealStageTotals.stageId, stageIds)));
  return rows.map((row) => ({
    ...row,
    count: Number(row.count),
    amountCents: Number(row.amountCents),
  }));
}

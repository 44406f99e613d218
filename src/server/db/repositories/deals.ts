import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Deal } from '@/schemas/deals';
import { companies, customers, dealCustomers, dealStageChanges, deals } from '../schema';
import type { TenantTx } from '../types';
import { ofOrganization } from './tenant-rows';
import { liveCompanies } from './company-columns';
import { live } from './customer-columns';

/** A deal's live people, the longest-known first, read with the deal. */
const customerIdsOf = sql<string[]>`coalesce((
  select json_agg(dc.customer_id order by c.created_at, c.id)
  from deal_customers dc join customers c on c.id = dc.customer_id
  where dc.deal_id = "deals"."id" and c.deleted_at is null
), '[]'::json)`;

export const dealColumns = {
  id: deals.id,
  title: deals.title,
  pipelineId: deals.pipelineId,
  stageId: deals.stageId,
  status: deals.status,
  amountCents: deals.amountCents,
  currency: deals.currency,
  expectedCloseDate: deals.expectedCloseDate,
  ownerId: deals.ownerId,
  companyId: deals.companyId,
  customerIds: customerIdsOf,
  lostReason: deals.lostReason,
  closedAt: deals.closedAt,
  stageEnteredAt: deals.stageEnteredAt,
  version: deals.version,
  createdAt: deals.createdAt,
  updatedAt: deals.updatedAt,
};

export const ofTenant = (tx: TenantTx) => eq(deals.organizationId, tx.organizationId);
export const liveDeals = (tx: TenantTx) => and(ofTenant(tx), isNull(deals.deletedAt));

/** A live deal (or a deleted one, when asked), locked for update when asked. */
export async function getDeal(
  tx: TenantTx,
  id: string,
  options: { lock?: boolean; deleted?: boolean } = {},
): Promise<Deal | undefined> {
  const query = tx
    .select(dealColumns)
    .from(deals)
    .where(
      and(
        ofTenant(tx),
        eq(deals.id, id),
        options.deleted ? isNotNull(deals.deletedAt) : isNull(deals.deletedAt),
      ),
    )
    .limit(1);
  const [row] = options.lock ? await query.for('update', { of: deals }) : await query;
  return row;
}

export interface DealValues {
  title: string;
  stageId: string;
  amountCents: number;
  currency: string;
  expectedCloseDate: string | null;
  ownerId: string | null;
  companyId: string | null;
  lostReason: string | null;
}

/** A new deal; the trigger sets its pipeline, status and times from the stage. */
export async function insertDeal(
  tx: TenantTx,
  values: DealValues & { pipelineId: string; customerIds: string[] },
): Promise<string> {
  const { customerIds, ...row } = values;
  const [inserted] = await tx
    .insert(deals)
    .values({ ...row, organizationId: tx.organizationId })
    .returning({ id: deals.id });
  await setDealCustomers(tx, inserted!.id, customerIds);
  return inserted!.id;
}

/** Replaces the people of a deal. */
export async function setDealCustomers(tx: TenantTx, dealId: string, customerIds: string[]) {
  await tx
    .delete(dealCustomers)
    .where(
      and(eq(dealCustomers.organizationId, tx.organizationId), eq(dealCustomers.dealId, dealId)),
    );
  if (customerIds.length === 0) return;
  await tx
    .insert(dealCustomers)
    .values(
      customerIds.map((customerId) => ({ organizationId: tx.organizationId, dealId, customerId })),
    );
}

/** Re-reads the status of the deals of a stage whose kind changed (the trigger sets it). */
export async function refreshDealStatus(tx: TenantTx, stageId: string) {
  await tx
    .update(deals)
    .set({
      stageId: sql`${deals.stageId}`,
      version: sql`${deals.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(ofTenant(tx), eq(deals.stageId, stageId)));
}

/** Writes the given columns of a live deal, bumping its version. */
export async function writeDeal(
  tx: TenantTx,
  id: string,
  values: Partial<DealValues & { deletedAt: Date | null }>,
  where: SQL | undefined = isNull(deals.deletedAt),
) {
  const [row] = await tx
    .update(deals)
    .set({ ...values, version: sql`${deals.version} + 1`, updatedAt: new Date() })
    .where(and(ofTenant(tx), eq(deals.id, id), where))
    .returning({ id: deals.id });
  return row?.id;
}

export async function insertStageChange(
  tx: TenantTx,
  change: {
    dealId: string;
    fromStageId: string | null;
    toStageId: string;
    changedById: string | null;
  },
) {
  await tx.insert(dealStageChanges).values({ ...change, organizationId: tx.organizationId });
}

/**
 * Moves every deal (live or deleted) of one stage to another, bumping their versions; the live
 * ones get a stage-change row. Returns the ids of the live deals moved.
 */
export async function moveAllDeals(
  tx: TenantTx,
  fromStageId: string,
  toStageId: string,
  changedById: string | null,
): Promise<string[]> {
  const moved = await tx
    .update(deals)
    .set({ stageId: toStageId, version: sql`${deals.version} + 1`, updatedAt: new Date() })
    .where(and(ofTenant(tx), eq(deals.stageId, fromStageId)))
    .returning({ id: deals.id, deletedAt: deals.deletedAt });
  const live = moved.filter((deal) => deal.deletedAt === null).map((deal) => deal.id);
  if (live.length > 0) {
    await tx.insert(dealStageChanges).values(
      live.map((dealId) => ({
        organizationId: tx.organizationId,
        dealId,
        fromStageId,
        toStageId,
        changedById,
      })),
    );
  }
  return live;
}

/** How many deals (live, and all) each of these stages holds. */
export async function dealCountsByStage(tx: TenantTx, stageIds: string[]) {
  const counts = new Map<string, { live: number; all: number }>();
  if (stageIds.length === 0) return counts;
  const rows = await tx
    .select({
      stageId: deals.stageId,
      live: sql<number>`(count(*) filter (where ${deals.deletedAt} is null))::int`,
      all: sql<number>`count(*)::int`,
    })
    .from(deals)
    .where(and(ofTenant(tx), inArray(deals.stageId, stageIds)))
    .groupBy(deals.stageId);
  for (const { stageId, ...count } of rows) counts.set(stageId, count);
  return counts;
}

export async function stageHistory(tx: TenantTx, dealId: string) {
  return tx
    .select({
      id: dealStageChanges.id,
      fromStageId: dealStageChanges.fromStageId,
      toStageId: dealStageChanges.toStageId,
      changedById: dealStageChanges.changedById,
      changedAt: dealStageChanges.changedAt,
    })
    .from(dealStageChanges)
    .where(and(ofOrganization(tx, dealStageChanges), eq(dealStageChanges.dealId, dealId)))
    .orderBy(dealStageChanges.changedAt, dealStageChanges.id);
}

/** Whether the id names a live company of the organization. */
export async function isLiveCompany(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(and(liveCompanies(tx), eq(companies.id, id)))
    .limit(1);
  return row !== undefined;
}

/** Those of the ids that name no live customer of the organization. */
export async function missingCustomers(tx: TenantTx, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(live(tx), inArray(customers.id, ids)));
  const found = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !found.has(id));
}

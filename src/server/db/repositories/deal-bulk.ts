import { and, count, desc, inArray, sql } from 'drizzle-orm';
import { deals } from '../schema';
import type { TenantTx } from '../types';
import { liveDeals } from './deals';

const titleKey = sql<string>`lower(${deals.title})`;

/** Live deals with these (lower-cased) titles, to match imported rows. */
export async function liveDealsTitled(tx: TenantTx, titles: string[]) {
  if (titles.length === 0) return [];
  return tx
    .select({
      id: deals.id,
      title: titleKey,
      companyId: deals.companyId,
      pipelineId: deals.pipelineId,
    })
    .from(deals)
    .where(and(liveDeals(tx), inArray(titleKey, titles)))
    .orderBy(deals.createdAt, deals.id);
}

/** The currency most of the organization's deals are in, if it has any. */
export async function mostUsedDealCurrency(tx: TenantTx): Promise<string | undefined> {
  const [row] = await tx
    .select({ currency: deals.currency })
    .from(deals)
    .where(liveDeals(tx))
    .groupBy(deals.currency)
    .orderBy(desc(count()), deals.currency)
    .limit(1);
  return row?.currency;
}

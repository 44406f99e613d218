import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { customers, orders } from '@/server/db/schema';
import type { TenantTx } from '@/server/db/types';

/**
 * The order number a search term names, as people write it: "1042", "#1042", "ORD-1042",
 * "order 1042". Anything else names no order.
 */
export function orderNumberIn(term: string): number | undefined {
  const match = /^(?:ord(?:er)?[\s-]*)?(?:no\.?\s*)?#?\s*(\d{1,9})$/i.exec(term.trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  return number >= 1 && number <= 2_147_483_647 ? number : undefined;
}

/**
 * The organization's orders whose number is the one asked for or starts with its digits
 * ("104" finds #1042 and #1043): the exact one first, then the others in number order.
 */
export async function ordersByNumber(tx: TenantTx, number: number, limit: number) {
  const digits = String(number);
  return tx
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      currency: orders.currency,
      totalCents: orders.totalCents,
      customerName: sql<
        string | null
      >`case when ${customers.id} is null then null else trim(${customers.firstName} || ' ' || ${customers.lastName}) end`,
    })
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(
      and(
        eq(orders.organizationId, tx.organizationId),
        sql`(${orders.number} = ${number} or ${orders.number}::text like ${`${digits}%`})`,
      ),
    )
    .orderBy(desc(sql`${orders.number} = ${number}`), asc(orders.number))
    .limit(limit);
}

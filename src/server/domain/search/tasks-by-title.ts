import { and, desc, eq, sql } from 'drizzle-orm';
import { tasks } from '@/server/db/schema';
import type { TenantTx } from '@/server/db/types';

/**
 * The organization's tasks whose title contains the term, case-insensitively: a title that is
 * the term first, then titles that start with it, then the rest; open tasks before done ones,
 * newest first within each.
 */
export async function tasksByTitle(tx: TenantTx, term: string, limit: number) {
  const needle = term.toLowerCase();
  const escaped = needle.replace(/[\\%_]/g, (c) => `\\${c}`);
  const title = sql`lower(${tasks.title})`;
  return tx
    .select({
      id: tasks.id,
      title: tasks.title,
      dueAt: tasks.dueAt,
      completedAt: tasks.completedAt,
      customerId: tasks.customerId,
      companyId: tasks.companyId,
      dealId: tasks.dealId,
      orderId: tasks.orderId,
    })
    .from(tasks)
    .where(and(eq(tasks.organizationId, tx.organizationId), sql`${title} like ${`%${escaped}%`}`))
    .orderBy(
      desc(sql`${title} = ${needle}`),
      desc(sql`${title} like ${`${escaped}%`}`),
      sql`${tasks.completedAt} is not null`,
      desc(tasks.createdAt),
    )
    .limit(limit);
}

import { sql } from 'drizzle-orm';
import { MAX_LISTED_TAGS, type TagUse } from '@/schemas/tags';
import { companies, customers } from '../schema';
import { rows } from '../rows';
import type { TenantTx } from '../types';
import { liveCompanies } from './company-columns';
import { live as liveCustomers } from './customer-columns';

/**
 * The tags the organization's live customers and companies carry, the most used first, then
 * alphabetically: what a tag box suggests. Counted, sorted and cut in one statement.
 */
export async function listTags(tx: TenantTx): Promise<TagUse[]> {
  const result = await tx.execute(sql`
    select tag, count(*)::int as uses
    from (
      select unnest(${customers.tags}) as tag from ${customers} where ${liveCustomers(tx)}
      union all
      select unnest(${companies.tags}) as tag from ${companies} where ${liveCompanies(tx)}
    ) as each_tag
    group by tag
    order by uses desc, tag
    limit ${MAX_LISTED_TAGS}`);
  return rows<{ tag: string; uses: number | string }>(result).map((row) => ({
    tag: row.tag,
    uses: Number(row.uses),
  }));
}

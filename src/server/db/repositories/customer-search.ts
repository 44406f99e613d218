import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { customers } from '../schema';
import type { TenantTx } from '../types';

/** A search's rows and how well each matches (higher first), as an integer sort key. */
export interface CustomerSearch {
  where: SQL;
  score: SQL<number>;
}

/**
 * pg_trgm's word similarity only preselects the candidates of a misspelt search (served by the
 * trigram index on search_names); clientele_typo_distance then keeps those within a typo or
 * two of every word. 0.3 lets one typo in a four-letter word through the preselection.
 */
const CANDIDATE_SIMILARITY = '0.3';
const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What a search finds, best first:
 * - a whole e-mail address: its customer alone;
 * - when anything contains the term: those, an exact field (name, e-mail, company) first, then
 *   whole words, then word starts, then the rest ("Number 25" before "Number 251");
 * - otherwise, names and companies within a typo or two of each word ("jonh", "Appelseed"),
 *   fewest typos first — never e-mail domains, whose "com" resembles every short word.
 */
export async function customerSearch(tx: TenantTx, q: string): Promise<CustomerSearch> {
  const term = q.toLowerCase().trim().replace(/\s+/g, ' ');
  const live = and(eq(customers.organizationId, tx.organizationId), isNull(customers.deletedAt));
  if (EMAIL_ADDRESS.test(term)) {
    // Found through the unique index, where the address's trigrams ("exa", "com", …) would make
    // the substring search read most of the table.
    const [owner] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(live, isNotNull(customers.email), sql`lower(${customers.email}) = ${term}`))
      .limit(1);
    if (owner) return { where: eq(customers.id, owner.id), score: sql<number>`4000::int` };
  }

  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const contains = sql`${customers.searchText} like ${pattern}`;
  const [anyContains] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(live, contains))
    .limit(1);
  if (anyContains) {
    const tier = sql`case
      when ${term} in (lower(${customers.email}), ${customers.nameSort}, ${customers.companySort},
        lower(${customers.firstName}), lower(${customers.lastName})) then 4
      when strpos(' ' || ${customers.searchNames} || ' ', ${` ${term} `}) > 0 then 3
      when strpos(' ' || ${customers.searchText}, ${` ${term}`}) > 0 then 2
      else 1 end`;
    return {
      where: contains,
      score: sql<number>`(${tier} * 1000 + floor(similarity(${term}, ${customers.searchNames}) * 999))::int`,
    };
  }

  await tx.execute(
    sql`select set_config('pg_trgm.word_similarity_threshold', ${CANDIDATE_SIMILARITY}, true)`,
  );
  const typos = sql`clientele_typo_distance(${term}, ${customers.searchNames})`;
  return {
    where: sql`${term} <% ${customers.searchNames} and ${typos} is not null`,
    score: sql<number>`greatest(0, 1000 - 100 * ${typos} + floor(similarity(${term}, ${customers.searchNames}) * 99))::int`,
  };
}

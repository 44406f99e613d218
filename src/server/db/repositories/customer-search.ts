import { and, eq, isNotNull, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import { customers } from '../schema';
import type { TenantTx } from '../types';

/**
 * The rows a search finds and, when it ranks them, the same rows in tiers, best first (each
 * tier is listed newest first). A search for a misspelt name has no tiers: newest first.
 */
export interface CustomerSearch {
  where: SQL;
  tiers?: SQL[];
}

/**
 * pg_trgm's word similarity only preselects the candidates of a misspelt search;
 * clientele_typo_distance then keeps those within a typo or two of every word. 0.3 lets one
 * typo in a four-letter word through the preselection.
 */
const CANDIDATE_SIMILARITY = '0.3';
const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The last code point: every text that starts with a prefix sorts before prefix + this. */
const HIGHEST = '\u{10FFFF}';

const lastName = sql`${customers.lastNameSort} collate "C"`;
const fullName = sql`${customers.nameSort} collate "C"`;
const company = sql`${customers.companySort} collate "C"`;

/**
 * Text that begins with the prefix, as a range of the byte order, which an index answers inside
 * a tenant's transaction: row security lets an index serve only leakproof conditions, which
 * comparisons of columns are, and LIKE, trigram operators and functions such as lower() are not.
 */
const startsWith = (column: SQL, prefix: string) =>
  sql`(${column} >= ${prefix} and ${column} < ${prefix + HIGHEST})`;

/**
 * What a search finds, best first:
 * - a whole e-mail address: its customer alone;
 * - when anything contains the term: a field that is the term (first, last or full name,
 *   company), then a name or company that starts with it ("Number 25" before "Number 251"),
 *   then anything that contains it; each tier newest first, so a page costs a few index lookups
 *   and a walk by date that stops when the page is full;
 * - otherwise, names and companies within a typo or two of each word ("jonh", "Appelseed"),
 *   never e-mail domains, whose "com" resembles every short word; newest first.
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
      .where(and(live, isNotNull(customers.emailKey), eq(customers.emailKey, term)))
      .limit(1);
    if (owner) return { where: eq(customers.id, owner.id) };
  }

  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const contains = sql`${customers.searchText} like ${pattern}`;
  const [anyContains] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(live, contains))
    .limit(1);
  if (anyContains) {
    const exact = or(
      eq(customers.nameSort, term),
      eq(customers.companySort, term),
      // In the byte order of its index: an index serves only comparisons in its own collation.
      sql`${lastName} = ${term}`,
      startsWith(fullName, `${term} `),
    )!;
    const start = or(
      startsWith(fullName, term),
      startsWith(lastName, term),
      startsWith(company, term),
    )!;
    return {
      where: contains,
      tiers: [exact, and(start, not(exact))!, and(contains, not(exact), not(start))!],
    };
  }

  await tx.execute(
    sql`select set_config('pg_trgm.word_similarity_threshold', ${CANDIDATE_SIMILARITY}, true)`,
  );
  const typos = sql`clientele_typo_distance(${term}, ${customers.searchNames})`;
  return { where: sql`${term} <% ${customers.searchNames} and ${typos} is not null` };
}

import { and, desc, eq, isNotNull, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import { SEARCH_BUDGET } from '@/schemas/customers';
import { rows } from '../rows';
import { customers } from '../schema';
import type { TenantTx } from '../types';

/**
 * The rows a search finds and, when it ranks them, the same rows in tiers, best first (each
 * tier is listed newest first). A search for a misspelt name has no tiers: newest first.
 * `walks` when `where` (and the last tier) is tested row by row along the list's order rather
 * than found through an index: such a read examines at most SEARCH_BUDGET customers a request.
 */
export interface CustomerSearch {
  where: SQL;
  tiers?: SQL[];
  /** The part of `where` an index finds at any age: counted beyond the budget too. */
  indexed?: SQL;
  walks: boolean;
}

const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The last code point: every text that starts with a prefix sorts before prefix + this. */
const HIGHEST = '\u{10FFFF}';
/** Text as a LIKE pattern matches it literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
/** Words as a text[] parameter list (drizzle expands an array value into separate values). */
const textArray = (words: string[]) =>
  sql`array[${sql.join(
    words.map((word) => sql`${word}`),
    sql`, `,
  )}]::text[]`;

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
 *   never e-mail domains, whose "com" resembles every short word; newest first;
 * - where only the newest SEARCH_BUDGET customers were checked for the term, both of the last.
 */
export async function customerSearch(tx: TenantTx, q: string): Promise<CustomerSearch> {
  const term = q.toLowerCase().trim().replace(/\s+/g, ' ');
  const live = and(eq(customers.organizationId, tx.organizationId), isNull(customers.deletedAt));
  // How a search's statements are best run depends on their values (a prefix the name indexes
  // answer, a term rare or common): a prepared statement's plan made once for any value
  // estimates a range as 0.5% of the table and reads all of it instead.
  await tx.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true)`);
  if (EMAIL_ADDRESS.test(term)) {
    // Found through the unique index, where the address's trigrams ("exa", "com", …) would make
    // the substring search read most of the table.
    const [owner] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(live, isNotNull(customers.emailKey), eq(customers.emailKey, term)))
      .limit(1);
    if (owner) return { where: eq(customers.id, owner.id), walks: false };
  }

  const pattern = `%${escapeLike(term)}%`;
  const contains = sql`${customers.searchText} like ${pattern}`;
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
  // Whether the term is a substring search: a name or company starting with it (at any age,
  // through the indexes), or anything containing it among the newest customers (a budget's
  // worth, so that a term found nowhere costs a bounded read); if not, whether there are older
  // customers that might contain it.
  const newest = tx
    .select({ searchText: customers.searchText })
    .from(customers)
    .where(live)
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(SEARCH_BUDGET)
    .as('newest');
  const older = tx
    .select({ one: sql`1` })
    .from(customers)
    .where(live)
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .offset(SEARCH_BUDGET)
    .limit(1);
  const result = await tx.execute(sql`
    select found, not found and exists (${older}) as older
    from (select exists (select 1 from ${customers} where ${and(live, start)})
      or exists (select 1 from ${newest} where ${newest.searchText} like ${pattern}) as found
      offset 0) as term`);
  const [check] = rows<{ found: boolean; older: boolean }>(result);
  if (check?.found) {
    return {
      where: contains,
      tiers: [exact, and(start, not(exact))!, and(contains, not(exact), not(start))!],
      indexed: or(exact, start),
      walks: true,
    };
  }

  const misspelt = await nearWords(tx, term);
  // Older customers the check did not examine may contain the term: look for both.
  if (check?.older) return { where: misspelt ? or(contains, misspelt)! : contains, walks: true };
  return misspelt ? { where: misspelt, walks: true } : { where: sql`false`, walks: false };
}

/**
 * The customers whose names and company have, for each word of the search, a word that starts
 * with it or is within the typos its length allows; none at all when a word of the search has
 * no such word in the organization's vocabulary (see clientele_search_words), which answers
 * from an index whatever the organization's size.
 */
async function nearWords(tx: TenantTx, term: string): Promise<SQL | undefined> {
  const searchWords = term.split(' ');
  const result = await tx.execute(sql`
    select array_to_json(array(select clientele_search_words(word))) as near
    from unnest(${textArray(searchWords)}) with ordinality as search(word, position)
    order by position`);
  const near = rows<{ near: string[] }>(result).map((row) => row.near);
  if (near.some((words) => words.length === 0)) return;
  const words = sql`string_to_array(${customers.searchNames}, ' ')`;
  return and(
    ...searchWords.map((searchWord, i) => {
      const typos = near[i]!.filter((word) => word !== searchWord);
      return or(
        near[i]!.includes(searchWord)
          ? sql`(' ' || ${customers.searchNames}) like ${`% ${escapeLike(searchWord)}%`}`
          : undefined,
        typos.length > 0 ? sql`${words} && ${textArray(typos)}` : undefined,
      );
    }),
  );
}

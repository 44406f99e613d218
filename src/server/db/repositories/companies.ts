import { and, arrayContains, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Company, CompanyListParams } from '@/schemas/companies';
import { companies } from '../schema';
import type { TenantTx } from '../types';
import { getRecord } from './versioned-writes';
import { COMPANIES, companyColumns, liveCompanies } from './company-columns';
import { afterPosition, decodeCursor, keysetOrder, pageOf } from './cursor';

const SORT_COLUMNS = {
  name: companies.nameSort,
  createdAt: companies.createdAt,
  updatedAt: companies.updatedAt,
} as const;

/**
 * pg_trgm's word similarity preselects the candidates of a misspelt search;
 * clientele_typo_distance then keeps the names within a typo or two of every word.
 */
const CANDIDATE_SIMILARITY = '0.3';

/** A live company; with `lock`, locked for the rest of the transaction. */
export const getCompany = (tx: TenantTx, id: string, lock = false) =>
  getRecord(tx, COMPANIES, id, lock);

/** The names of the live companies among `ids`, by id, in one statement. */
export async function companyNamesById(tx: TenantTx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const found = await tx
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(and(liveCompanies(tx), inArray(companies.id, [...ids])));
  return new Map(found.map((company) => [company.id, company.name]));
}

/**
 * What a search finds: companies whose name or domain contains the term; when none does, names
 * within a typo or two of each word ("Globx", "Initech Cop").
 */
async function companySearch(tx: TenantTx, q: string): Promise<SQL> {
  const term = q.toLowerCase().trim().replace(/\s+/g, ' ');
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const contains = sql`${companies.searchText} like ${pattern}`;
  const [any] = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(and(liveCompanies(tx), contains))
    .limit(1);
  if (any) return contains;
  await tx.execute(
    sql`select set_config('pg_trgm.word_similarity_threshold', ${CANDIDATE_SIMILARITY}, true)`,
  );
  return sql`${term} <% ${companies.nameSort} and clientele_typo_distance(${term}, ${companies.nameSort}) is not null`;
}

/** Live companies, filtered and sorted, one page at a time (keyset on the sort and id). */
export async function listCompanies(
  tx: TenantTx,
  params: CompanyListParams,
): Promise<{ items: Company[]; nextCursor: string | null }> {
  const where: SQL[] = [liveCompanies(tx)!];
  if (params.q) where.push(await companySearch(tx, params.q));
  if (params.ownerId) where.push(eq(companies.ownerId, params.ownerId));
  if (params.tag) where.push(arrayContains(companies.tags, [params.tag]));
  if (params.domain) where.push(eq(companies.domain, params.domain));
  if (params.updatedSince) where.push(gte(companies.updatedAt, params.updatedSince));
  const { sort, order } = params;
  const column = SORT_COLUMNS[sort];
  if (params.cursor) {
    const position = decodeCursor(params.cursor, { sort, order });
    const type = sort === 'name' ? undefined : sql`timestamptz`;
    where.push(afterPosition(column, companies.id, position, type));
  }
  const rows = await tx
    .select({ ...companyColumns, sortValue: column })
    .from(companies)
    .where(and(...where))
    .orderBy(...keysetOrder(order, column, companies.id))
    .limit(params.limit + 1);
  const page = pageOf(rows, params.limit, { sort, order }, (row) => row.sortValue);
  return { ...page, items: page.items.map(({ sortValue: _sortValue, ...company }) => company) };
}

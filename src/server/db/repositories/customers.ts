import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  lt,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  COUNT_CAP,
  type Customer,
  type CustomerFilters,
  type CustomerListParams,
  type CustomerSort,
} from '@/schemas/customers';
import { AppError } from '@/server/errors';
import { customers } from '../schema';
import type { TenantTx } from '../types';
import { CUSTOMERS, customerColumns, live } from './customer-columns';
import { customerSearch } from './customer-search';
import { afterPosition, decodeCursor, keysetOrder, pageOf } from './cursor';
import { getRecord } from './versioned-writes';

const SORT_COLUMNS = {
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  name: customers.nameSort,
  company: customers.companySort,
} as const satisfies Record<Exclude<CustomerSort, 'relevance'>, unknown>;

/** A live customer; with `lock`, locked for the rest of the transaction. */
export const getCustomer = (tx: TenantTx, id: string, lock = false) =>
  getRecord(tx, CUSTOMERS, id, lock);

/**
 * The WHERE of a filtered view of live customers (list, count and export share it), and with a
 * ranking search, its tiers of relevance: each is a whole condition that stands in for the
 * search's own (which would only slow the indexes that serve a tier).
 */
async function filtersOf(
  tx: TenantTx,
  filters: CustomerFilters,
): Promise<{ where: SQL[]; tiers?: SQL[][] }> {
  const where: SQL[] = [live(tx)!];
  const search = filters.q ? await customerSearch(tx, filters.q) : undefined;
  if (filters.status?.length) where.push(inArray(customers.status, filters.status));
  if (filters.tag) where.push(arrayContains(customers.tags, [filters.tag]));
  if (filters.ownerId) where.push(eq(customers.ownerId, filters.ownerId));
  if (filters.updatedSince) where.push(gte(customers.updatedAt, filters.updatedSince));
  if (filters.updatedTo) where.push(lt(customers.updatedAt, filters.updatedTo));
  if (filters.createdFrom) where.push(gte(customers.createdAt, filters.createdFrom));
  if (filters.createdTo) where.push(lt(customers.createdAt, filters.createdTo));
  return {
    where: search ? [...where, search.where] : where,
    tiers: search?.tiers?.map((tier) => [...where, tier]),
  };
}

export async function listCustomers(
  tx: TenantTx,
  params: CustomerListParams,
): Promise<{ items: Customer[]; nextCursor: string | null }> {
  const { where: filters, tiers } = await filtersOf(tx, params);
  // Relevance is the default order of a search; where there is no ranking (no search, or a
  // misspelt one), the newest come first.
  const requested = params.sort ?? (params.q ? 'relevance' : 'createdAt');
  if (requested === 'relevance' && tiers) return listByRelevance(tx, tiers, params);
  const sort = requested === 'relevance' ? 'createdAt' : requested;
  const sortColumn = SORT_COLUMNS[sort];
  const isTime = sortColumn === customers.createdAt || sortColumn === customers.updatedAt;
  const keyset = { sort, order: params.order };
  if (params.cursor) {
    const position = decodeCursor(params.cursor, keyset);
    const type = isTime ? sql`timestamptz` : undefined;
    filters.push(afterPosition(sortColumn, customers.id, position, type));
  }

  const rows = await tx
    .select({ ...customerColumns, sortValue: sortColumn })
    .from(customers)
    .where(and(...filters))
    .orderBy(...keysetOrder(params.order, sortColumn, customers.id))
    .limit(params.limit + 1);
  const page = pageOf(rows, params.limit, keyset, (row) => row.sortValue);
  return { ...page, items: page.items.map(({ sortValue: _sortValue, ...customer }) => customer) };
}

/**
 * A ranked search, one page: its tiers best first (with order=asc, the weakest first), each
 * newest first, read tier by tier until the page is full. The cursor holds the tier and the
 * position in it.
 */
async function listByRelevance(
  tx: TenantTx,
  tiers: SQL[][],
  params: CustomerListParams,
): Promise<{ items: Customer[]; nextCursor: string | null }> {
  const ranked = params.order === 'asc' ? [...tiers.keys()].reverse() : [...tiers.keys()];
  const direction = params.order === 'asc' ? asc : desc;
  const after = params.cursor
    ? relevancePosition(params.cursor, params.order, tiers.length)
    : undefined;
  const found: (Customer & { tier: number })[] = [];
  for (const tier of ranked.slice(after ? ranked.indexOf(after.tier) : 0)) {
    const where = [...tiers[tier]!];
    if (after?.tier === tier) {
      const position = sql`(${after.createdAt}::timestamptz, ${after.id}::uuid)`;
      where.push(
        params.order === 'asc'
          ? sql`(${customers.createdAt}, ${customers.id}) > ${position}`
          : sql`(${customers.createdAt}, ${customers.id}) < ${position}`,
      );
    }
    const rows = await tx
      .select(customerColumns)
      .from(customers)
      .where(and(...where))
      .orderBy(direction(customers.createdAt), direction(customers.id))
      .limit(params.limit + 1 - found.length);
    found.push(...rows.map((row) => ({ ...row, tier })));
    if (found.length > params.limit) break;
  }
  const keyset = { sort: 'relevance', order: params.order };
  const page = pageOf(
    found,
    params.limit,
    keyset,
    (row) => `${row.tier}:${row.createdAt.toISOString()}`,
  );
  return { ...page, items: page.items.map(({ tier: _tier, ...customer }) => customer) };
}

function relevancePosition(cursor: string, order: 'asc' | 'desc', tierCount: number) {
  const position = decodeCursor(cursor, { sort: 'relevance', order });
  const match = /^(\d):(.+)$/.exec(String(position.value));
  if (!match || Number(match[1]) >= tierCount || Number.isNaN(Date.parse(match[2]!))) {
    throw new AppError('BAD_REQUEST', 'Invalid cursor', {
      issues: [{ path: ['cursor'], message: 'is not a cursor returned by this list' }],
    });
  }
  return { tier: Number(match[1]), createdAt: match[2]!, id: position.id };
}

/**
 * How many live customers match, counting at most COUNT_CAP: the work stays bounded however
 * large the organization, and "10,000+" is all a person needs to know.
 */
export async function countCustomers(tx: TenantTx, filters: CustomerFilters) {
  const { where } = await filtersOf(tx, filters);
  const matching = tx
    .select({ one: sql`1` })
    .from(customers)
    .where(and(...where))
    .limit(COUNT_CAP + 1)
    .as('matching');
  const [row] = await tx.select({ count: sql<number>`count(*)::int` }).from(matching);
  const count = row?.count ?? 0;
  return { count: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP };
}

/** One page of a filtered view in creation order, after a position (for the CSV export). */
export async function customersAfter(
  tx: TenantTx,
  filters: CustomerFilters,
  after: { createdAt: Date; id: string } | null,
  limit: number,
): Promise<Customer[]> {
  const { where } = await filtersOf(tx, filters);
  // A raw template passes its values to the driver as they are, and postgres.js sends no
  // Date: the time goes as text, like the list's cursors.
  if (after)
    where.push(
      sql`(${customers.createdAt}, ${customers.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
    );
  return tx
    .select(customerColumns)
    .from(customers)
    .where(and(...where))
    .orderBy(asc(customers.createdAt), asc(customers.id))
    .limit(limit);
}

/** A customer even if soft-deleted (restore and erase need it). */
export async function getCustomerWithDeleted(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({ ...customerColumns, deletedAt: customers.deletedAt })
    .from(customers)
    .where(and(eq(customers.organizationId, tx.organizationId), eq(customers.id, id)))
    .limit(1);
  return row;
}

/** Deleted customers changed since a time, as tombstones (for resynchronisation). */
export async function listDeletedCustomerIds(tx: TenantTx, since: Date) {
  return tx
    .select({ id: customers.id, deletedAt: customers.deletedAt })
    .from(customers)
    .where(
      and(
        eq(customers.organizationId, tx.organizationId),
        isNotNull(customers.deletedAt),
        gte(customers.updatedAt, since),
      ),
    );
}

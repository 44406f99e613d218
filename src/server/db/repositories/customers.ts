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
  SEARCH_BUDGET,
  type Customer,
  type CustomerFilters,
  type CustomerListParams,
  type CustomerSort,
} from '@/schemas/customers';
import { AppError } from '@/server/errors';
import { rows } from '../rows';
import { customers } from '../schema';
import type { TenantTx } from '../types';
import { CUSTOMERS, customerColumns, live } from './customer-columns';
import { customerSearch } from './customer-search';
import {
  afterPosition,
  decodeCursor,
  encodeCursor,
  keysetOrder,
  pageOf,
  type CursorPosition,
  type Keyset,
} from './cursor';
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
): Promise<{ where: SQL[]; tiers?: SQL[][]; indexed?: SQL[]; walks: boolean }> {
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
    indexed: search?.indexed && [...where, search.indexed],
    walks: search?.walks ?? false,
  };
}

/** A customer page; `partial` when a search stopped at its budget before filling it. */
type CustomerPage = { items: Customer[]; nextCursor: string | null; partial: boolean };
type SortColumn = (typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS];

/** The last live customer a walking search may examine, as its sort value and id. */
interface Boundary {
  value: Date | string;
  id: string;
}

/**
 * Where a walking search stops (see SEARCH_BUDGET) in the order of (key, id), after `start`
 * when the page starts at a cursor; none when fewer remain. Read first, so that the search's
 * own statement bounds its walk with an index range rather than a filter.
 */
async function searchBoundary(
  tx: TenantTx,
  key: SortColumn,
  order: 'asc' | 'desc',
  start?: SQL,
): Promise<Boundary | undefined> {
  const [row] = await tx
    .select({ value: key, id: customers.id })
    .from(customers)
    .where(and(live(tx), start))
    .orderBy(...keysetOrder(order, key, customers.id))
    .offset(SEARCH_BUDGET - 1)
    .limit(1);
  return row;
}

/** The boundary as a row value to compare (key, id) with. */
function boundaryPosition(boundary: Boundary): SQL {
  const value =
    boundary.value instanceof Date
      ? sql`${boundary.value.toISOString()}::timestamptz`
      : sql`${boundary.value}`;
  return sql`(${value}, ${boundary.id}::uuid)`;
}

/** The rows up to the boundary, itself included, in the order of (key, id). */
const upTo = (key: SortColumn, order: 'asc' | 'desc', boundary: Boundary) =>
  order === 'asc'
    ? sql`(${key}, ${customers.id}) <= ${boundaryPosition(boundary)}`
    : sql`(${key}, ${customers.id}) >= ${boundaryPosition(boundary)}`;

/** The rows after the boundary, in the order of (key, id). */
const pastBoundary = (key: SortColumn, order: 'asc' | 'desc', boundary: Boundary) =>
  order === 'asc'
    ? sql`(${key}, ${customers.id}) > ${boundaryPosition(boundary)}`
    : sql`(${key}, ${customers.id}) < ${boundaryPosition(boundary)}`;

/**
 * How a short page of a walking search ends: at its boundary, with a cursor that searches on
 * from there, or, when the search reached the end within its budget, complete.
 */
function budgetEnd(
  keyset: Keyset,
  boundary: Boundary | undefined,
  valueOf: (value: Date | string) => string = (value) =>
    value instanceof Date ? value.toISOString() : value,
): Pick<CustomerPage, 'nextCursor' | 'partial'> {
  if (!boundary) return { nextCursor: null, partial: false };
  const position: CursorPosition = { ...keyset, value: valueOf(boundary.value), id: boundary.id };
  return { nextCursor: encodeCursor(position), partial: true };
}

export async function listCustomers(
  tx: TenantTx,
  params: CustomerListParams,
): Promise<CustomerPage> {
  const { where: filters, tiers, walks } = await filtersOf(tx, params);
  // Relevance is the default order of a search; where there is no ranking (no search, or a
  // misspelt one), the newest come first.
  const requested = params.sort ?? (params.q ? 'relevance' : 'createdAt');
  if (requested === 'relevance' && tiers) return listByRelevance(tx, tiers, walks, params);
  const sort = requested === 'relevance' ? 'createdAt' : requested;
  const sortColumn = SORT_COLUMNS[sort];
  const isTime = sortColumn === customers.createdAt || sortColumn === customers.updatedAt;
  const keyset = { sort, order: params.order };
  let start: SQL | undefined;
  if (params.cursor) {
    const position = decodeCursor(params.cursor, keyset);
    start = afterPosition(
      sortColumn,
      customers.id,
      position,
      isTime ? sql`timestamptz` : undefined,
    );
    filters.push(start);
  }
  const boundary = walks ? await searchBoundary(tx, sortColumn, params.order, start) : undefined;
  if (boundary) filters.push(upTo(sortColumn, params.order, boundary));

  const read = await tx
    .select({ ...customerColumns, sortValue: sortColumn })
    .from(customers)
    .where(and(...filters))
    .orderBy(...keysetOrder(params.order, sortColumn, customers.id))
    .limit(params.limit + 1);
  const page = pageOf(read, params.limit, keyset, (row) => row.sortValue);
  const items = page.items.map(({ sortValue: _sortValue, ...customer }) => customer);
  if (page.nextCursor || !walks) return { items, nextCursor: page.nextCursor, partial: false };
  return { items, ...budgetEnd(keyset, boundary) };
}

/**
 * A ranked search, one page: its tiers best first (with order=asc, the weakest first), each
 * newest first, read tier by tier until the page is full. The cursor holds the tier and the
 * position in it. A walking last tier stops at its budget, and the page ends there.
 */
async function listByRelevance(
  tx: TenantTx,
  tiers: SQL[][],
  walks: boolean,
  params: CustomerListParams,
): Promise<CustomerPage> {
  const ranked = params.order === 'asc' ? [...tiers.keys()].reverse() : [...tiers.keys()];
  const walkingTier = walks ? tiers.length - 1 : undefined;
  const direction = params.order === 'asc' ? asc : desc;
  const keyset = { sort: 'relevance', order: params.order };
  const after = params.cursor
    ? relevancePosition(params.cursor, params.order, tiers.length)
    : undefined;
  const found: (Customer & { tier: number })[] = [];
  for (const tier of ranked.slice(after ? ranked.indexOf(after.tier) : 0)) {
    const where = [...tiers[tier]!];
    let start: SQL | undefined;
    if (after?.tier === tier) {
      const position = sql`(${after.createdAt}::timestamptz, ${after.id}::uuid)`;
      start =
        params.order === 'asc'
          ? sql`(${customers.createdAt}, ${customers.id}) > ${position}`
          : sql`(${customers.createdAt}, ${customers.id}) < ${position}`;
      where.push(start);
    }
    const wanted = params.limit + 1 - found.length;
    const boundary =
      tier === walkingTier
        ? await searchBoundary(tx, customers.createdAt, params.order, start)
        : undefined;
    if (boundary) where.push(upTo(customers.createdAt, params.order, boundary));
    const read = await tx
      .select(customerColumns)
      .from(customers)
      .where(and(...where))
      .orderBy(direction(customers.createdAt), direction(customers.id))
      .limit(wanted);
    found.push(...read.map((row) => ({ ...row, tier })));
    if (found.length > params.limit) break;
    if (boundary) {
      const end = budgetEnd(keyset, boundary, (value) => relevanceValue(tier, value as Date));
      return { items: found.map(withoutTier), ...end };
    }
  }
  const page = pageOf(found, params.limit, keyset, (row) =>
    relevanceValue(row.tier, row.createdAt),
  );
  return { ...page, items: page.items.map(withoutTier), partial: false };
}

const relevanceValue = (tier: number, createdAt: Date) => `${tier}:${createdAt.toISOString()}`;
const withoutTier = ({ tier: _tier, ...customer }: Customer & { tier: number }): Customer =>
  customer;

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
 * How many live customers match, counting at most COUNT_CAP, and a walking search among the
 * newest SEARCH_BUDGET: the work stays bounded however large the organization, and "10,000+"
 * is all a person needs to know.
 */
export async function countCustomers(tx: TenantTx, filters: CustomerFilters) {
  const { where, indexed, walks } = await filtersOf(tx, filters);
  const boundary = walks ? await searchBoundary(tx, customers.createdAt, 'desc') : undefined;
  const counted = (conditions: SQL[]) => {
    const matching = tx
      .select({ one: sql`1` })
      .from(customers)
      .where(and(...conditions))
      .limit(COUNT_CAP + 1)
      .as('matching');
    return sql`(select count(*)::int from ${matching})`;
  };
  let older: SQL = sql`0`;
  if (boundary) {
    where.push(upTo(customers.createdAt, 'desc', boundary));
    // What an index finds counts beyond the boundary too (within it, the walk counted it).
    if (indexed) older = counted([...indexed, pastBoundary(customers.createdAt, 'desc', boundary)]);
  }
  const result = await tx.execute(sql`select ${counted(where)} + ${older} as count`);
  const count = Number(rows<{ count: number }>(result)[0]?.count ?? 0);
  return { count: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP || Boolean(boundary) };
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

import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUSES,
  type CustomerSort,
  type CustomerStatus,
} from '@/schemas/customer-constants';
import type { Sorting, SortOrder } from '@/lib/sorting';
import type { ListUrlState } from '@/lib/use-list-url';
import type { CustomerListInput } from '@/schemas/customers';

export const CUSTOMERS_PAGE_SIZE = 25;
/** The longest search term the API takes. */
export const MAX_SEARCH_LENGTH = 200;

/** What the customers list shows, as kept in the URL (?q=…&status=…&sort=…&order=…). */
export interface CustomerListState {
  q: string;
  status: CustomerStatus[];
  sort: CustomerSort;
  order: SortOrder;
}

const SORT_LABELS: Record<CustomerSort, string> = {
  relevance: 'Relevance',
  createdAt: 'Created',
  updatedAt: 'Updated',
  name: 'Name',
  company: 'Company',
};

/** Dates read best newest first, names and companies A to Z. */
const DEFAULT_ORDER: Record<CustomerSort, SortOrder> = {
  relevance: 'desc',
  createdAt: 'desc',
  updatedAt: 'desc',
  name: 'asc',
  company: 'asc',
};

/** A search lists the best matches first; otherwise the newest customers come first. */
export const defaultSort = (q: string): CustomerSort => (q.trim() ? 'relevance' : 'createdAt');

/** How the customers list can be sorted; the newest (or best) first is offered first. */
export const CUSTOMER_SORTING: Sorting<CustomerSort> = {
  labels: SORT_LABELS,
  defaultOrder: DEFAULT_ORDER,
  orderLabel: (sort, order) => {
    if (sort === 'relevance') return order === 'desc' ? 'Best match first' : 'Weakest match first';
    if (sort === 'name' || sort === 'company') return order === 'asc' ? 'A to Z' : 'Z to A';
    return order === 'desc' ? 'Newest first' : 'Oldest first';
  },
  directions: ['desc', 'asc'],
};

const isStatus = (value: string): value is CustomerStatus =>
  (CUSTOMER_STATUSES as readonly string[]).includes(value);
const isSort = (value: string | null): value is CustomerSort =>
  value !== null && (CUSTOMER_SORTS as readonly string[]).includes(value);

/** Reads the list state from a URL, ignoring anything unknown so a bad link still shows a list. */
export function readListState(params: Pick<URLSearchParams, 'get' | 'getAll'>): CustomerListState {
  const q = (params.get('q') ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
  const given = params.get('sort');
  // Relevance needs a search; without one the list falls back to its usual order.
  const sort = isSort(given) && (given !== 'relevance' || q) ? given : defaultSort(q);
  const order = params.get('order');
  const status = [...new Set(params.getAll('status').filter(isStatus))];
  return {
    q,
    // Kept in the order of CUSTOMER_STATUSES, so the query (and its cache key) is stable.
    status: CUSTOMER_STATUSES.filter((s) => status.includes(s)),
    sort,
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_ORDER[sort],
  };
}

/** The URL query of a list state; defaults are left out so a plain search stays "?q=…". */
export function listStateQuery(state: CustomerListState): string {
  const params = new URLSearchParams();
  const q = state.q.trim().slice(0, MAX_SEARCH_LENGTH);
  if (q) params.set('q', q);
  for (const status of state.status) params.append('status', status);
  if (state.sort !== defaultSort(q)) params.set('sort', state.sort);
  if (state.order !== DEFAULT_ORDER[state.sort]) params.set('order', state.order);
  return params.toString();
}

/**
 * The state with a new search term. A list in its default order takes the new term's default
 * (relevance for a search), so typing a search ranks its results; a chosen order stays.
 */
export function withSearch(state: CustomerListState, q: string): CustomerListState {
  const inDefaultOrder =
    state.sort === defaultSort(state.q) && state.order === DEFAULT_ORDER[state.sort];
  if (!inDefaultOrder) return { ...state, q };
  const sort = defaultSort(q);
  return { ...state, q, sort, order: DEFAULT_ORDER[sort] };
}

/** How the customers list keeps its state in the URL. */
export const CUSTOMER_LIST_URL: ListUrlState<CustomerListState> = {
  read: readListState,
  query: listStateQuery,
  withSearch,
  cleared: (state) => ({ ...state, q: '', status: [] }),
};

/** Filters shared by the list, the count and the CSV export. */
export function customerFilters(state: CustomerListState) {
  const term = state.q.trim();
  return {
    ...(term ? { q: term } : {}),
    ...(state.status.length > 0 ? { status: state.status } : {}),
  };
}

export const hasFilters = (state: CustomerListState) =>
  state.q.trim() !== '' || state.status.length > 0;

/** The list query for a state, built the same way on the server (prefetch) and client. */
export function customerListParams(state: CustomerListState): CustomerListInput {
  return {
    limit: CUSTOMERS_PAGE_SIZE,
    sort: state.sort,
    order: state.order,
    ...customerFilters(state),
  };
}

/** The CSV download of the customers the list currently shows (sorting does not matter there). */
export function exportHref(state: CustomerListState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const status of state.status) params.append('status', status);
  return `/api/exports/customers.csv?${params.toString()}`;
}

export const TIMELINE_PAGE_SIZE = 20;

/** The query of a customer's timeline, the same for the server's prefetch and the client. */
export const timelineParams = (customerId: string) => ({ customerId, limit: TIMELINE_PAGE_SIZE });

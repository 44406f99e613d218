import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUSES,
  type CustomerSort,
  type CustomerStatus,
} from '@/schemas/customer-constants';
import { dateParam, localDay } from '@/lib/date-range';
import type { Sorting, SortOrder } from '@/lib/sorting';
import type { ListUrlState } from '@/lib/use-list-url';
import { uuidParam } from '@/lib/url-params';
import type { CustomerListInput } from '@/schemas/customers';

export const CUSTOMERS_PAGE_SIZE = 25;
/** The longest search term the API takes. */
export const MAX_SEARCH_LENGTH = 200;
/** The longest tag the API takes. */
export const MAX_TAG_LENGTH = 50;

/**
 * What the customers list shows, as kept in the URL
 * (?q=…&status=…&tag=…&owner=…&createdFrom=…&createdTo=…&sort=…&order=…).
 */
export interface CustomerListState {
  q: string;
  status: CustomerStatus[];
  tag: string;
  ownerId: string | undefined;
  /** Days of creation, YYYY-MM-DD in the browser's time zone, both included. */
  createdFrom: string | undefined;
  createdTo: string | undefined;
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
  const createdFrom = dateParam(params.get('createdFrom'));
  const createdTo = dateParam(params.get('createdTo'));
  return {
    q,
    // Kept in the order of CUSTOMER_STATUSES, so the query (and its cache key) is stable.
    status: CUSTOMER_STATUSES.filter((s) => status.includes(s)),
    tag: (params.get('tag') ?? '').trim().slice(0, MAX_TAG_LENGTH),
    ownerId: uuidParam(params.get('owner')),
    createdFrom,
    // A range turned around is read as ending where it starts.
    createdTo: createdFrom && createdTo && createdTo < createdFrom ? createdFrom : createdTo,
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
  if (state.tag.trim()) params.set('tag', state.tag.trim());
  if (state.ownerId) params.set('owner', state.ownerId);
  if (state.createdFrom) params.set('createdFrom', state.createdFrom);
  if (state.createdTo) params.set('createdTo', state.createdTo);
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
  cleared: (state) => ({
    ...state,
    q: '',
    status: [],
    tag: '',
    ownerId: undefined,
    createdFrom: undefined,
    createdTo: undefined,
  }),
};

/** The list's query of a URL's params, defaults left out: what a saved view of it keeps. */
export const customerViewQuery = (params: URLSearchParams) => listStateQuery(readListState(params));

/**
 * Filters shared by the list, the count and the CSV export. Days are the browser's; "To"
 * includes its day, so the (exclusive) bound sent is the midnight after it.
 */
export function customerFilters(state: CustomerListState) {
  const term = state.q.trim();
  const tag = state.tag.trim();
  return {
    ...(term ? { q: term } : {}),
    ...(state.status.length > 0 ? { status: state.status } : {}),
    ...(tag ? { tag } : {}),
    ...(state.ownerId ? { ownerId: state.ownerId } : {}),
    ...(state.createdFrom ? { createdFrom: localDay(state.createdFrom, 0) } : {}),
    ...(state.createdTo ? { createdTo: localDay(state.createdTo, 1) } : {}),
  };
}

export const hasFilters = (state: CustomerListState) =>
  state.q.trim() !== '' ||
  state.status.length > 0 ||
  state.tag.trim() !== '' ||
  Boolean(state.ownerId || state.createdFrom || state.createdTo);

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
  for (const [key, value] of Object.entries(customerFilters(state))) {
    for (const item of [value].flat()) {
      params.append(key, item instanceof Date ? item.toISOString() : item);
    }
  }
  return `/api/exports/customers.csv?${params.toString()}`;
}

import { uuidParam } from '@/lib/url-params';
import type { Sorting, SortOrder } from '@/lib/sorting';
import type { ListUrlState } from '@/lib/use-list-url';

export const COMPANIES_PAGE_SIZE = 25;
/** How many companies one bulk change may touch. */
export const MAX_BULK_COMPANIES = 100;
/** The longest search term the API takes. */
export const MAX_SEARCH_LENGTH = 200;
/** The longest tag the API takes. */
export const MAX_TAG_LENGTH = 50;

export const COMPANY_SORTS = ['name', 'createdAt', 'updatedAt'] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];

/** What the companies list shows, as kept in the URL (?q=…&owner=…&tag=…&sort=…&order=…). */
export interface CompanyListState {
  q: string;
  ownerId: string | undefined;
  tag: string;
  sort: CompanySort;
  order: SortOrder;
}

/** Names read best A to Z, dates newest first. */
const DEFAULT_ORDER: Record<CompanySort, SortOrder> = {
  name: 'asc',
  createdAt: 'desc',
  updatedAt: 'desc',
};

/** Companies are looked up by name, so the list reads A to Z unless asked otherwise. */
export const DEFAULT_SORT: CompanySort = 'name';

/** How the companies list can be sorted; A to Z (or oldest first) is offered first. */
export const COMPANY_SORTING: Sorting<CompanySort> = {
  labels: { name: 'Name', createdAt: 'Created', updatedAt: 'Updated' },
  defaultOrder: DEFAULT_ORDER,
  orderLabel: (sort, order) => {
    if (sort === 'name') return order === 'asc' ? 'A to Z' : 'Z to A';
    return order === 'desc' ? 'Newest first' : 'Oldest first';
  },
  directions: ['asc', 'desc'],
};

const isSort = (value: string | null): value is CompanySort =>
  value !== null && (COMPANY_SORTS as readonly string[]).includes(value);

/** Reads the list state from a URL, ignoring anything unknown so a bad link still shows a list. */
export function readListState(params: Pick<URLSearchParams, 'get'>): CompanyListState {
  const given = params.get('sort');
  const sort = isSort(given) ? given : DEFAULT_SORT;
  const order = params.get('order');
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_SEARCH_LENGTH),
    ownerId: uuidParam(params.get('owner')),
    tag: (params.get('tag') ?? '').trim().slice(0, MAX_TAG_LENGTH),
    sort,
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_ORDER[sort],
  };
}

/** The URL query of a list state; defaults are left out so a plain search stays "?q=…". */
export function listStateQuery(state: CompanyListState): string {
  const params = new URLSearchParams();
  const q = state.q.trim().slice(0, MAX_SEARCH_LENGTH);
  if (q) params.set('q', q);
  if (state.ownerId) params.set('owner', state.ownerId);
  if (state.tag.trim()) params.set('tag', state.tag.trim());
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  if (state.order !== DEFAULT_ORDER[state.sort]) params.set('order', state.order);
  return params.toString();
}

/** How the companies list keeps its state in the URL; a search keeps the chosen order. */
export const COMPANY_LIST_URL: ListUrlState<CompanyListState> = {
  read: readListState,
  query: listStateQuery,
  withSearch: (state, q) => ({ ...state, q }),
  cleared: (state) => ({ ...state, q: '', ownerId: undefined, tag: '' }),
};

/** The list's query of a URL's params, defaults left out: what a saved view of it keeps. */
export const companyViewQuery = (params: URLSearchParams) => listStateQuery(readListState(params));

export const hasFilters = (state: CompanyListState) =>
  state.q.trim() !== '' || state.ownerId !== undefined || state.tag.trim() !== '';

/** The list query for a state, built the same way on the server (prefetch) and client. */
export function companyListParams(state: CompanyListState) {
  const q = state.q.trim();
  const tag = state.tag.trim();
  return {
    limit: COMPANIES_PAGE_SIZE,
    sort: state.sort,
    order: state.order,
    ...(q ? { q } : {}),
    ...(state.ownerId ? { ownerId: state.ownerId } : {}),
    ...(tag ? { tag } : {}),
  };
}

export const COMPANY_PEOPLE_PAGE_SIZE = 25;
export const COMPANY_ORDERS_PAGE_SIZE = 25;

/** The queries of a company's page, the same for the server's prefetch and the client. */
export const companyPeopleParams = (id: string) => ({ id, limit: COMPANY_PEOPLE_PAGE_SIZE });
export const companyOrdersParams = (id: string) => ({ id, limit: COMPANY_ORDERS_PAGE_SIZE });

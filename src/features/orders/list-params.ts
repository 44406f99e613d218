import {
  MAX_ORDER_SEARCH_LENGTH,
  ORDER_STATUSES,
  type OrderStatus,
  type orderListInput,
} from '@/schemas/orders';
import type { z } from 'zod';
import { dateParam, localDay } from '@/lib/date-range';
import type { ListUrlState } from '@/lib/use-list-url';
import { uuidParam } from '@/lib/url-params';

export const ORDERS_PAGE_SIZE = 25;
export { MAX_ORDER_SEARCH_LENGTH };

/**
 * What the orders list shows, as kept in the URL: a search (?q=), statuses, a customer, a range
 * of creation days (YYYY-MM-DD) and of totals (amounts such as "250" or "19.99").
 */
export interface OrderFilters {
  q: string;
  status: OrderStatus[];
  customerId?: string;
  from?: string;
  to?: string;
  minTotal?: string;
  maxTotal?: string;
}

type SearchParamsLike = Pick<URLSearchParams, 'get' | 'getAll'>;

const AMOUNT = /^\d{1,12}(?:\.\d{1,2})?$/;

/** An amount as typed ("250", "19.9"), or undefined when it is not one. */
export function amountParam(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && AMOUNT.test(trimmed) ? trimmed : undefined;
}

/** An amount in minor units (cents): "19.9" → 1990. */
export const amountCents = (amount: string) => Math.round(Number(amount) * 100);

/** The filters in a URL; unknown statuses, malformed ids, dates and amounts are ignored. */
export function orderFiltersFrom(params: SearchParamsLike): OrderFilters {
  const chosen = new Set(params.getAll('status'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_ORDER_SEARCH_LENGTH),
    status: ORDER_STATUSES.filter((status) => chosen.has(status)),
    customerId: uuidParam(params.get('customerId')),
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
    minTotal: amountParam(params.get('minTotal')),
    maxTotal: amountParam(params.get('maxTotal')),
  };
}

/** The URL query of the filters, in a stable order, what is unset left out. */
export function orderFiltersQuery(filters: OrderFilters): string {
  const params = new URLSearchParams();
  const q = filters.q.trim().slice(0, MAX_ORDER_SEARCH_LENGTH);
  if (q) params.set('q', q);
  for (const status of filters.status) params.append('status', status);
  if (filters.customerId) params.set('customerId', filters.customerId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.minTotal) params.set('minTotal', filters.minTotal);
  if (filters.maxTotal) params.set('maxTotal', filters.maxTotal);
  return params.toString();
}

/** The list's query of a URL's params, defaults left out: what a saved view of it keeps. */
export const orderViewQuery = (params: URLSearchParams) =>
  orderFiltersQuery(orderFiltersFrom(params));

export const hasOrderFilters = (filters: OrderFilters) =>
  filters.q.trim() !== '' ||
  filters.status.length > 0 ||
  Boolean(filters.customerId || filters.from || filters.to || filters.minTotal || filters.maxTotal);

/** How the orders list keeps its filters in the URL (the search box writes `q` after a pause). */
export const ORDER_LIST_URL: ListUrlState<OrderFilters> = {
  read: orderFiltersFrom,
  query: orderFiltersQuery,
  withSearch: (filters, q) => ({ ...filters, q }),
  cleared: () => ({ q: '', status: [] }),
};

type OrderListInput = z.input<typeof orderListInput>;

/**
 * The filters as the list's input, shared by the list and the CSV export. Dates are days in the
 * browser's time zone; "To" includes its day, so the (exclusive) bound sent is the midnight
 * after it.
 */
export function orderFilterInput(filters: OrderFilters): Omit<OrderListInput, 'limit' | 'cursor'> {
  const q = filters.q.trim();
  return {
    ...(q ? { q } : {}),
    ...(filters.status.length > 0 ? { status: filters.status } : {}),
    ...(filters.customerId ? { customerId: filters.customerId } : {}),
    ...(filters.from ? { createdFrom: localDay(filters.from, 0) } : {}),
    ...(filters.to ? { createdTo: localDay(filters.to, 1) } : {}),
    ...(filters.minTotal ? { minTotalCents: amountCents(filters.minTotal) } : {}),
    ...(filters.maxTotal ? { maxTotalCents: amountCents(filters.maxTotal) } : {}),
  };
}

/** The list query for the filters, built the same way on the server (prefetch) and client. */
export function orderListParams(filters: OrderFilters): OrderListInput {
  return { limit: ORDERS_PAGE_SIZE, ...orderFilterInput(filters) };
}

/** The CSV download of the orders the list currently shows. */
export function orderExportHref(filters: OrderFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(orderFilterInput(filters))) {
    for (const item of [value].flat()) {
      params.append(key, item instanceof Date ? item.toISOString() : String(item));
    }
  }
  const query = params.toString();
  return query ? `/api/exports/orders.csv?${query}` : '/api/exports/orders.csv';
}

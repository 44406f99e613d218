import { ORDER_STATUSES, type OrderStatus, type orderListInput } from '@/schemas/orders';
import type { z } from 'zod';
import { dateParam, localDay } from '@/lib/date-range';
import { uuidParam } from '@/lib/url-params';

export const ORDERS_PAGE_SIZE = 25;

/** The filters of the orders list, as they are kept in the URL (dates as YYYY-MM-DD). */
export interface OrderFilters {
  status: OrderStatus[];
  customerId?: string;
  from?: string;
  to?: string;
}

type SearchParamsLike = Pick<URLSearchParams, 'get' | 'getAll'>;

/** The filters in a URL; unknown statuses, malformed ids and dates are ignored. */
export function orderFiltersFrom(params: SearchParamsLike): OrderFilters {
  const chosen = new Set(params.getAll('status'));
  return {
    status: ORDER_STATUSES.filter((status) => chosen.has(status)),
    customerId: uuidParam(params.get('customerId')),
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
  };
}

export const hasOrderFilters = (filters: OrderFilters) =>
  filters.status.length > 0 || Boolean(filters.customerId || filters.from || filters.to);

/**
 * The list query for the filters. Dates are days in the browser's time zone; "To" includes its
 * day, so the (exclusive) bound sent is the midnight after it.
 */
export function orderListParams(filters: OrderFilters): z.input<typeof orderListInput> {
  return {
    limit: ORDERS_PAGE_SIZE,
    ...(filters.status.length > 0 ? { status: filters.status } : {}),
    ...(filters.customerId ? { customerId: filters.customerId } : {}),
    ...(filters.from ? { createdFrom: localDay(filters.from, 0) } : {}),
    ...(filters.to ? { createdTo: localDay(filters.to, 1) } : {}),
  };
}

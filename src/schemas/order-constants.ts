/**
 * The order rules pages need without the schemas: kept apart from `orders.ts` so that a page
 * does not load zod just to know the statuses and their names.
 */
export const ORDER_STATUSES = ['draft', 'placed', 'paid', 'fulfilled', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** How the pages, exports and search name each status. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  draft: 'Draft',
  placed: 'Placed',
  paid: 'Paid',
  fulfilled: 'Fulfilled',
  cancelled: 'Cancelled',
};

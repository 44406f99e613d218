import type { z } from 'zod';
import { minorUnitsInput } from '@/lib/money';
import { orderListInput, type Order, type OrderStatus } from '@/schemas/orders';
import { listOrders } from '@/server/db/repositories/orders';
import type { ExportTable } from './export-tables';

/** The order list's filters, without its paging. */
const orderExportFilters = orderListInput.omit({ cursor: true, limit: true });
type OrderExportFilters = z.output<typeof orderExportFilters>;

/** Orders read per page of a download (the list's largest page). */
const PAGE = 100;

const STATUS_NAMES: Record<OrderStatus, string> = {
  draft: 'Draft',
  placed: 'Placed',
  paid: 'Paid',
  fulfilled: 'Fulfilled',
  cancelled: 'Cancelled',
};

const iso = (time: Date | null) => time?.toISOString() ?? null;

/**
 * The orders the list shows (same filters, newest first), one row each, under headers a person
 * reads: the customer by name, the status as the pages say it, the total as an amount.
 */
export const orderExport: ExportTable<OrderExportFilters, Order> = {
  name: 'orders',
  permission: 'data:export',
  action: 'orders.exported',
  filters: orderExportFilters,
  listParameters: ['status'],
  // prettier-ignore
  columns: ['Number', 'Customer', 'Status', 'Total', 'Currency', 'Lines', 'Created', 'Placed', 'Paid', 'Fulfilled', 'Cancelled', 'Order ID', 'Customer ID'],
  cells: (order) => [
    order.number,
    order.customerId ? order.customerName || 'Unnamed customer' : 'Erased customer',
    STATUS_NAMES[order.status],
    minorUnitsInput(order.totalCents, order.currency),
    order.currency,
    order.lines.length,
    iso(order.createdAt),
    iso(order.placedAt),
    iso(order.paidAt),
    iso(order.fulfilledAt),
    iso(order.cancelledAt),
    order.id,
    order.customerId,
  ],
  page: (tx, filters, cursor) => listOrders(tx, { ...filters, limit: PAGE, cursor }),
};

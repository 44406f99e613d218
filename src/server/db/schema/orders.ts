import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  belongsTo,
  id,
  referrersIndex,
  refersTo,
  timestamps,
  timestamptz,
  version,
} from './columns';
import { companies } from './companies';
import { customers } from './customers';
import { orderStatusEnum } from './enums';
import { organizationId, organizations } from './identity';

/** Money is integer minor units (cents) with an ISO 4217 currency code. */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    organizationId: organizationId(),
    /** Null once the customer was erased: the order stays (revenue), without personal data. */
    customerId: refersTo('customer_id', () => customers.id),
    /** The company of its customer, kept by triggers (migration 0017). */
    companyId: refersTo('company_id', () => companies.id),
    /** Per-organization order number, shown to people ("#1042"). */
    number: integer('number').notNull(),
    status: orderStatusEnum('status').notNull().default('draft'),
    currency: char('currency', { length: 3 }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull().default(0),
    version: version(),
    placedAt: timestamptz('placed_at'),
    paidAt: timestamptz('paid_at'),
    fulfilledAt: timestamptz('fulfilled_at'),
    cancelledAt: timestamptz('cancelled_at'),
    ...timestamps(),
  },
  (t) => [
    index('orders_org_status_created_idx').on(t.organizationId, t.status, t.createdAt),
    index('orders_org_paid_idx').on(t.organizationId, t.paidAt),
    uniqueIndex('orders_organization_number_unique').on(t.organizationId, t.number),
    index('orders_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    index('orders_org_updated_idx').on(t.organizationId, t.updatedAt, t.id),
    index('orders_customer_idx').on(t.organizationId, t.customerId, t.createdAt),
    index('orders_company_idx')
      .on(t.organizationId, t.companyId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.companyId} is not null`),
    referrersIndex('orders', t.customerId),
    referrersIndex('orders', t.companyId),
    check('orders_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('orders_total_non_negative', sql`${t.totalCents} >= 0`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    organizationId: organizationId(),
    orderId: belongsTo('order_id', () => orders.id),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('order_lines_order_position_unique').on(t.orderId, t.position),
    index('order_lines_org_order_idx').on(t.organizationId, t.orderId),
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('order_lines_unit_price_non_negative', sql`${t.unitPriceCents} >= 0`),
  ],
);

/** The last order number given out in each organization. */
export const orderNumbers = pgTable('order_numbers', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull(),
});

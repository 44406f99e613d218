import { z } from 'zod';
import { orderCreateExample, orderExample } from './examples';
import { cursor, page, pageLimit, timeInput, timestamp, uuid } from './common';
import { ORDER_STATUSES, type OrderStatus } from './order-constants';
import { ACTOR_TYPES } from './audit';

export { ORDER_STATUS_LABELS, ORDER_STATUSES, type OrderStatus } from './order-constants';
export const orderStatus = z.enum(ORDER_STATUSES);

/** The order status machine: draft → placed → paid → fulfilled; cancelled from draft or placed. */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['placed', 'cancelled'],
  placed: ['paid', 'cancelled'],
  paid: ['fulfilled'],
  fulfilled: [],
  cancelled: [],
};

export const MAX_LINES = 100;
export const MAX_QUANTITY = 1_000_000;
export const MAX_UNIT_PRICE_CENTS = 100_000_000_000;
const MAX_DESCRIPTION_LENGTH = 500;
/** "First Last" of a customer: two names of up to 100 characters. */
const MAX_CUSTOMER_NAME_LENGTH = 201;

const CURRENCY_CODE = /^[A-Z]{3}$/;
const NOT_A_CURRENCY = 'must be an ISO 4217 code like USD or EUR';

export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .max(3, { error: NOT_A_CURRENCY, abort: true })
  .regex(CURRENCY_CODE, NOT_A_CURRENCY);

const currencyCode = z.string().max(3).regex(CURRENCY_CODE);

const version = z.number().int().min(1);

export const orderLineInput = z.strictObject({
  description: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`),
  quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_QUANTITY),
  unitPriceCents: z
    .number()
    .int('must be whole minor units (cents)')
    .min(0, 'must not be negative')
    .max(MAX_UNIT_PRICE_CENTS),
});
export type OrderLineInput = z.input<typeof orderLineInput>;

const lines = z
  .array(orderLineInput)
  .min(1, 'an order needs at least one line')
  .max(MAX_LINES, `at most ${MAX_LINES} lines`);

export const orderCreateInput = z
  .strictObject({ customerId: uuid(), currency, lines })
  .meta({ id: 'OrderCreate', example: orderCreateExample });
export type OrderCreateInput = z.input<typeof orderCreateInput>;

export const orderLinesInput = z
  .strictObject({
    id: uuid(),
    expectedVersion: version.optional(),
    currency: currency.optional(),
    lines,
  })
  .meta({ id: 'OrderLinesUpdate' });

export const orderStatusInput = z
  .strictObject({
    id: uuid(),
    status: orderStatus,
    expectedVersion: version.optional(),
  })
  .meta({ id: 'OrderStatusChange' });

/** Totals are checked to stay exact in JSON (safe integers), never negative. */
const cents = z.number().int().min(0);

export const orderLineOutput = z.object({
  description: z.string().max(MAX_DESCRIPTION_LENGTH),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  unitPriceCents: z.number().int().min(0).max(MAX_UNIT_PRICE_CENTS),
  totalCents: cents,
});

export const orderOutput = z
  .object({
    id: uuid(),
    /** A PostgreSQL integer. */
    number: z.number().int().min(1).max(2_147_483_647),
    customerId: uuid().nullable(),
    customerName: z.string().max(MAX_CUSTOMER_NAME_LENGTH).nullable(),
    status: orderStatus,
    currency: currencyCode,
    lines: z.array(orderLineOutput).max(MAX_LINES),
    totalCents: cents,
    version,
    placedAt: timestamp().nullable(),
    paidAt: timestamp().nullable(),
    fulfilledAt: timestamp().nullable(),
    cancelledAt: timestamp().nullable(),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'Order', example: orderExample });
export type Order = z.infer<typeof orderOutput>;

export const MAX_ORDER_SEARCH_LENGTH = 200;

/** A bound of an order total, in minor units; query strings carry it as text. */
const totalBound = (description: string) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be whole minor units (cents)')
    .min(0, 'must not be negative')
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .meta({ description });

export const orderListInput = z.object({
  limit: pageLimit(),
  cursor: cursor(),
  q: z.string().trim().min(1).max(MAX_ORDER_SEARCH_LENGTH).optional().meta({
    description:
      'An order number ("1042" or "#1042") or part of the customer\'s name, case-insensitive.',
  }),
  status: z.array(orderStatus).max(ORDER_STATUSES.length).optional(),
  customerId: uuid().optional(),
  createdFrom: timeInput().optional(),
  createdTo: timeInput().optional(),
  minTotalCents: totalBound('Only orders whose total is at least this (minor units).'),
  maxTotalCents: totalBound('Only orders whose total is at most this (minor units).'),
  updatedSince: timeInput().optional(),
});
export type OrderListParams = z.output<typeof orderListInput>;

/** The order list's filters, for one customer named in the path. */
export const customerOrderListInput = orderListInput
  .omit({ customerId: true })
  .extend({ customerId: uuid() });

export const orderPage = page(orderOutput);

/**
 * An order number as people write it: "1042", "#1042", "Order #1042" (as the pages show it),
 * "order no. 1042" or "ORD-1042"; anything else is not one.
 */
export function orderNumberOf(term: string): number | undefined {
  const match = /^(?:ord(?:er)?[\s-]*)?(?:no\.?\s*)?#?\s*(\d{1,10})$/i.exec(term.trim());
  const number = match ? Number(match[1]) : NaN;
  return Number.isInteger(number) && number >= 1 && number <= 2_147_483_647 ? number : undefined;
}

/** One step of an order's life: created, or moved to a status; by whom when that was recorded. */
export const orderHistoryEntry = z.object({
  /** `draft` is the order's creation; the others are the changes of status. */
  status: orderStatus,
  at: timestamp(),
  actorType: z.enum(ACTOR_TYPES).nullable(),
  /** A member's or an API key's name; null when unknown (erased, or recorded before names were). */
  actorName: z.string().max(100).nullable(),
});
export type OrderHistoryEntry = z.infer<typeof orderHistoryEntry>;

export const orderHistory = z
  .object({ items: z.array(orderHistoryEntry).max(ORDER_STATUSES.length + 1) })
  .meta({ id: 'OrderStatusHistory' });

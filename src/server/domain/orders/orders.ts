import type { OrderCreateInput, OrderStatus } from '@/schemas/orders';
import { getCustomer, staleVersion } from '@/server/db/repositories/customers';
import {
  getOrder,
  insertOrder,
  nextOrderNumber,
  replaceOrderLines,
  setOrderStatus,
} from '@/server/db/repositories/orders';
import { sameValue } from '@/server/db/repositories/changes';
import type { TenantTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';
import { assertEditable, assertTransition, priceLines } from './order-rules';

export async function createOrder(tx: TenantTx, input: OrderCreateInput) {
  if (!(await getCustomer(tx, input.customerId))) {
    throw new AppError('NOT_FOUND', 'Customer not found', {
      issues: [{ path: ['customerId'], message: 'not found' }],
    });
  }
  return insertOrder(tx, {
    customerId: input.customerId,
    number: await nextOrderNumber(tx),
    currency: input.currency,
    lines: priceLines(input.lines),
  });
}

async function lockedOrder(tx: TenantTx, id: string, expectedVersion?: number) {
  const order = await getOrder(tx, id, true);
  if (!order) throw notFound('Order');
  if (expectedVersion !== undefined && order.version !== expectedVersion)
    throw staleVersion(order.version);
  return order;
}

export async function changeOrderLines(
  tx: TenantTx,
  input: {
    id: string;
    expectedVersion?: number;
    currency?: string;
    lines: OrderCreateInput['lines'];
  },
) {
  const before = await lockedOrder(tx, input.id, input.expectedVersion);
  assertEditable(before.status);
  const currency = input.currency ?? before.currency;
  const lines = priceLines(input.lines);
  if (currency === before.currency && sameValue(lines, before.lines)) {
    return { before, after: before, changed: false };
  }
  const after = await replaceOrderLines(tx, input.id, currency, lines);
  return { before, after, changed: true };
}

export async function changeOrderStatus(
  tx: TenantTx,
  input: { id: string; status: OrderStatus; expectedVersion?: number },
) {
  const before = await lockedOrder(tx, input.id, input.expectedVersion);
  assertTransition(before.status, input.status);
  const after = await setOrderStatus(tx, input.id, input.status);
  return { before, after };
}

import { and, asc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { customers, orderLines, orderNumbers, orders } from '../schema';
import type { TenantTx } from '../types';
import { afterPosition, decodeCursor, keysetOrder, pageOf } from './cursor';
import { customerFullName } from './customer-columns';
import {
  orderNumberOf,
  type Order,
  type OrderListParams,
  type OrderStatus,
} from '@/schemas/orders';

export interface LineValues {
  description: string;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
}

const orderColumns = {
  id: orders.id,
  number: orders.number,
  customerId: orders.customerId,
  customerName: customerFullName,
  status: orders.status,
  currency: orders.currency,
  totalCents: orders.totalCents,
  version: orders.version,
  placedAt: orders.placedAt,
  paidAt: orders.paidAt,
  fulfilledAt: orders.fulfilledAt,
  cancelledAt: orders.cancelledAt,
  createdAt: orders.createdAt,
  updatedAt: orders.updatedAt,
};

const ofTenant = (tx: TenantTx) => eq(orders.organizationId, tx.organizationId);

/** The next order number of the organization (the counter row is locked until commit). */
export async function nextOrderNumber(tx: TenantTx): Promise<number> {
  const [row] = await tx
    .insert(orderNumbers)
    .values({ organizationId: tx.organizationId, lastNumber: 1001 })
    .onConflictDoUpdate({
      target: orderNumbers.organizationId,
      set: { lastNumber: sql`${orderNumbers.lastNumber} + 1` },
    })
    .returning({ number: orderNumbers.lastNumber });
  return row!.number;
}

async function linesOf(tx: TenantTx, orderIds: string[]) {
  if (orderIds.length === 0) return new Map<string, LineValues[]>();
  const rows = await tx
    .select({
      orderId: orderLines.orderId,
      description: orderLines.description,
      quantity: orderLines.quantity,
      unitPriceCents: orderLines.unitPriceCents,
      totalCents: orderLines.totalCents,
    })
    .from(orderLines)
    .where(
      and(eq(orderLines.organizationId, tx.organizationId), inArray(orderLines.orderId, orderIds)),
    )
    .orderBy(asc(orderLines.orderId), asc(orderLines.position));
  const byOrder = new Map<string, LineValues[]>();
  for (const { orderId, ...line } of rows) {
    byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), line]);
  }
  return byOrder;
}

async function withLines<T extends { id: string }>(tx: TenantTx, rows: T[]) {
  const lines = await linesOf(
    tx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, lines: lines.get(row.id) ?? [] }));
}

export async function getOrder(tx: TenantTx, id: string, lock = false): Promise<Order | undefined> {
  const query = tx
    .select(orderColumns)
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(and(ofTenant(tx), eq(orders.id, id)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: orders }) : await query;
  return row ? (await withLines(tx, [row]))[0] : undefined;
}

export async function insertOrder(
  tx: TenantTx,
  values: { customerId: string; number: number; currency: string; lines: LineValues[] },
): Promise<Order> {
  const totalCents = values.lines.reduce((sum, line) => sum + line.totalCents, 0);
  const [row] = await tx
    .insert(orders)
    .values({
      organizationId: tx.organizationId,
      customerId: values.customerId,
      number: values.number,
      currency: values.currency,
      totalCents,
    })
    .returning({ id: orders.id });
  await insertLines(tx, row!.id, values.lines);
  return (await getOrder(tx, row!.id))!;
}

async function insertLines(tx: TenantTx, orderId: string, lines: LineValues[]) {
  await tx.insert(orderLines).values(
    lines.map((line, position) => ({
      ...line,
      position,
      orderId,
      organizationId: tx.organizationId,
    })),
  );
}

export async function replaceOrderLines(
  tx: TenantTx,
  id: string,
  currency: string,
  lines: LineValues[],
) {
  await tx
    .delete(orderLines)
    .where(and(eq(orderLines.organizationId, tx.organizationId), eq(orderLines.orderId, id)));
  await insertLines(tx, id, lines);
  await tx
    .update(orders)
    .set({
      currency,
      totalCents: lines.reduce((sum, line) => sum + line.totalCents, 0),
      version: sql`${orders.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(ofTenant(tx), eq(orders.id, id)));
  return (await getOrder(tx, id))!;
}

const STATUS_TIMES: Partial<
  Record<OrderStatus, 'placedAt' | 'paidAt' | 'fulfilledAt' | 'cancelledAt'>
> = {
  placed: 'placedAt',
  paid: 'paidAt',
  fulfilled: 'fulfilledAt',
  cancelled: 'cancelledAt',
};

export async function setOrderStatus(tx: TenantTx, id: string, status: OrderStatus) {
  const now = new Date();
  const at = STATUS_TIMES[status];
  await tx
    .update(orders)
    .set({
      status,
      version: sql`${orders.version} + 1`,
      updatedAt: now,
      ...(at ? { [at]: now } : {}),
    })
    .where(and(ofTenant(tx), eq(orders.id, id)));
  return (await getOrder(tx, id))!;
}

const NEWEST_FIRST = { sort: 'createdAt', order: 'desc' } as const;

/**
 * An order number ("1042", "#1042"), also as the start of longer ones ("104" finds #1042), or
 * part of the customer's name, case-insensitively.
 */
function matchesOrderSearch(term: string): SQL {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byName = sql`${customerFullName} ilike ${pattern}`;
  const number = orderNumberOf(term);
  if (number === undefined) return byName;
  return sql`(${eq(orders.number, number)} or ${orders.number}::text like ${`${number}%`} or ${byName})`;
}

/** Orders newest first, filtered (also to the people of one company); keyset on (created_at, id). */
export async function listOrders(tx: TenantTx, params: OrderListParams & { companyId?: string }) {
  const where: SQL[] = [ofTenant(tx)];
  if (params.companyId) where.push(eq(orders.companyId, params.companyId));
  if (params.status?.length) where.push(inArray(orders.status, params.status));
  if (params.customerId) where.push(eq(orders.customerId, params.customerId));
  if (params.createdFrom) where.push(gte(orders.createdAt, params.createdFrom));
  if (params.createdTo) where.push(lt(orders.createdAt, params.createdTo));
  if (params.q) where.push(matchesOrderSearch(params.q));
  if (params.minTotalCents !== undefined) where.push(gte(orders.totalCents, params.minTotalCents));
  if (params.maxTotalCents !== undefined) where.push(lte(orders.totalCents, params.maxTotalCents));
  if (params.updatedSince) where.push(gte(orders.updatedAt, params.updatedSince));
  if (params.cursor) {
    const position = decodeCursor(params.cursor, NEWEST_FIRST);
    where.push(afterPosition(orders.createdAt, orders.id, position, sql`timestamptz`));
  }
  const rows = await tx
    .select(orderColumns)
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(and(...where))
    .orderBy(...keysetOrder('desc', orders.createdAt, orders.id))
    .limit(params.limit + 1);
  const page = pageOf(rows, params.limit, NEWEST_FIRST, (row) => row.createdAt);
  return { ...page, items: await withLines(tx, page.items) };
}

/** Ids of a customer's orders (erasure names them in the audit trail). */
export async function orderIdsOf(tx: TenantTx, customerId: string) {
  const rows = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(ofTenant(tx), eq(orders.customerId, customerId)));
  return rows.map((row) => row.id);
}

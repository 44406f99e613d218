import { auditEntriesAbout, eraseAuditEntries } from '@/server/db/repositories/audit-logs';
import { deleteCustomerPermanently } from '@/server/db/repositories/customer-writes';
import { getCustomerWithDeleted } from '@/server/db/repositories/customers';
import { allInteractionsOf, interactionIdsOf } from '@/server/db/repositories/interactions';
import { listOrders, orderIdsOf } from '@/server/db/repositories/orders';
import type { TenantTx } from '@/server/db/types';
import { eraseCustomerEvents } from '@/server/db/repositories/events';
import { notFound } from '@/server/errors';

/** Everything held about one customer (a data subject access request), as one JSON document. */
export async function exportCustomerData(tx: TenantTx, customerId: string) {
  const customer = await getCustomerWithDeleted(tx, customerId);
  if (!customer) throw notFound('Customer');
  const interactions = await allInteractionsOf(tx, customerId);
  const orders = [];
  let cursor: string | undefined;
  do {
    const page = await listOrders(tx, { customerId, limit: 100, cursor });
    orders.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const audit = await auditEntriesAbout(tx, [
    customerId,
    ...interactions.map((i) => i.id),
    ...orders.map((o) => o.id),
  ]);
  return { exportedAt: new Date(), customer, interactions, orders, auditTrail: audit };
}

/**
 * Erases a customer: the customer and their interactions are deleted; their orders stay (they
 * are the organization's revenue) but no longer point to anyone; and what the audit trail
 * recorded about all of them, and the events that carried their personal data, are replaced by
 * tombstones. The chain still verifies.
 */
export async function eraseCustomer(tx: TenantTx, customerId: string) {
  const customer = await getCustomerWithDeleted(tx, customerId);
  if (!customer) throw notFound('Customer');
  const interactionIds = await interactionIdsOf(tx, customerId);
  const orderIds = await orderIdsOf(tx, customerId);
  const auditEntriesErased = await eraseAuditEntries(tx, [
    customerId,
    ...interactionIds,
    ...orderIds,
  ]);
  const eventsErased = await eraseCustomerEvents(tx, customerId);
  await deleteCustomerPermanently(tx, customerId);
  return {
    customerId,
    interactionsDeleted: interactionIds.length,
    ordersDetached: orderIds.length,
    auditEntriesErased,
    eventsErased,
  };
}

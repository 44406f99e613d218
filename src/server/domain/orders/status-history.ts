import type { Order, OrderHistoryEntry, OrderStatus } from '@/schemas/orders';
import { listAuditLogs } from '@/server/db/repositories/audit-logs';
import type { TenantTx } from '@/server/db/types';

const MILESTONES: readonly [
  OrderStatus,
  'createdAt' | 'placedAt' | 'paidAt' | 'fulfilledAt' | 'cancelledAt',
][] = [
  ['draft', 'createdAt'],
  ['placed', 'placedAt'],
  ['paid', 'paidAt'],
  ['fulfilled', 'fulfilledAt'],
  ['cancelled', 'cancelledAt'],
];

/** More than an order can have: it is created once and changes status at most three times. */
const MOST_ROWS = 10;

type AuditRow = Awaited<ReturnType<typeof listAuditLogs>>['items'][number];
type Actor = Pick<OrderHistoryEntry, 'actorType' | 'actorName'>;

const actorOf = (row: AuditRow | undefined): Actor => ({
  actorType: row?.actorType ?? null,
  actorName: row?.actorName ?? null,
});

/**
 * The order's life, oldest first: its creation and each status it reached, at the times the
 * order records, with who did it as the audit trail tells (the status change's audit row, whose
 * actor is the member or API key of that request). A step without its audit row (data loaded
 * from elsewhere) or whose row was erased names no one.
 */
export async function orderStatusHistory(tx: TenantTx, order: Order): Promise<OrderHistoryEntry[]> {
  const { items } = await listAuditLogs(tx, {
    entityType: 'order',
    entityId: order.id,
    actions: ['order.created', 'order.status_changed'],
    limit: MOST_ROWS,
  });
  // Newest first, so a status reached twice (never, by the status machine) names the last actor.
  const changedTo = (status: OrderStatus) =>
    items.find(
      (row) => row.action === 'order.status_changed' && row.changes.after?.status === status,
    );
  const created = items.findLast((row) => row.action === 'order.created');

  return MILESTONES.flatMap(([status, key]) => {
    const at = order[key];
    if (!at) return [];
    const row = status === 'draft' ? created : changedTo(status);
    return [{ status, at, ...actorOf(row) }];
  }).sort((a, b) => a.at.getTime() - b.at.getTime());
}

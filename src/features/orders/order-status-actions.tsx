'use client';

import { toast } from '@/lib/toast';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { Button } from '@/components/ui/button';
import { describeError, errorCode } from '@/lib/server-errors';
import { ORDER_TRANSITIONS, type OrderStatus } from '@/schemas/orders';
import { api, type RouterOutputs } from '@/trpc/react';

type Order = RouterOutputs['orders']['get'];

const ACTION_LABELS: Record<OrderStatus, string> = {
  draft: 'Move back to draft',
  placed: 'Mark as placed',
  paid: 'Mark as paid',
  fulfilled: 'Mark as fulfilled',
  cancelled: 'Cancel order',
};

const DONE: Record<OrderStatus, string> = {
  draft: 'is a draft again',
  placed: 'was placed',
  paid: 'is marked as paid',
  fulfilled: 'is marked as fulfilled',
  cancelled: 'was cancelled',
};

/** The status changes allowed from the order's current status, one button each. */
export function OrderStatusActions({ order }: { order: Order }) {
  const utils = api.useUtils();
  const setStatus = api.orders.setStatus.useMutation({
    onSuccess: (updated) => {
      utils.orders.get.setData({ id: updated.id }, updated);
      void utils.orders.statusHistory.invalidate({ id: updated.id });
      void utils.orders.list.invalidate();
      void utils.orders.listForCustomer.invalidate();
      toast.success(`Order #${updated.number} ${DONE[updated.status]}`);
    },
    onError: (error) => {
      // Someone else changed the order first: say so and show what it is now.
      if (errorCode(error) === 'CONFLICT') {
        toast.error(error.message);
        void utils.orders.get.invalidate({ id: order.id });
        return;
      }
      toast.error(describeError(error));
    },
  });

  const moves = ORDER_TRANSITIONS[order.status];
  if (moves.length === 0) return null;

  const change = (status: OrderStatus) =>
    setStatus.mutate({ id: order.id, status, expectedVersion: order.version });
  const busy = (status: OrderStatus) =>
    setStatus.isPending && setStatus.variables?.status === status;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {moves.map((status) =>
        status === 'cancelled' ? (
          <ConfirmDestructiveDialog
            key={status}
            trigger={
              <Button variant="outline" disabled={setStatus.isPending}>
                {busy(status) ? 'Cancelling…' : ACTION_LABELS[status]}
              </Button>
            }
            title={`Cancel order #${order.number}?`}
            description="A cancelled order cannot be placed, paid or edited again. The order stays in the list with its lines."
            cancelLabel="Keep order"
            confirmLabel={ACTION_LABELS[status]}
            onConfirm={() => change(status)}
          />
        ) : (
          <Button key={status} onClick={() => change(status)} disabled={setStatus.isPending}>
            {busy(status) ? 'Saving…' : ACTION_LABELS[status]}
          </Button>
        ),
      )}
    </div>
  );
}

'use client';

import { useCan } from '@/components/permissions-provider';
import { OrdersSection } from '@/features/orders/orders-section';
import { nextPageCursor } from '@/lib/cursor-pages';
import { api } from '@/trpc/react';
import { OrderCreateDialog } from './order-create-dialog';

const ORDERS_PAGE_SIZE = 25;

export function CustomerOrders({ customerId }: { customerId: string }) {
  const canWrite = useCan('orders:write');
  const list = api.orders.listForCustomer.useInfiniteQuery(
    { customerId, limit: ORDERS_PAGE_SIZE },
    { getNextPageParam: nextPageCursor },
  );

  return (
    <OrdersSection
      query={list}
      action={canWrite ? <OrderCreateDialog customerId={customerId} /> : null}
      empty={
        canWrite
          ? 'No orders yet. Create one with “New order”.'
          : 'No orders yet. Orders your team creates for this customer will appear here.'
      }
      withCustomer={false}
    />
  );
}

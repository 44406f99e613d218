'use client';

import { EmptyState } from '@/components/empty-state';
import { LoadMore } from '@/components/load-more';
import { useCan } from '@/components/permissions-provider';
import { QueryState } from '@/components/query-state';
import { OrdersTable } from '@/features/orders/orders-table';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
import { api } from '@/trpc/react';
import { OrderCreateDialog } from './order-create-dialog';

const ORDERS_PAGE_SIZE = 25;

export function CustomerOrders({ customerId }: { customerId: string }) {
  const canWrite = useCan('orders:write');
  const list = api.orders.listForCustomer.useInfiniteQuery(
    { customerId, limit: ORDERS_PAGE_SIZE },
    { getNextPageParam: nextPageCursor },
  );
  const orders = loadedItems(list.data);

  return (
    <section aria-labelledby="orders-heading" className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 id="orders-heading" className="text-lg font-semibold">
          Orders
        </h2>
        {canWrite ? <OrderCreateDialog customerId={customerId} /> : null}
      </div>

      <QueryState
        query={list}
        loading={{ label: 'Loading orders', count: 3 }}
        failure="The orders could not be loaded."
        isEmpty={() => orders.length === 0}
        empty={
          <EmptyState>
            {canWrite
              ? 'No orders yet. Create one with “New order”.'
              : 'No orders yet. Orders your team creates for this customer will appear here.'}
          </EmptyState>
        }
      >
        {() => (
          <>
            <OrdersTable orders={orders} withCustomer={false} />
            <LoadMore query={list} label="Show more orders" />
          </>
        )}
      </QueryState>
    </section>
  );
}

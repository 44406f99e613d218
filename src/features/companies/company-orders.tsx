'use client';

import { EmptyState } from '@/components/empty-state';
import { LoadMore } from '@/components/load-more';
import { QueryState } from '@/components/query-state';
import { OrdersTable } from '@/features/orders/orders-table';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
import { api } from '@/trpc/react';
import { companyOrdersParams } from './list-params';

/** The orders of everyone at the company, newest first. */
export function CompanyOrders({ companyId }: { companyId: string }) {
  const list = api.companies.orders.useInfiniteQuery(companyOrdersParams(companyId), {
    getNextPageParam: nextPageCursor,
  });
  const orders = loadedItems(list.data);

  return (
    <section aria-labelledby="orders-heading" className="grid grid-cols-1 gap-4">
      <h2 id="orders-heading" className="text-lg font-semibold">
        Orders
      </h2>
      <QueryState
        query={list}
        loading={{ label: 'Loading orders', count: 3 }}
        failure="The orders could not be loaded."
        isEmpty={() => orders.length === 0}
        empty={
          <EmptyState>
            No orders yet. Orders are created from the page of one of the people here.
          </EmptyState>
        }
      >
        {() => (
          <>
            <OrdersTable orders={orders} />
            <LoadMore query={list} label="Show more orders" />
          </>
        )}
      </QueryState>
    </section>
  );
}

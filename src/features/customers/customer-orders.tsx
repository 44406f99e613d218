'use client';

import { EmptyState } from '@/components/empty-state';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import { OrdersTable } from '@/features/orders/orders-table';
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
    <PageSection
      id="orders-heading"
      title="Orders"
      action={canWrite ? <OrderCreateDialog customerId={customerId} /> : null}
    >
      <PagedList
        query={list}
        loading={{ label: 'Loading orders', count: 3 }}
        failure="The orders could not be loaded."
        empty={
          <EmptyState>
            {canWrite
              ? 'No orders yet. Create one with “New order”.'
              : 'No orders yet. Orders your team creates for this customer will appear here.'}
          </EmptyState>
        }
        moreLabel="Show more orders"
      >
        {(orders) => <OrdersTable orders={orders} withCustomer={false} />}
      </PagedList>
    </PageSection>
  );
}

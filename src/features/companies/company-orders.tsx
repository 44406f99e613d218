'use client';

import { EmptyState } from '@/components/empty-state';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { OrdersTable } from '@/features/orders/orders-table';
import { nextPageCursor } from '@/lib/cursor-pages';
import { api } from '@/trpc/react';
import { companyOrdersParams } from './list-params';

/** The orders of everyone at the company, newest first. */
export function CompanyOrders({ companyId }: { companyId: string }) {
  const list = api.companies.orders.useInfiniteQuery(companyOrdersParams(companyId), {
    getNextPageParam: nextPageCursor,
  });

  return (
    <PageSection id="orders-heading" title="Orders">
      <PagedList
        query={list}
        loading={{ label: 'Loading orders', count: 3 }}
        failure="The orders could not be loaded."
        empty={
          <EmptyState>
            No orders yet. Orders are created from the page of one of the people here.
          </EmptyState>
        }
        moreLabel="Show more orders"
      >
        {(orders) => <OrdersTable orders={orders} />}
      </PagedList>
    </PageSection>
  );
}

'use client';

import { EmptyState } from '@/components/empty-state';
import { PagedList, type PagedQuery } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import type { RouterOutputs } from '@/trpc/react';
import { OrdersTable } from './orders-table';

type Order = RouterOutputs['orders']['list']['items'][number];

/** A record's "Orders" section: its orders a page at a time, `empty` saying why there are none. */
export function OrdersSection({
  query,
  action,
  empty,
  withCustomer,
}: {
  query: PagedQuery<Order>;
  /** A way to add an order, at the heading's end. */
  action?: React.ReactNode;
  empty: React.ReactNode;
  withCustomer?: boolean;
}) {
  return (
    <PageSection id="orders-heading" title="Orders" action={action}>
      <PagedList
        query={query}
        loading={{ label: 'Loading orders', count: 3 }}
        failure="The orders could not be loaded."
        empty={<EmptyState>{empty}</EmptyState>}
        moreLabel="Show more orders"
      >
        {(orders) => <OrdersTable orders={orders} withCustomer={withCustomer} />}
      </PagedList>
    </PageSection>
  );
}

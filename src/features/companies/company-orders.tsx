'use client';

import { OrdersSection } from '@/features/orders/orders-section';
import { nextPageCursor } from '@/lib/cursor-pages';
import { api } from '@/trpc/react';
import { companyOrdersParams } from './list-params';

/** The orders of everyone at the company, newest first. */
export function CompanyOrders({ companyId }: { companyId: string }) {
  const list = api.companies.orders.useInfiniteQuery(companyOrdersParams(companyId), {
    getNextPageParam: nextPageCursor,
  });

  return (
    <OrdersSection
      query={list}
      empty="No orders yet. Orders are created from the page of one of the people here."
    />
  );
}

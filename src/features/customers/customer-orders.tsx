'use client';

import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { LoadMore } from '@/components/load-more';
import { useCan } from '@/components/permissions-provider';
import { QueryState } from '@/components/query-state';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { OrderStatusBadge } from '@/features/orders/order-status-badge';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
import { formatDate, formatMoney } from '@/lib/format';
import { api, type RouterOutputs } from '@/trpc/react';
import { OrderCreateDialog } from './order-create-dialog';

type CustomerOrder = RouterOutputs['orders']['listForCustomer']['items'][number];

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
            <CustomerOrdersTable orders={orders} />
            <LoadMore query={list} label="Show more orders" />
          </>
        )}
      </QueryState>
    </section>
  );
}

function CustomerOrdersTable({ orders }: { orders: CustomerOrder[] }) {
  return (
    <div className="rounded-lg border bg-background">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Order</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Total</TableHead>
            <TableHead className="text-right">Created</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {orders.map((order) => (
            <TableRow key={order.id}>
              <TableCell className="font-medium">
                <Link
                  href={`/orders/${order.id}`}
                  className="underline-offset-4 hover:underline focus-visible:underline"
                >
                  #{order.number}
                </Link>
              </TableCell>
              <TableCell>
                <OrderStatusBadge status={order.status} />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatMoney(order.totalCents, order.currency)}
              </TableCell>
              <TableCell className="text-right text-muted-foreground">
                <time dateTime={order.createdAt.toISOString()}>{formatDate(order.createdAt)}</time>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

'use client';

import Link from 'next/link';
import { ErrorState } from '@/components/error-state';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { OrderStatusBadge } from '@/features/orders/order-status-badge';
import { formatDate, formatMoney } from '@/lib/format';
import { api } from '@/trpc/react';
import { OrderCreateDialog } from './order-create-dialog';

const ORDERS_PAGE_SIZE = 25;

export function CustomerOrders({ customerId }: { customerId: string }) {
  const canWrite = useCan('orders:write');
  const list = api.orders.listForCustomer.useInfiniteQuery(
    { customerId, limit: ORDERS_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const orders = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="orders-heading" className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 id="orders-heading" className="text-lg font-semibold">
          Orders
        </h2>
        {canWrite ? <OrderCreateDialog customerId={customerId} /> : null}
      </div>

      {list.isPending ? (
        <div className="grid gap-2" role="status" aria-label="Loading orders">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <ErrorState
          what="The orders could not be loaded."
          error={list.error}
          retry={() => void list.refetch()}
        />
      ) : orders.length === 0 ? (
        <div className="rounded-lg border border-dashed bg-background p-8 text-center">
          <p className="text-sm text-muted-foreground">
            {canWrite
              ? 'No orders yet. Create one with “New order”.'
              : 'No orders yet. Orders your team creates for this customer will appear here.'}
          </p>
        </div>
      ) : (
        <>
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
                      <time dateTime={order.createdAt.toISOString()}>
                        {formatDate(order.createdAt)}
                      </time>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {list.hasNextPage ? (
            <div className="flex justify-center">
              <Button
                variant="outline"
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? 'Loading…' : 'Show more orders'}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

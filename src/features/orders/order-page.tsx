'use client';

import { PencilIcon } from 'lucide-react';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { PageSection } from '@/components/page-section';
import { QueryState } from '@/components/query-state';
import { useCan } from '@/components/permissions-provider';
import {
  RecordNotFound,
  RecordPageFrame,
  RecordPageSkeleton,
  RecordQueryState,
} from '@/components/record-page';
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
import { formatDateTime, formatMoney } from '@/lib/format';
import type { OrderStatus } from '@/schemas/orders';
import { api, type RouterOutputs } from '@/trpc/react';
import { uuidParam } from '@/lib/url-params';
import { OpenTasks } from '@/features/tasks/open-tasks';
import { OrderLinesEditor } from './order-lines-editor';
import { OrderStatusActions } from './order-status-actions';
import { OrderStatusBadge } from './order-status-badge';
import { OrderCustomer } from './orders-table';

type Order = RouterOutputs['orders']['get'];

const ORDERS = { label: 'Orders', href: '/orders' };

export function OrderPage({ id }: { id: string }) {
  // A malformed id cannot be an order, so it is not asked for.
  const wellFormed = uuidParam(id) !== undefined;
  const order = api.orders.get.useQuery({ id }, { enabled: wellFormed });

  const notFound = (
    <RecordNotFound
      list={ORDERS}
      breadcrumbs={false}
      title="Order not found"
      message="This order does not exist."
      hint="It may have been mistyped, or belong to another organization."
    />
  );

  if (!wellFormed) return notFound;
  return (
    <RecordQueryState
      query={order}
      list={ORDERS}
      title="Order"
      failure="The order could not be loaded."
      loading={<OrderSkeleton />}
      notFound={notFound}
    >
      {(data) => <OrderDetails order={data} />}
    </RecordQueryState>
  );
}

function OrderDetails({ order }: { order: Order }) {
  const canWrite = useCan('orders:write');
  const [editingLines, setEditingLines] = useState(false);
  // Only a draft's lines can change; an order placed meanwhile leaves the editor.
  const editing = editingLines && canWrite && order.status === 'draft';

  return (
    <RecordPageFrame list={ORDERS} crumb={`Order #${order.number}`}>
      <PageHeader
        title={`Order #${order.number}`}
        // Hidden while editing lines, so a status change cannot drop unsaved edits.
        actions={canWrite && !editing ? <OrderStatusActions order={order} /> : null}
      />
      <div className="-mt-3 flex flex-wrap items-center gap-3 text-sm">
        <OrderStatusBadge status={order.status} />
        <span>
          <span className="text-muted-foreground">Customer: </span>
          <OrderCustomer customerId={order.customerId} customerName={order.customerName} />
        </span>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <PageSection
          boxed
          id="order-lines-heading"
          title="Lines"
          action={
            canWrite && order.status === 'draft' && !editing ? (
              <Button variant="outline" size="sm" onClick={() => setEditingLines(true)}>
                <PencilIcon aria-hidden="true" />
                Edit lines
              </Button>
            ) : null
          }
        >
          {editing ? (
            <OrderLinesEditor order={order} onDone={() => setEditingLines(false)} />
          ) : (
            <OrderLinesTable order={order} />
          )}
        </PageSection>

        <PageSection boxed id="order-history-heading" title="Status history">
          <OrderTimeline order={order} />
        </PageSection>
      </div>

      <OpenTasks related={{ type: 'order', id: order.id }} />
    </RecordPageFrame>
  );
}

function OrderLinesTable({ order }: { order: Order }) {
  if (order.lines.length === 0) {
    return <p className="text-sm text-muted-foreground">This order has no lines.</p>;
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Description</TableHead>
          <TableHead className="text-right">Quantity</TableHead>
          <TableHead className="text-right">Unit price</TableHead>
          <TableHead className="text-right">Line total</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {order.lines.map((line, index) => (
          <TableRow key={index}>
            <TableCell className="whitespace-normal">{line.description}</TableCell>
            <TableCell className="text-right tabular-nums">{line.quantity}</TableCell>
            <TableCell className="text-right tabular-nums">
              {formatMoney(line.unitPriceCents, order.currency)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatMoney(line.totalCents, order.currency)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      <tfoot className="border-t font-medium">
        <TableRow className="hover:bg-transparent">
          <TableHead scope="row" colSpan={3} className="text-right">
            Total
          </TableHead>
          <TableCell className="text-right font-semibold tabular-nums">
            {formatMoney(order.totalCents, order.currency)}
          </TableCell>
        </TableRow>
      </tfoot>
    </Table>
  );
}

/** "Paid", said of what an entry of the history records. */
const STEP_LABELS: Record<OrderStatus, string> = {
  draft: 'Created',
  placed: 'Placed',
  paid: 'Paid',
  fulfilled: 'Fulfilled',
  cancelled: 'Cancelled',
};

const sameYearFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "3 Dec 14:02" (in the reader's locale), with the year when it is not this one. */
const historyTime = (at: Date) =>
  at.getFullYear() === new Date().getFullYear() ? sameYearFormat.format(at) : formatDateTime(at);

/**
 * When the order was created and reached each status, and who did it: "Paid by Ana Silva ·
 * 3 Dec 14:02". A step the trail does not name anyone for shows its time alone.
 */
function OrderTimeline({ order }: { order: Order }) {
  const history = api.orders.statusHistory.useQuery({ id: order.id });

  return (
    <QueryState
      query={history}
      loading={{ label: 'Loading the status history', count: 2 }}
      failure="The status history could not be loaded."
    >
      {({ items }) => (
        <ol className="grid gap-4 border-l pl-4">
          {items.map((entry) => (
            <li key={entry.status} className="relative grid gap-0.5 text-sm">
              <span
                aria-hidden="true"
                className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-primary"
              />
              <span>
                <span className="font-medium">{STEP_LABELS[entry.status]}</span>
                {entry.actorName ? (
                  <>
                    {' by '}
                    <span className="font-medium">{entry.actorName}</span>
                    {entry.actorType === 'api_key' ? (
                      <span className="text-muted-foreground"> (API key)</span>
                    ) : null}
                  </>
                ) : null}
                <span className="text-muted-foreground">
                  {' · '}
                  <time
                    dateTime={entry.at.toISOString()}
                    title={formatDateTime(entry.at)}
                    suppressHydrationWarning
                  >
                    {historyTime(entry.at)}
                  </time>
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </QueryState>
  );
}

function OrderSkeleton() {
  return (
    <RecordPageSkeleton label="Loading the order">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="grid gap-2">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
        <Skeleton className="h-40 w-full" />
      </div>
    </RecordPageSkeleton>
  );
}

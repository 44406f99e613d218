import Link from 'next/link';
import { ListTable } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import { formatDate, formatMoney } from '@/lib/format';
import type { RouterOutputs } from '@/trpc/react';
import { OrderStatusBadge } from './order-status-badge';

type Order = RouterOutputs['orders']['list']['items'][number];

/** Orders as a table; a customer's own orders leave out the customer column. */
export function OrdersTable({
  orders,
  withCustomer = true,
}: {
  orders: Order[];
  withCustomer?: boolean;
}) {
  return (
    <ListTable
      columns={[
        'Order',
        withCustomer && 'Customer',
        'Status',
        { label: 'Total', className: 'text-right' },
        { label: 'Created', className: 'text-right' },
      ]}
    >
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
          {withCustomer ? (
            <TableCell>
              <OrderCustomer customerId={order.customerId} customerName={order.customerName} />
            </TableCell>
          ) : null}
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
    </ListTable>
  );
}

/** The customer of an order as a link, or a note that the customer's data was erased. */
export function OrderCustomer({
  customerId,
  customerName,
}: {
  customerId: string | null;
  customerName: string | null;
}) {
  if (!customerId) return <span className="text-muted-foreground">Erased customer</span>;
  return (
    <Link href={`/customers/${customerId}`} className="underline-offset-4 hover:underline">
      {customerName || 'Unnamed customer'}
    </Link>
  );
}

import Link from 'next/link';
import { ListTable } from '@/components/list-table';
import { DateCell, NameCell } from '@/components/record-cells';
import { TableCell, TableRow } from '@/components/ui/table';
import { formatMoney } from '@/lib/format';
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
        withCustomer && { label: 'Customer', secondary: true },
        'Status',
        { label: 'Total', className: 'text-right' },
        { label: 'Created', className: 'text-right', secondary: true },
      ]}
    >
      {orders.map((order) => (
        <TableRow key={order.id}>
          <NameCell href={`/orders/${order.id}`}>#{order.number}</NameCell>
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
          <DateCell date={order.createdAt} />
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

import Link from 'next/link';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { formatDate, formatMoney } from '@/lib/format';
import type { RouterOutputs } from '@/trpc/react';
import { OrderStatusBadge } from './order-status-badge';

type Order = RouterOutputs['orders']['list']['items'][number];

export function OrdersTable({ orders }: { orders: Order[] }) {
  return (
    <div className="rounded-lg border bg-background">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Order</TableHead>
            <TableHead>Customer</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Total</TableHead>
            <TableHead className="text-right">Created</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {orders.map((order) => (
            <TableRow key={order.id}>
              <TableCell className="font-medium">
                <Link href={`/orders/${order.id}`} className="underline-offset-4 hover:underline">
                  #{order.number}
                </Link>
              </TableCell>
              <TableCell>
                <OrderCustomer customerId={order.customerId} customerName={order.customerName} />
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

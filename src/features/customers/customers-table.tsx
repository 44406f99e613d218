'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { customerName, formatDate } from '@/lib/format';
import type { CustomerSort } from '@/schemas/customers';
import type { RouterOutputs } from '@/trpc/react';
import { CustomerRowActions, useHasRowActions } from './customer-row-actions';
import { CustomerStatusBadge } from './customer-status-badge';

type Customer = RouterOutputs['customers']['list']['items'][number];

export function CustomersTable({
  customers,
  sort,
}: {
  customers: Customer[];
  /** Sorted by when they were last changed, the table shows that date instead of the created one. */
  sort?: CustomerSort;
}) {
  const withActions = useHasRowActions();
  const byUpdate = sort === 'updatedAt';

  return (
    <div className="rounded-lg border bg-background">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Company</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Tags</TableHead>
            <TableHead className="text-right">{byUpdate ? 'Updated' : 'Created'}</TableHead>
            {withActions ? (
              <TableHead className="w-12">
                <span className="sr-only">Actions</span>
              </TableHead>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {customers.map((customer) => {
            const date = byUpdate ? customer.updatedAt : customer.createdAt;
            return (
              <TableRow key={customer.id}>
                <TableCell className="font-medium">
                  <Link
                    href={`/customers/${customer.id}`}
                    className="underline-offset-4 hover:underline focus-visible:underline"
                  >
                    {customerName(customer)}
                  </Link>
                </TableCell>
                <TableCell className="text-muted-foreground">{customer.email ?? '—'}</TableCell>
                <TableCell>{customer.company ?? '—'}</TableCell>
                <TableCell>
                  <CustomerStatusBadge status={customer.status} />
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {customer.tags.map((tag) => (
                      <Badge key={tag} variant="secondary">
                        {tag}
                      </Badge>
                    ))}
                  </div>
                </TableCell>
                <TableCell className="text-right text-muted-foreground">
                  <time dateTime={date.toISOString()}>{formatDate(date)}</time>
                </TableCell>
                {withActions ? (
                  // Named on its own, so this cell is not found by the customer's name as well.
                  <TableCell aria-label="Actions" className="text-right">
                    <CustomerRowActions customer={customer} />
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

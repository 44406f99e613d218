'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Checkbox } from '@/components/ui/checkbox';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { customerName, formatDate } from '@/lib/format';
import { MAX_BULK_CUSTOMERS, type CustomerSort } from '@/schemas/customer-constants';
import type { RouterOutputs } from '@/trpc/react';
import type { CustomerColumn } from './customer-columns';
import { CustomerRowActions, useHasRowActions } from './customer-row-actions';
import { CustomerStatusBadge } from './customer-status-badge';

type Customer = RouterOutputs['customers']['list']['items'][number];

export function CustomersTable({
  customers,
  sort,
  hidden,
  selected,
  onSelectedChange,
}: {
  customers: Customer[];
  /** Sorted by when they were last changed, the table shows that date instead of the created one. */
  sort?: CustomerSort;
  hidden: ReadonlySet<CustomerColumn>;
  /** With a selection, rows get checkboxes for bulk actions. */
  selected?: ReadonlySet<string>;
  onSelectedChange?: (selected: Set<string>) => void;
}) {
  const withActions = useHasRowActions();
  const byUpdate = sort === 'updatedAt';
  const shows = (column: CustomerColumn) => !hidden.has(column);
  const selectable = selected !== undefined && onSelectedChange !== undefined;
  const selectedHere = customers.filter((customer) => selected?.has(customer.id)).length;

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelectedChange?.(next);
  }

  return (
    <div className="overflow-x-auto rounded-lg border bg-background">
      <Table>
        <TableHeader>
          <TableRow>
            {selectable ? (
              <TableHead className="w-10">
                <Checkbox
                  aria-label="Select all shown customers"
                  checked={
                    selectedHere === 0
                      ? false
                      : selectedHere === customers.length
                        ? true
                        : 'indeterminate'
                  }
                  onCheckedChange={(checked) =>
                    onSelectedChange(
                      checked === true
                        ? new Set(customers.slice(0, MAX_BULK_CUSTOMERS).map((c) => c.id))
                        : new Set(),
                    )
                  }
                />
              </TableHead>
            ) : null}
            <TableHead>Name</TableHead>
            {shows('email') ? <TableHead>Email</TableHead> : null}
            {shows('company') ? <TableHead>Company</TableHead> : null}
            {shows('status') ? <TableHead>Status</TableHead> : null}
            {shows('tags') ? <TableHead>Tags</TableHead> : null}
            {shows('date') ? (
              <TableHead className="text-right">{byUpdate ? 'Updated' : 'Created'}</TableHead>
            ) : null}
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
            const name = customerName(customer);
            const isSelected = selected?.has(customer.id) ?? false;
            return (
              <TableRow key={customer.id} data-state={isSelected ? 'selected' : undefined}>
                {selectable ? (
                  <TableCell aria-label="Select">
                    <Checkbox
                      aria-label={`Select ${name}`}
                      checked={isSelected}
                      disabled={!isSelected && (selected?.size ?? 0) >= MAX_BULK_CUSTOMERS}
                      onCheckedChange={(checked) => toggle(customer.id, checked === true)}
                    />
                  </TableCell>
                ) : null}
                <TableCell className="font-medium">
                  <Link
                    href={`/customers/${customer.id}`}
                    className="underline-offset-4 hover:underline focus-visible:underline"
                  >
                    {name}
                  </Link>
                </TableCell>
                {shows('email') ? (
                  <TableCell className="text-muted-foreground">{customer.email ?? '—'}</TableCell>
                ) : null}
                {shows('company') ? <TableCell>{customer.company ?? '—'}</TableCell> : null}
                {shows('status') ? (
                  <TableCell>
                    <CustomerStatusBadge status={customer.status} />
                  </TableCell>
                ) : null}
                {shows('tags') ? (
                  <TableCell>
                    <div className="flex flex-wrap gap-1">
                      {customer.tags.map((tag) => (
                        <Badge key={tag} variant="secondary">
                          {tag}
                        </Badge>
                      ))}
                    </div>
                  </TableCell>
                ) : null}
                {shows('date') ? (
                  <TableCell className="text-right text-muted-foreground">
                    <time dateTime={date.toISOString()}>{formatDate(date)}</time>
                  </TableCell>
                ) : null}
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

'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Checkbox } from '@/components/ui/checkbox';
import { ListTable } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import { customerName, formatDate } from '@/lib/format';
import { MAX_BULK_CUSTOMERS, type CustomerSort } from '@/schemas/customer-constants';
import type { RouterOutputs } from '@/trpc/react';
import type { CustomerColumn } from './customer-columns';
import { CustomerRowActions, useHasRowActions } from './customer-row-actions';
import { CustomerStatusBadge } from './customer-status-badge';

type Customer = RouterOutputs['customers']['list']['items'][number];

/** What every row shows: the columns left visible, and whether rows have checkboxes and actions. */
interface RowLayout {
  shows: (column: CustomerColumn) => boolean;
  byUpdate: boolean;
  selectable: boolean;
  withActions: boolean;
}

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
  const layout: RowLayout = {
    shows: (column) => !hidden.has(column),
    byUpdate: sort === 'updatedAt',
    selectable: selected !== undefined && onSelectedChange !== undefined,
    withActions,
  };
  const selectedHere = customers.filter((customer) => selected?.has(customer.id)).length;

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelectedChange?.(next);
  }

  return (
    <ListTable
      className="overflow-x-auto"
      columns={[
        layout.selectable && {
          className: 'w-10',
          label: (
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
                onSelectedChange?.(
                  checked === true
                    ? new Set(customers.slice(0, MAX_BULK_CUSTOMERS).map((c) => c.id))
                    : new Set(),
                )
              }
            />
          ),
        },
        'Name',
        layout.shows('email') && 'Email',
        layout.shows('company') && 'Company',
        layout.shows('status') && 'Status',
        layout.shows('tags') && 'Tags',
        layout.shows('date') && {
          label: layout.byUpdate ? 'Updated' : 'Created',
          className: 'text-right',
        },
        layout.withActions && { label: 'Actions', srOnly: true, className: 'w-12' },
      ]}
    >
      {customers.map((customer) => (
        <CustomerRow
          key={customer.id}
          customer={customer}
          layout={layout}
          isSelected={selected?.has(customer.id) ?? false}
          selectionFull={(selected?.size ?? 0) >= MAX_BULK_CUSTOMERS}
          onToggle={(on) => toggle(customer.id, on)}
        />
      ))}
    </ListTable>
  );
}

function CustomerRow({
  customer,
  layout,
  isSelected,
  selectionFull,
  onToggle,
}: {
  customer: Customer;
  layout: RowLayout;
  isSelected: boolean;
  selectionFull: boolean;
  onToggle: (on: boolean) => void;
}) {
  const { shows } = layout;
  const date = layout.byUpdate ? customer.updatedAt : customer.createdAt;
  const name = customerName(customer);
  return (
    <TableRow data-state={isSelected ? 'selected' : undefined}>
      {layout.selectable ? (
        <TableCell aria-label="Select">
          <Checkbox
            aria-label={`Select ${name}`}
            checked={isSelected}
            disabled={!isSelected && selectionFull}
            onCheckedChange={(checked) => onToggle(checked === true)}
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
      {shows('company') ? (
        <TableCell>
          {customer.companyId && customer.company ? (
            <Link
              href={`/companies/${customer.companyId}`}
              className="underline-offset-4 hover:underline focus-visible:underline"
            >
              {customer.company}
            </Link>
          ) : (
            (customer.company ?? '—')
          )}
        </TableCell>
      ) : null}
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
      {layout.withActions ? (
        // Named on its own, so this cell is not found by the customer's name as well.
        <TableCell aria-label="Actions" className="text-right">
          <CustomerRowActions customer={customer} />
        </TableCell>
      ) : null}
    </TableRow>
  );
}

'use client';

import { ListTable } from '@/components/list-table';
import { DateCell, NameCell, RecordLink, TagsCell } from '@/components/record-cells';
import { selectionColumn, SelectRowCell, type RowSelection } from '@/components/row-selection';
import { TableCell, TableRow } from '@/components/ui/table';
import { customerName } from '@/lib/format';
import type { CustomerSort } from '@/schemas/customer-constants';
import type { RouterOutputs } from '@/trpc/react';
import type { CustomerColumn } from './customer-columns';
import { CustomerRowActions, useHasRowActions } from './customer-row-actions';
import { CustomerStatusBadge } from './customer-status-badge';

type Customer = RouterOutputs['customers']['list']['items'][number];

/** What every row shows: the columns left visible, whether rows have checkboxes and actions. */
interface RowLayout {
  shows: (column: CustomerColumn) => boolean;
  byUpdate: boolean;
  selection?: RowSelection;
  withActions: boolean;
}

export function CustomersTable({
  customers,
  sort,
  hidden,
  selection,
}: {
  customers: Customer[];
  /** Sorted by when they were last changed, the table shows that date instead of the created one. */
  sort?: CustomerSort;
  hidden: ReadonlySet<CustomerColumn>;
  /** With a selection, rows get checkboxes for bulk actions. */
  selection?: RowSelection;
}) {
  const layout: RowLayout = {
    shows: (column) => !hidden.has(column),
    byUpdate: sort === 'updatedAt',
    selection,
    withActions: useHasRowActions(),
  };

  return (
    <ListTable
      className="overflow-x-auto"
      columns={[
        selection !== undefined &&
          selectionColumn(customers, selection, 'Select all shown customers'),
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
        <CustomerRow key={customer.id} customer={customer} layout={layout} />
      ))}
    </ListTable>
  );
}

function CustomerRow({ customer, layout }: { customer: Customer; layout: RowLayout }) {
  const { shows, selection } = layout;
  const name = customerName(customer);
  return (
    <TableRow data-state={selection?.selected.has(customer.id) ? 'selected' : undefined}>
      {selection ? <SelectRowCell id={customer.id} name={name} selection={selection} /> : null}
      <NameCell href={`/customers/${customer.id}`}>{name}</NameCell>
      {shows('email') ? (
        <TableCell className="text-muted-foreground">{customer.email ?? '—'}</TableCell>
      ) : null}
      {shows('company') ? (
        <TableCell>
          {customer.companyId && customer.company ? (
            <RecordLink href={`/companies/${customer.companyId}`}>{customer.company}</RecordLink>
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
      {shows('tags') ? <TagsCell tags={customer.tags} /> : null}
      {shows('date') ? (
        <DateCell date={layout.byUpdate ? customer.updatedAt : customer.createdAt} />
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

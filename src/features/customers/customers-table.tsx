'use client';

import dynamic from 'next/dynamic';
import { InlineCell, type InlineField, type InlineSaving } from '@/components/inline-cell';
import { ListTable } from '@/components/list-table';
import { useCan } from '@/components/permissions-provider';
import {
  OpenableRow,
  useOpenRecord,
  usePanelWanted,
  type OpenRecord,
} from '@/components/open-record';
import { DateCell, NameCell, RecordLink, TagsCell } from '@/components/record-cells';
import { selectionColumn, SelectRowCell, type RowSelection } from '@/components/row-selection';
import { Badge } from '@/components/ui/badge';
import { TableCell } from '@/components/ui/table';
import { customerName } from '@/lib/format';
import { CUSTOMER_STATUSES, type CustomerSort } from '@/schemas/customer-constants';
import type { Customer, CustomerUpdateInput } from '@/schemas/customers';
import { splitTags } from '@/features/records/split-tags';
import { api } from '@/trpc/react';
import type { CustomerColumn } from './customer-columns';
import { companyLinkInput } from './customer-company';
import { CustomerRowActions, useHasRowActions } from './customer-row-actions';
import { CustomerStatusBadge, customerStatusLabel } from './customer-status-badge';

// The panel's code (details, timeline, composer) loads when a record is first opened.
const CustomerPanel = dynamic(
  () => import('./customer-panel').then((module) => module.CustomerPanel),
  {
    ssr: false,
  },
);

type CustomerPatch = Omit<CustomerUpdateInput, 'id' | 'expectedVersion'>;
type CustomerField = InlineField<Customer, CustomerPatch>;

const emailField: CustomerField = {
  name: 'email',
  draft: (customer) => customer.email ?? '',
  show: (customer) => (
    <span className="truncate text-muted-foreground">{customer.email ?? '—'}</span>
  ),
  editor: { kind: 'input', type: 'email' },
  change: (draft) => ({ patch: { email: draft.trim() } }),
};

const companyField: CustomerField = {
  name: 'company',
  draft: (customer) => customer.company ?? '',
  show: (customer) => customer.company ?? '—',
  readOnly: (customer) =>
    customer.companyId && customer.company ? (
      <RecordLink href={`/companies/${customer.companyId}`}>{customer.company}</RecordLink>
    ) : (
      (customer.company ?? '—')
    ),
  editor: { kind: 'input' },
  // A name links the organization's company of that name, created when there is none.
  change: (draft) => ({ patch: companyLinkInput({ company: draft, companyId: null }) }),
};

const statusField: CustomerField = {
  name: 'status',
  draft: (customer) => customer.status,
  show: (customer) => <CustomerStatusBadge status={customer.status} />,
  editor: {
    kind: 'select',
    options: CUSTOMER_STATUSES.map((status) => ({
      value: status,
      label: customerStatusLabel(status),
    })),
  },
  change: (draft) => {
    const status = CUSTOMER_STATUSES.find((known) => known === draft);
    return status ? { patch: { status } } : { error: 'must be one of the statuses listed' };
  },
};

const tagsField: CustomerField = {
  name: 'tags',
  draft: (customer) => customer.tags.join(', '),
  show: (customer) =>
    customer.tags.length > 0 ? (
      <span className="flex flex-wrap gap-1">
        {customer.tags.map((tag) => (
          <Badge key={tag} variant="secondary">
            {tag}
          </Badge>
        ))}
      </span>
    ) : (
      <span className="text-muted-foreground">—</span>
    ),
  words: (customer) => (customer.tags.length > 0 ? customer.tags.join(', ') : 'No tags'),
  editor: { kind: 'input' },
  // The server checks each tag and says what is wrong with it; the list carries no schema code.
  change: (draft) => ({ patch: { tags: splitTags(draft) } }),
};

/** Saves a customer's change in place, and reads the version someone else saved meanwhile. */
function useCustomerSaving(): InlineSaving<Customer, CustomerPatch> {
  const utils = api.useUtils();
  return {
    async save(customer, patch, expectedVersion) {
      const updated = await utils.client.customers.update.mutate({
        id: customer.id,
        expectedVersion,
        ...patch,
      });
      utils.customers.get.setData({ id: updated.id }, updated);
      void Promise.all([
        utils.customers.list.invalidate(),
        utils.customers.count.invalidate(),
        utils.companies.invalidate(),
      ]);
      return updated;
    },
    async fetchLatest({ id }) {
      const fresh = await utils.customers.get.fetch({ id }, { staleTime: 0 });
      void utils.customers.list.invalidate();
      return fresh;
    },
  };
}

/** What every row shows and may do: the columns left visible, checkboxes, actions, edits. */
interface RowLayout {
  shows: (column: CustomerColumn) => boolean;
  byUpdate: boolean;
  selection?: RowSelection;
  withActions: boolean;
  canEdit: boolean;
  saving: InlineSaving<Customer, CustomerPatch>;
  panel: OpenRecord;
}

/**
 * Customers as a table. Those who may change customers edit the e-mail, company, status and
 * tags in place; clicking a row elsewhere opens the customer in a side panel.
 */
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
  const panel = useOpenRecord(customers.map((customer) => customer.id));
  const panelWanted = usePanelWanted(panel);
  const layout: RowLayout = {
    shows: (column) => !hidden.has(column),
    byUpdate: sort === 'updatedAt',
    selection,
    withActions: useHasRowActions(),
    canEdit: useCan('customers:write'),
    saving: useCustomerSaving(),
    panel,
  };

  return (
    <>
      <ListTable
        className="overflow-x-auto"
        columns={[
          selection !== undefined &&
            selectionColumn(customers, selection, 'Select all shown customers'),
          'Name',
          layout.shows('email') && { label: 'Email', secondary: true },
          layout.shows('company') && { label: 'Company', secondary: true },
          layout.shows('status') && 'Status',
          layout.shows('tags') && { label: 'Tags', secondary: true },
          layout.shows('date') && {
            label: layout.byUpdate ? 'Updated' : 'Created',
            className: 'text-right',
            secondary: true,
          },
          layout.withActions && { label: 'Actions', srOnly: true, className: 'w-12' },
        ]}
      >
        {customers.map((customer) => (
          <CustomerRow key={customer.id} customer={customer} layout={layout} />
        ))}
      </ListTable>
      {panelWanted ? <CustomerPanel panel={panel} /> : null}
    </>
  );
}

function CustomerRow({ customer, layout }: { customer: Customer; layout: RowLayout }) {
  const { shows, selection, canEdit, saving } = layout;
  const name = customerName(customer);
  const cell = (field: CustomerField) => (
    <InlineCell
      record={customer}
      recordName={name}
      field={field}
      saving={saving}
      canEdit={canEdit}
    />
  );
  return (
    <OpenableRow
      recordId={customer.id}
      panel={layout.panel}
      data-state={selection?.selected.has(customer.id) ? 'selected' : undefined}
    >
      {selection ? <SelectRowCell id={customer.id} name={name} selection={selection} /> : null}
      <NameCell
        preview={{ name: name, open: () => layout.panel.open(customer.id) }}
        href={`/customers/${customer.id}`}
      >
        {name}
      </NameCell>
      {shows('email') ? cell(emailField) : null}
      {shows('company') ? cell(companyField) : null}
      {shows('status') ? cell(statusField) : null}
      {shows('tags') ? canEdit ? cell(tagsField) : <TagsCell tags={customer.tags} /> : null}
      {shows('date') ? (
        <DateCell date={layout.byUpdate ? customer.updatedAt : customer.createdAt} />
      ) : null}
      {layout.withActions ? (
        // Named on its own, so this cell is not found by the customer's name as well.
        <TableCell aria-label="Actions" className="text-right">
          <CustomerRowActions customer={customer} />
        </TableCell>
      ) : null}
    </OpenableRow>
  );
}

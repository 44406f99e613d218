'use client';

import { ColumnVisibilityMenu } from '@/components/column-visibility-menu';
import { keepPreviousData } from '@tanstack/react-query';
import { DownloadIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { EmptyState } from '@/components/empty-state';
import { PagedList } from '@/components/paged-list';
import { PageHeader } from '@/components/page-header';
import { useRowSelection } from '@/components/row-selection';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
import { useListUrl } from '@/lib/use-list-url';
import { MAX_BULK_CUSTOMERS, SEARCH_BUDGET } from '@/schemas/customer-constants';
import { api } from '@/trpc/react';
import { CUSTOMER_COLUMNS, useHiddenCustomerColumns } from './customer-columns';
import { CustomerCount } from './customer-count';
import { CustomerCreateDialog } from './customer-create-dialog';
import { CustomerFilters } from './customer-filters';
import { useHasRowActions } from './customer-row-actions';
import { CustomersTable } from './customers-table';
import { SavedViewsBar } from '@/features/views/saved-views-bar';
import {
  customerListParams,
  customerViewQuery,
  exportHref,
  hasFilters,
  listStateQuery,
  CUSTOMER_LIST_URL,
  type CustomerListState,
} from './list-params';

// Loaded with the first selection: most visits never select.
const BulkActionsBar = dynamic(
  () => import('@/features/records/bulk-actions-bar').then((module) => module.BulkActionsBar),
  { ssr: false },
);

export function CustomersView() {
  const { state, term, setTerm, changeFilters, clearFilters } = useListUrl(CUSTOMER_LIST_URL);
  const canBulkEdit = useHasRowActions();
  const { hidden, setVisible } = useHiddenCustomerColumns();

  // While another filter loads, the previous result stays on screen instead of a skeleton.
  const list = api.customers.list.useInfiniteQuery(customerListParams(state), {
    getNextPageParam: nextPageCursor,
    placeholderData: keepPreviousData,
  });
  const rows = useRowSelection(listStateQuery(state), loadedItems(list.data), MAX_BULK_CUSTOMERS);
  // A search that stopped at its budget goes on among older customers when asked to.
  const partial = list.data?.pages.at(-1)?.partial ?? false;

  return (
    <div className="grid grid-cols-1 gap-6">
      <CustomersHeader state={state} />

      <SavedViewsBar
        list="customers"
        plainLabel="All customers"
        canonicalQuery={customerViewQuery}
      />

      <CustomerFilters state={state} term={term} onTermChange={setTerm} onChange={changeFilters} />

      <div className="flex flex-wrap items-center justify-between gap-2">
        <CustomerCount state={state} />
        <ColumnVisibilityMenu columns={CUSTOMER_COLUMNS} hidden={hidden} onChange={setVisible} />
      </div>

      {rows.shownIds.length > 0 ? (
        <BulkActionsBar kind="customers" ids={rows.shownIds} onDone={rows.clear} />
      ) : null}

      <PagedList
        query={list}
        loading={{ label: 'Loading customers', count: 6 }}
        failure="The customers could not be loaded."
        empty={
          partial ? (
            <SearchGoesOn
              busy={list.isFetchingNextPage}
              onSearchOlder={() => void list.fetchNextPage()}
            />
          ) : (
            <NoCustomers state={state} onClearFilters={clearFilters} />
          )
        }
        moreLabel={partial ? 'Search older customers' : 'Load more customers'}
        stale={list.isPlaceholderData}
      >
        {(shown) => (
          <CustomersTable
            customers={shown}
            sort={state.sort}
            hidden={hidden}
            selection={canBulkEdit ? rows.selection : undefined}
          />
        )}
      </PagedList>
    </div>
  );
}

function CustomersHeader({ state }: { state: CustomerListState }) {
  const canCreate = useCan('customers:write');
  const canExport = useCan('data:export');
  return (
    <PageHeader
      title="Customers"
      description="Everyone your team sells to and supports."
      actions={
        <>
          {canExport ? (
            <Button variant="outline" asChild>
              <a href={exportHref(state)} download>
                <DownloadIcon aria-hidden="true" />
                Export CSV
              </a>
            </Button>
          ) : null}
          {canCreate ? <CustomerCreateDialog /> : null}
        </>
      }
    />
  );
}

/** A search that found no one among the customers it has examined so far, and can go on. */
function SearchGoesOn({ busy, onSearchOlder }: { busy: boolean; onSearchOlder: () => void }) {
  return (
    <EmptyState
      title="No match among the customers searched so far."
      action={
        <Button variant="outline" size="sm" onClick={onSearchOlder} disabled={busy}>
          {busy ? 'Searching…' : 'Search older customers'}
        </Button>
      }
    >
      {`A search looks through ${SEARCH_BUDGET.toLocaleString('en-US')} customers at a time, newest first.`}
    </EmptyState>
  );
}

/** Why the list is empty: nothing matches the search or the filters, or there is no one yet. */
function NoCustomers({
  state,
  onClearFilters,
}: {
  state: CustomerListState;
  onClearFilters: () => void;
}) {
  const canCreate = useCan('customers:write');
  if (!hasFilters(state)) {
    return (
      <EmptyState
        title="No customers yet."
        action={
          canCreate ? <CustomerCreateDialog size="sm" label="Add your first customer" /> : null
        }
      >
        {canCreate
          ? 'Add the people your team sells to and supports, to keep their details, notes and orders in one place.'
          : 'Customers your team adds will appear here.'}
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title={
        !state.q
          ? 'No customers match these filters.'
          : hasFilters({ ...state, q: '' })
            ? `No customers match “${state.q}” with these filters.`
            : `No customers match “${state.q}”.`
      }
      action={
        <Button variant="outline" size="sm" onClick={onClearFilters}>
          Clear filters
        </Button>
      }
    >
      {state.q
        ? 'Check the spelling, search for part of a name, e-mail or company, or clear the filters.'
        : 'Choose other filters, or clear them.'}
    </EmptyState>
  );
}

'use client';

import { ColumnVisibilityMenu } from '@/components/column-visibility-menu';
import { keepPreviousData } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { EmptyState } from '@/components/empty-state';
import { PagedList } from '@/components/paged-list';
import { PageHeader } from '@/components/page-header';
import { useRowSelection } from '@/components/row-selection';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
import { useListUrl } from '@/lib/use-list-url';
import { api } from '@/trpc/react';
import { ImportLink } from '@/features/import/import-link';
import { SavedViewsBar } from '@/features/views/saved-views-bar';
import { CompaniesTable } from './companies-table';
import { COMPANY_COLUMNS, useHiddenCompanyColumns } from './company-columns';
import { CompanyCreateDialog } from './company-create-dialog';
import { CompanyFilters } from './company-filters';
import {
  companyListParams,
  companyViewQuery,
  hasFilters,
  listStateQuery,
  MAX_BULK_COMPANIES,
  COMPANY_LIST_URL,
  type CompanyListState,
} from './list-params';

// Loaded with the first selection: most visits never select.
const BulkActionsBar = dynamic(
  () => import('@/features/records/bulk-actions-bar').then((module) => module.BulkActionsBar),
  { ssr: false },
);

export function CompaniesView() {
  const { state, term, setTerm, changeFilters, clearFilters } = useListUrl(COMPANY_LIST_URL);
  const canCreate = useCan('companies:write');
  const canDelete = useCan('companies:delete');
  const canBulkEdit = canCreate || canDelete;
  const { hidden, setVisible } = useHiddenCompanyColumns();

  // While another filter loads, the previous result stays on screen instead of a skeleton.
  const list = api.companies.list.useInfiniteQuery(companyListParams(state), {
    getNextPageParam: nextPageCursor,
    placeholderData: keepPreviousData,
  });
  const rows = useRowSelection(listStateQuery(state), loadedItems(list.data), MAX_BULK_COMPANIES);

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Companies"
        description="The organizations your customers work for."
        actions={
          <>
            <ImportLink kind="companies" />
            {canCreate ? <CompanyCreateDialog /> : null}
          </>
        }
      />

      <SavedViewsBar
        list="companies"
        plainLabel="All companies"
        canonicalQuery={companyViewQuery}
      />

      <CompanyFilters state={state} term={term} onTermChange={setTerm} onChange={changeFilters} />

      <div className="flex flex-wrap items-center justify-end gap-2">
        <ColumnVisibilityMenu columns={COMPANY_COLUMNS} hidden={hidden} onChange={setVisible} />
      </div>

      {rows.shownIds.length > 0 ? (
        <BulkActionsBar kind="companies" ids={rows.shownIds} onDone={rows.clear} />
      ) : null}

      <PagedList
        query={list}
        loading={{ label: 'Loading companies', count: 6 }}
        failure="The companies could not be loaded."
        empty={<NoCompanies state={state} onClearFilters={clearFilters} />}
        moreLabel="Load more companies"
        stale={list.isPlaceholderData}
      >
        {(shown) => (
          <CompaniesTable
            companies={shown}
            sort={state.sort}
            hidden={hidden}
            selection={canBulkEdit ? rows.selection : undefined}
          />
        )}
      </PagedList>
    </div>
  );
}

/** Why the list is empty: nothing matches the filters, or there is no company yet. */
function NoCompanies({
  state,
  onClearFilters,
}: {
  state: CompanyListState;
  onClearFilters: () => void;
}) {
  const canCreate = useCan('companies:write');
  if (hasFilters(state)) {
    return (
      <EmptyState
        title={state.q ? `No companies match “${state.q}”.` : 'No companies match these filters.'}
        action={
          <Button variant="outline" size="sm" onClick={onClearFilters}>
            Clear filters
          </Button>
        }
      >
        Check the spelling, search for part of a name or domain, or clear the filters.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="No companies yet."
      action={canCreate ? <CompanyCreateDialog size="sm" /> : null}
    >
      {canCreate
        ? 'Add the companies your customers work for, to see their people, timeline and revenue together.'
        : 'Companies your team adds will appear here.'}
    </EmptyState>
  );
}

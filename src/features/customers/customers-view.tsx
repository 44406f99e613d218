'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { DownloadIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { LoadMore } from '@/components/load-more';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { QueryState } from '@/components/query-state';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
import { api } from '@/trpc/react';
import { CustomerCreateDialog } from './customer-create-dialog';
import { CustomerFilters } from './customer-filters';
import { ColumnVisibilityMenu } from './column-visibility-menu';
import { useHiddenColumns } from './customer-columns';
import { useHasRowActions } from './customer-row-actions';
import { CustomersTable } from './customers-table';
import {
  customerFilters,
  customerListParams,
  exportHref,
  hasFilters,
  listStateQuery,
  readListState,
  withSearch,
  type CustomerListState,
} from './list-params';

// Loaded with the first selection: most visits never select.
const BulkActionsBar = dynamic(
  () => import('./bulk-actions-bar').then((module) => module.BulkActionsBar),
  { ssr: false },
);

const SEARCH_DELAY_MS = 250;
const countFormat = new Intl.NumberFormat('en-US');

export function CustomersView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const state = readListState(searchParams);
  const { q } = state;
  const [term, setTerm] = useState(q);
  const [seenQ, setSeenQ] = useState(q);
  // The term this view last put in the URL itself (navigations land after a round trip).
  const [requestedQ, setRequestedQ] = useState<string | null>(null);
  const canCreate = useCan('customers:write');
  const canExport = useCan('data:export');
  const canBulkEdit = useHasRowActions();
  const { hidden, setVisible } = useHiddenColumns();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // A selection belongs to the view it was made in: other filters start a new one.
  const viewKey = listStateQuery(state);
  const [selectionView, setSelectionView] = useState(viewKey);
  if (viewKey !== selectionView) {
    setSelectionView(viewKey);
    setSelected(new Set());
  }

  // The URL's term changed by other means (back button, a link): show it. When the change is
  // the one this view asked for, the person may have typed on meanwhile, so the box is left alone.
  if (q !== seenQ) {
    setSeenQ(q);
    if (q !== requestedQ && term.trim() !== q) setTerm(q);
  }

  // Filters live in the URL, so a view can be shared and survives the back button.
  function replaceState(next: CustomerListState) {
    const query = listStateQuery(next);
    setRequestedQ(readListState(new URLSearchParams(query)).q);
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  useEffect(() => {
    if (term.trim() === q) return;
    const timer = setTimeout(() => {
      const query = listStateQuery(withSearch(readListState(searchParams), term));
      setRequestedQ(readListState(new URLSearchParams(query)).q);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term, q, pathname, router, searchParams]);

  // While another filter loads, the previous result stays on screen instead of a skeleton.
  const list = api.customers.list.useInfiniteQuery(customerListParams(state), {
    getNextPageParam: nextPageCursor,
    placeholderData: keepPreviousData,
  });
  const count = api.customers.count.useQuery(customerFilters(state), {
    placeholderData: keepPreviousData,
  });
  const customers = loadedItems(list.data);
  // Customers removed meanwhile (live updates) drop out of the selection.
  const selectedShown = customers.filter((c) => selected.has(c.id)).map((c) => c.id);
  const filtered = hasFilters(state);

  return (
    <div className="grid grid-cols-1 gap-6">
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

      <CustomerFilters
        state={state}
        term={term}
        onTermChange={setTerm}
        onChange={(change) => replaceState({ ...withSearch(state, term), ...change })}
      />

      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="text-sm text-muted-foreground" aria-live="polite">
          {count.isSuccess ? (
            countLabel(count.data, filtered)
          ) : count.isError ? (
            'The number of customers could not be counted.'
          ) : (
            <Skeleton className="h-5 w-24" />
          )}
        </div>
        <ColumnVisibilityMenu hidden={hidden} onChange={setVisible} />
      </div>

      {selectedShown.length > 0 ? (
        <BulkActionsBar ids={selectedShown} onDone={() => setSelected(new Set())} />
      ) : null}

      <QueryState
        query={list}
        loading={{ label: 'Loading customers', count: 6 }}
        failure="The customers could not be loaded."
        isEmpty={() => customers.length === 0}
        empty={
          <EmptyState
            title={
              state.q
                ? `No customers match “${state.q}”${state.status.length > 0 ? ' in these statuses' : ''}.`
                : filtered
                  ? 'No customers in these statuses.'
                  : 'No customers yet.'
            }
            action={
              filtered ? (
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => {
                    setTerm('');
                    replaceState({ ...state, q: '', status: [] });
                  }}
                >
                  Clear filters
                </Button>
              ) : null
            }
          >
            {state.q
              ? 'Check the spelling, search for part of a name, e-mail or company, or clear the filters.'
              : filtered
                ? 'Choose other statuses, or clear the filters.'
                : canCreate
                  ? 'Create your first customer with “New customer” to start tracking your work with them.'
                  : 'Customers your team adds will appear here.'}
          </EmptyState>
        }
      >
        {() => (
          <>
            <div
              aria-busy={list.isPlaceholderData}
              className={list.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}
            >
              <CustomersTable
                customers={customers}
                sort={state.sort}
                hidden={hidden}
                selected={canBulkEdit ? selected : undefined}
                onSelectedChange={canBulkEdit ? setSelected : undefined}
              />
            </div>
            <LoadMore query={list} label="Load more customers" />
          </>
        )}
      </QueryState>
    </div>
  );
}

function countLabel({ count, capped }: { count: number; capped: boolean }, filtered: boolean) {
  const one = count === 1 && !capped;
  const label = `${capped ? '10,000+' : countFormat.format(count)} ${one ? 'customer' : 'customers'}`;
  return filtered ? `${label} ${one ? 'matches' : 'match'}` : label;
}

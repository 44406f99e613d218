'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { useMemo } from 'react';
import { EmptyState } from '@/components/empty-state';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { Button } from '@/components/ui/button';
import { nextPageCursor } from '@/lib/cursor-pages';
import { useClearSearchParams } from '@/lib/use-replace-search-params';
import type { Pipeline } from '@/schemas/pipelines';
import { api } from '@/trpc/react';
import { DealFiltersBar } from './deal-filters';
import { DealsTable } from './deals-table';
import { DEAL_FILTER_KEYS, dealListParams, hasDealFilters, type DealFilters } from './list-params';
import { useMemberNames } from './use-member-names';

/** The deals of a pipeline as a filtered list, newest first, a page at a time. */
export function DealsList({
  filters,
  pipelines,
  emptyAction,
}: {
  filters: DealFilters;
  pipelines: readonly Pipeline[];
  /** What fills an empty list: the "New deal" button, for those who may create deals. */
  emptyAction?: React.ReactNode;
}) {
  const clearFilters = useClearSearchParams(DEAL_FILTER_KEYS);
  const names = useMemberNames();
  const list = api.deals.list.useInfiniteQuery(dealListParams(filters), {
    getNextPageParam: nextPageCursor,
    placeholderData: keepPreviousData,
  });
  const stageNames = useMemo(
    () =>
      new Map(
        pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, stage.name])),
      ),
    [pipelines],
  );
  const filtered = hasDealFilters(filters);

  return (
    <div className="grid grid-cols-1 gap-4">
      <DealFiltersBar
        filters={filters}
        stageLabel={filters.stageId ? (stageNames.get(filters.stageId) ?? 'Unknown stage') : ''}
      />
      <PageSection id="deals-list-heading" title="Deal list" hiddenTitle>
        <PagedList
          query={list}
          loading={{ label: 'Loading deals', count: 6 }}
          failure="The deals could not be loaded."
          empty={
            filtered ? (
              <EmptyState
                title="No deals match these filters."
                action={
                  <Button variant="outline" size="sm" onClick={clearFilters}>
                    Clear filters
                  </Button>
                }
              >
                Widen the close dates or amounts, pick other statuses, or clear the filters.
              </EmptyState>
            ) : (
              <EmptyState title="No deals yet." action={emptyAction}>
                {emptyAction
                  ? 'Add the first deal to follow it through your pipeline, stage by stage.'
                  : 'Deals your team adds will appear here.'}
              </EmptyState>
            )
          }
          moreLabel="Load more deals"
          stale={list.isPlaceholderData}
        >
          {(deals) => <DealsTable deals={deals} stageNames={stageNames} names={names} />}
        </PagedList>
      </PageSection>
    </div>
  );
}

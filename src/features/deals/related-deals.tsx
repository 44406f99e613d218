'use client';

import { useMemo } from 'react';
import { EmptyState } from '@/components/empty-state';
import { LoadMore } from '@/components/load-more';
import { useCan } from '@/components/permissions-provider';
import { QueryState } from '@/components/query-state';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
import { api } from '@/trpc/react';
import { DealCreateDialog } from './deal-create-dialog';
import { DealsTable } from './deals-table';
import { useMemberNames } from './use-member-names';

/**
 * The deals of a company or of a person, newest first, with "New deal" starting from them
 * (in the default pipeline) for those who may create deals.
 */
export function RelatedDeals({
  companyId,
  customerId,
  emptyText,
}: {
  companyId?: string;
  customerId?: string;
  emptyText: string;
}) {
  const canCreate = useCan('deals:write');
  const names = useMemberNames();
  const pipelines = api.pipelines.list.useQuery({});
  const list = api.deals.list.useInfiniteQuery(
    { companyId, customerId, sort: 'createdAt', order: 'desc' },
    { getNextPageParam: nextPageCursor },
  );
  const deals = loadedItems(list.data);
  const items = pipelines.data?.items;
  const stageNames = useMemo(
    () =>
      new Map(
        (items ?? []).flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, stage.name])),
      ),
    [items],
  );
  const pipeline = items?.find((item) => item.isDefault) ?? items?.[0];
  return (
    <section aria-labelledby="deals-heading" className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="deals-heading" className="text-lg font-semibold">
          Deals
        </h2>
        {canCreate && pipeline ? (
          <DealCreateDialog
            pipeline={pipeline}
            companyId={companyId}
            customerId={customerId}
            variant="outline"
          />
        ) : null}
      </div>
      <QueryState
        query={list}
        loading={{ label: 'Loading deals', count: 3 }}
        failure="The deals could not be loaded."
        isEmpty={() => deals.length === 0}
        empty={<EmptyState>{emptyText}</EmptyState>}
      >
        {() => (
          <>
            <DealsTable deals={deals} stageNames={stageNames} names={names} />
            <LoadMore query={list} label="Show more deals" />
          </>
        )}
      </QueryState>
    </section>
  );
}

'use client';

import { useMemo } from 'react';
import { EmptyState } from '@/components/empty-state';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import { nextPageCursor } from '@/lib/cursor-pages';
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
    <PageSection
      id="deals-heading"
      title="Deals"
      action={
        canCreate && pipeline ? (
          <DealCreateDialog
            pipeline={pipeline}
            companyId={companyId}
            customerId={customerId}
            variant="outline"
          />
        ) : null
      }
    >
      <PagedList
        query={list}
        loading={{ label: 'Loading deals', count: 3 }}
        failure="The deals could not be loaded."
        empty={<EmptyState>{emptyText}</EmptyState>}
        moreLabel="Show more deals"
      >
        {(deals) => <DealsTable deals={deals} stageNames={stageNames} names={names} />}
      </PagedList>
    </PageSection>
  );
}

'use client';

import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { useCan } from '@/components/permissions-provider';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { InteractionComposer } from '@/features/customers/interaction-composer';
import { InteractionEntry } from '@/features/customers/interaction-entry';
import { nextPageCursor } from '@/lib/cursor-pages';
import { api, type RouterOutputs } from '@/trpc/react';
import { companyTimelineParams } from './list-params';

type Entry = RouterOutputs['companies']['timeline']['items'][number];

/** The notes, calls, e-mails and meetings about the company and its people, newest first. */
export function CompanyTimeline({ companyId }: { companyId: string }) {
  const canWrite = useCan('interactions:write');
  const list = api.companies.timeline.useInfiniteQuery(companyTimelineParams(companyId), {
    getNextPageParam: nextPageCursor,
  });

  return (
    <PageSection id="timeline-heading" title="Timeline">
      {canWrite ? <InteractionComposer about={{ companyId }} /> : null}
      <PagedList
        query={list}
        loading={{ label: 'Loading the timeline', shape: 'items' }}
        failure="The timeline could not be loaded."
        empty={
          <EmptyState>
            Nothing recorded yet. Notes, calls, e-mails and meetings about the company and with the
            people here appear on this timeline.
          </EmptyState>
        }
        moreLabel="Show older"
      >
        {(entries) => (
          <ol className="grid gap-3" aria-label="Timeline, newest first">
            {entries.map((entry) => (
              <TimelineEntry key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
      </PagedList>
    </PageSection>
  );
}

function TimelineEntry({ entry }: { entry: Entry }) {
  return (
    <InteractionEntry
      interaction={entry}
      byline={
        <>
          {entry.customerId ? (
            <>
              with{' '}
              <Link
                href={`/customers/${entry.customerId}`}
                className="font-medium text-foreground underline-offset-4 hover:underline"
              >
                {entry.customerName}
              </Link>
            </>
          ) : (
            'about the company'
          )}
          {entry.authorName ? ` · by ${entry.authorName}` : null}
          {' · '}
        </>
      }
    />
  );
}

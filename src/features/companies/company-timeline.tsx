'use client';

import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { useCan } from '@/components/permissions-provider';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { InteractionComposer } from '@/features/customers/interaction-composer';
import { INTERACTION_ICONS, INTERACTION_LABELS } from '@/features/customers/interaction-form';
import { nextPageCursor } from '@/lib/cursor-pages';
import { formatDateTime, formatRelative } from '@/lib/format';
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
  const Icon = INTERACTION_ICONS[entry.type];
  const label = INTERACTION_LABELS[entry.type];
  return (
    <li className="flex gap-3 rounded-lg border bg-background p-4">
      <div
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground"
        aria-hidden="true"
      >
        <Icon className="size-4" />
      </div>
      <article className="grid min-w-0 flex-1 gap-1">
        <h3 className="font-medium break-words">
          <span className="sr-only">{label}: </span>
          {entry.subject}
        </h3>
        <p className="text-xs text-muted-foreground">
          <span aria-hidden="true">{label} · </span>
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
          <time
            suppressHydrationWarning
            dateTime={entry.occurredAt.toISOString()}
            title={formatDateTime(entry.occurredAt)}
          >
            {formatRelative(entry.occurredAt)}
          </time>
        </p>
        {entry.content ? (
          <p className="text-sm break-words whitespace-pre-wrap">{entry.content}</p>
        ) : null}
      </article>
    </li>
  );
}

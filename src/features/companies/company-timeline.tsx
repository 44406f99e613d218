'use client';

import Link from 'next/link';
import { InteractionEntry } from '@/features/customers/interaction-entry';
import { TimelineSection } from '@/features/customers/interaction-timeline';
import { nextPageCursor } from '@/lib/cursor-pages';
import { api, type RouterOutputs } from '@/trpc/react';
import { companyTimelineParams } from './list-params';

type Entry = RouterOutputs['companies']['timeline']['items'][number];

/** The notes, calls, e-mails and meetings about the company and its people, newest first. */
export function CompanyTimeline({ companyId }: { companyId: string }) {
  const list = api.companies.timeline.useInfiniteQuery(companyTimelineParams(companyId), {
    getNextPageParam: nextPageCursor,
  });

  return (
    <TimelineSection
      about={{ companyId }}
      query={list}
      empty="Nothing recorded yet. Notes, calls, e-mails and meetings about the company and with the people here appear on this timeline."
    >
      {(entry) => <TimelineEntry entry={entry} />}
    </TimelineSection>
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

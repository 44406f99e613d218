'use client';

import { keepPreviousData } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { InteractionItem } from '@/features/customers/interaction-item';
import {
  TimelineSection,
  useMayModifyInteraction,
} from '@/features/customers/interaction-timeline';
import type { InteractionAbout } from '@/features/customers/interaction-composer';
import { nextPageCursor } from '@/lib/cursor-pages';
import type { TimelineEntry, TimelineEntryType, TimelineRecordType } from '@/schemas/timeline';
import { api } from '@/trpc/react';
import { TimelineFilters } from './timeline-filters';
import { RecordEntry } from './record-entry';
import { TIMELINE_PAGE_SIZE } from './timeline-params';

const INTERACTION_TYPES = new Set<TimelineEntryType>(['note', 'call', 'email', 'meeting']);

/**
 * The timeline of a customer, a company or a deal: its notes, calls, e-mails and meetings, and
 * its orders, deals, tasks and field changes, newest first, narrowed by type.
 */
export function RecordTimeline({
  recordType,
  recordId,
  empty,
}: {
  recordType: TimelineRecordType;
  recordId: string;
  /** Why there is no entry yet. */
  empty: React.ReactNode;
}) {
  const [types, setTypes] = useState<TimelineEntryType[]>([]);
  const list = api.timeline.list.useInfiniteQuery(
    { recordType, recordId, types, limit: TIMELINE_PAGE_SIZE },
    {
      getNextPageParam: nextPageCursor,
      placeholderData: keepPreviousData,
    },
  );
  const mayModify = useMayModifyInteraction();
  const about: InteractionAbout =
    recordType === 'customer'
      ? { customerId: recordId }
      : recordType === 'company'
        ? { companyId: recordId }
        : { dealId: recordId };

  return (
    <TimelineSection
      about={about}
      query={list}
      stale={list.isPlaceholderData}
      filters={<TimelineFilters recordType={recordType} selected={types} onChange={setTypes} />}
      empty={types.length > 0 ? 'Nothing of these kinds yet.' : empty}
    >
      {(entry) =>
        INTERACTION_TYPES.has(entry.type) ? (
          <InteractionItem
            interaction={asInteraction(entry, recordType, recordId)}
            mayModify={mayModify(entry.authorId)}
            context={interactionContext(entry, recordType)}
          />
        ) : (
          <RecordEntry
            entry={entry}
            context={
              recordType !== 'customer' && entry.customer ? (
                <>for {customerLink(entry.customer)}</>
              ) : null
            }
          />
        )
      }
    </TimelineSection>
  );
}

/** Whom an interaction is with, or that it is about the company, where that is not plain. */
function interactionContext(entry: TimelineEntry, recordType: TimelineRecordType) {
  if (recordType === 'customer') return null;
  if (entry.customer) return <>with {customerLink(entry.customer)}</>;
  return recordType === 'company' ? 'about the company' : null;
}

function asInteraction(entry: TimelineEntry, recordType: TimelineRecordType, recordId: string) {
  return {
    id: entry.id,
    type: entry.type as 'note' | 'call' | 'email' | 'meeting',
    subject: entry.subject.title,
    content: entry.detail,
    occurredAt: entry.at,
    authorId: entry.authorId,
    authorName: entry.actorName,
    customerId: entry.customer?.id ?? (recordType === 'customer' ? recordId : null),
    dealId: recordType === 'deal' ? recordId : null,
  };
}

function customerLink(customer: { id: string; name: string }) {
  return (
    <Link
      href={`/customers/${customer.id}`}
      className="font-medium text-foreground underline-offset-4 hover:underline"
    >
      {customer.name}
    </Link>
  );
}

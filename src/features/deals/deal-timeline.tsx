'use client';

import { InteractionTimeline } from '@/features/customers/interaction-timeline';
import { TIMELINE_PAGE_SIZE } from '@/features/customers/list-params';
import { nextPageCursor } from '@/lib/cursor-pages';
import { api } from '@/trpc/react';

/** The notes, calls, e-mails and meetings recorded about a deal, newest first. */
export function DealTimeline({ dealId }: { dealId: string }) {
  const list = api.deals.timeline.useInfiniteQuery(
    { id: dealId, limit: TIMELINE_PAGE_SIZE },
    { getNextPageParam: nextPageCursor },
  );
  return <InteractionTimeline about={{ dealId }} list={list} />;
}

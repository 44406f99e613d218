'use client';

import { nextPageCursor } from '@/lib/cursor-pages';
import { api } from '@/trpc/react';
import { InteractionTimeline } from './interaction-timeline';
import { timelineParams } from './list-params';

export function CustomerTimeline({ customerId }: { customerId: string }) {
  const list = api.interactions.list.useInfiniteQuery(timelineParams(customerId), {
    getNextPageParam: nextPageCursor,
  });
  return <InteractionTimeline about={{ customerId }} list={list} />;
}

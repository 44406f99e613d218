'use client';

import { EmptyState } from '@/components/empty-state';
import { LoadMore } from '@/components/load-more';
import { useCan } from '@/components/permissions-provider';
import { QueryState } from '@/components/query-state';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
import type { Role } from '@/schemas/permissions';
import { api } from '@/trpc/react';
import { InteractionComposer } from './interaction-composer';
import { InteractionItem } from './interaction-item';
import { timelineParams } from './list-params';

/** Roles that may change anyone's timeline entries; others only their own. */
const MODERATORS: readonly Role[] = ['owner', 'admin', 'manager'];

export function CustomerTimeline({ customerId }: { customerId: string }) {
  const canWrite = useCan('interactions:write');
  const me = api.auth.me.useQuery();
  const list = api.interactions.list.useInfiniteQuery(timelineParams(customerId), {
    getNextPageParam: nextPageCursor,
  });
  const items = loadedItems(list.data);
  const myId = me.data?.user?.id;
  const moderates = me.data?.role ? MODERATORS.includes(me.data.role) : false;

  return (
    <section aria-labelledby="timeline-heading" className="grid grid-cols-1 gap-4">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      {canWrite ? <InteractionComposer about={{ customerId }} /> : null}

      <QueryState
        query={list}
        loading={{ label: 'Loading the timeline', shape: 'items', count: 3 }}
        failure="The timeline could not be loaded."
        isEmpty={() => items.length === 0}
        empty={
          <EmptyState>
            {canWrite
              ? 'Nothing recorded yet. Add a note, call, e-mail or meeting above.'
              : 'Nothing recorded yet.'}
          </EmptyState>
        }
      >
        {() => (
          <>
            <ol className="grid gap-3" aria-label="Timeline, newest first">
              {items.map((interaction) => (
                <InteractionItem
                  key={interaction.id}
                  interaction={interaction}
                  mayModify={
                    canWrite && (moderates || (myId !== undefined && myId === interaction.authorId))
                  }
                />
              ))}
            </ol>
            <LoadMore query={list} label="Show older" />
          </>
        )}
      </QueryState>
    </section>
  );
}

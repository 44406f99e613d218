'use client';

import { EmptyState } from '@/components/empty-state';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import { nextPageCursor } from '@/lib/cursor-pages';
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
  const myId = me.data?.user?.id;
  const moderates = me.data?.role ? MODERATORS.includes(me.data.role) : false;

  return (
    <PageSection id="timeline-heading" title="Timeline">
      {canWrite ? <InteractionComposer about={{ customerId }} /> : null}

      <PagedList
        query={list}
        loading={{ label: 'Loading the timeline', shape: 'items' }}
        failure="The timeline could not be loaded."
        empty={
          <EmptyState>
            {canWrite
              ? 'Nothing recorded yet. Add a note, call, e-mail or meeting above.'
              : 'Nothing recorded yet.'}
          </EmptyState>
        }
        moreLabel="Show older"
      >
        {(items) => (
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
        )}
      </PagedList>
    </PageSection>
  );
}

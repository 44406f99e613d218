'use client';

import { ErrorState } from '@/components/error-state';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
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
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const myId = me.data?.user?.id;
  const moderates = me.data?.role ? MODERATORS.includes(me.data.role) : false;

  return (
    <section aria-labelledby="timeline-heading" className="grid grid-cols-1 gap-4">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      {canWrite ? <InteractionComposer customerId={customerId} /> : null}

      {list.isPending ? (
        <div className="grid gap-2" role="status" aria-label="Loading the timeline">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-20 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <ErrorState
          what="The timeline could not be loaded."
          error={list.error}
          retry={() => void list.refetch()}
        />
      ) : items.length === 0 ? (
        <div className="rounded-lg border border-dashed bg-background p-8 text-center">
          <p className="text-sm text-muted-foreground">
            {canWrite
              ? 'Nothing recorded yet. Add a note, call, e-mail or meeting above.'
              : 'Nothing recorded yet.'}
          </p>
        </div>
      ) : (
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
          {list.hasNextPage ? (
            <div className="flex justify-center">
              <Button
                variant="outline"
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? 'Loading…' : 'Show older'}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

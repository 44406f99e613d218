'use client';

import { Fragment } from 'react';
import { EmptyState } from '@/components/empty-state';
import { PagedList, type PagedQuery } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import type { Role } from '@/schemas/permissions';
import { api } from '@/trpc/react';
import { InteractionComposer, type InteractionAbout } from './interaction-composer';

/** Roles that may change anyone's timeline entries; others only their own. */
const MODERATORS: readonly Role[] = ['owner', 'admin', 'manager'];

/** Whether the signed-in person may edit or delete an entry by this author. */
export function useMayModifyInteraction(): (authorId: string | null) => boolean {
  const canWrite = useCan('interactions:write');
  const me = api.auth.me.useQuery();
  const myId = me.data?.user?.id;
  const moderates = me.data?.role ? MODERATORS.includes(me.data.role) : false;
  return (authorId) => canWrite && (moderates || (myId !== undefined && myId === authorId));
}

/**
 * A record's "Timeline" section: a composer for a new entry, for those who may write, and
 * `filters`, above the entries newest first, a page at a time, each drawn by `children`.
 */
export function TimelineSection<TEntry extends { id: string }>({
  about,
  query,
  filters,
  empty,
  stale,
  children,
}: {
  about: InteractionAbout;
  query: PagedQuery<TEntry>;
  filters?: React.ReactNode;
  /** Why there is no entry yet. */
  empty: React.ReactNode;
  /** The previous entries are shown while those of a new filter load. */
  stale?: boolean;
  children: (entry: TEntry) => React.ReactNode;
}) {
  const canWrite = useCan('interactions:write');
  return (
    <PageSection id="timeline-heading" title="Timeline">
      {canWrite ? <InteractionComposer about={about} /> : null}
      {filters}
      <PagedList
        query={query}
        loading={{ label: 'Loading the timeline', shape: 'items' }}
        failure="The timeline could not be loaded."
        empty={<EmptyState>{empty}</EmptyState>}
        moreLabel="Show older"
        stale={stale}
      >
        {(entries) => (
          <ol className="grid gap-3" aria-label="Timeline, newest first">
            {entries.map((entry) => (
              <Fragment key={entry.id}>{children(entry)}</Fragment>
            ))}
          </ol>
        )}
      </PagedList>
    </PageSection>
  );
}

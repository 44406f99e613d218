'use client';

import { Fragment } from 'react';
import { EmptyState } from '@/components/empty-state';
import { PagedList, type PagedQuery } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import type { Role } from '@/schemas/permissions';
import { api } from '@/trpc/react';
import { InteractionComposer, type InteractionAbout } from './interaction-composer';
import { InteractionItem, type Interaction } from './interaction-item';

/** Roles that may change anyone's timeline entries; others only their own. */
const MODERATORS: readonly Role[] = ['owner', 'admin', 'manager'];

/**
 * The timeline of a customer or a deal: a composer for a new entry above the entries, newest
 * first, each with edit and delete buttons for its author and for managers.
 */
export function InteractionTimeline({
  about,
  list,
}: {
  about: InteractionAbout;
  list: PagedQuery<Interaction>;
}) {
  const canWrite = useCan('interactions:write');
  const me = api.auth.me.useQuery();
  const myId = me.data?.user?.id;
  const moderates = me.data?.role ? MODERATORS.includes(me.data.role) : false;

  return (
    <TimelineSection
      about={about}
      query={list}
      empty={
        canWrite
          ? 'Nothing recorded yet. Add a note, call, e-mail or meeting above.'
          : 'Nothing recorded yet.'
      }
    >
      {(interaction) => (
        <InteractionItem
          interaction={interaction}
          mayModify={
            canWrite && (moderates || (myId !== undefined && myId === interaction.authorId))
          }
        />
      )}
    </TimelineSection>
  );
}

/**
 * A record's "Timeline" section: a composer for a new entry, for those who may write, above the
 * entries newest first, a page at a time, each drawn by `children`.
 */
export function TimelineSection<TEntry extends { id: string }>({
  about,
  query,
  empty,
  children,
}: {
  about: InteractionAbout;
  query: PagedQuery<TEntry>;
  /** Why there is no entry yet. */
  empty: React.ReactNode;
  children: (entry: TEntry) => React.ReactNode;
}) {
  const canWrite = useCan('interactions:write');
  return (
    <PageSection id="timeline-heading" title="Timeline">
      {canWrite ? <InteractionComposer about={about} /> : null}
      <PagedList
        query={query}
        loading={{ label: 'Loading the timeline', shape: 'items' }}
        failure="The timeline could not be loaded."
        empty={<EmptyState>{empty}</EmptyState>}
        moreLabel="Show older"
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

'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { useRowSelection } from '@/components/row-selection';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
import type { TaskListInput } from '@/schemas/tasks';
import { api } from '@/trpc/react';
import { CompleteSelectedBar } from './complete-selected-bar';
import { TasksTable } from './tasks-table';

/** At most this many tasks are completed at once. */
const MAX_SELECTED = 100;

/**
 * One titled list of tasks (the overdue ones, those done…), a page at a time, its count in its
 * heading; the tasks may be picked and completed together.
 */
export function TaskListSection({
  id,
  title,
  input,
  count,
  empty,
  selectable = true,
}: {
  id: string;
  title: string;
  input: TaskListInput;
  /** How many tasks the list holds, when known; else the number loaded so far. */
  count?: number;
  empty: React.ReactNode;
  selectable?: boolean;
}) {
  const list = api.tasks.list.useInfiniteQuery(input, {
    getNextPageParam: nextPageCursor,
    placeholderData: keepPreviousData,
  });
  const loaded = list.data ? loadedItems(list.data) : [];
  const { selection, shownIds, clear } = useRowSelection(
    JSON.stringify(input),
    loaded,
    MAX_SELECTED,
  );
  const shownCount =
    count ?? (list.data ? `${loaded.length}${list.hasNextPage ? '+' : ''}` : undefined);

  return (
    <PageSection id={id} title={shownCount === undefined ? title : `${title} (${shownCount})`}>
      {selectable && shownIds.length > 0 ? (
        <CompleteSelectedBar
          ids={shownIds}
          label={`Selected ${title.toLowerCase()} tasks`}
          onDone={clear}
        />
      ) : null}
      <PagedList
        query={list}
        loading={{ label: `Loading ${title.toLowerCase()} tasks`, count: 3 }}
        failure={`The ${title.toLowerCase()} tasks could not be loaded.`}
        empty={empty}
        moreLabel={`Show more ${title.toLowerCase()} tasks`}
        stale={list.isPlaceholderData}
      >
        {(tasks) => <TasksTable tasks={tasks} selection={selectable ? selection : undefined} />}
      </PagedList>
    </PageSection>
  );
}

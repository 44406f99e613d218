'use client';

import { EmptyState } from '@/components/empty-state';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import { nextPageCursor } from '@/lib/cursor-pages';
import type { TaskRelated } from '@/schemas/tasks';
import { api } from '@/trpc/react';
import { TaskCreateDialog } from './task-create-dialog';
import { TasksTable } from './tasks-table';

/**
 * A record's open tasks, soonest due first, with "Add task" starting one about the record for
 * those who may create tasks.
 */
export function OpenTasks({ related, boxed = false }: { related: TaskRelated; boxed?: boolean }) {
  const canCreate = useCan('tasks:write');
  const list = api.tasks.list.useInfiniteQuery(
    { relatedType: related.type, relatedId: related.id, completed: false },
    { getNextPageParam: nextPageCursor },
  );
  return (
    <PageSection
      boxed={boxed}
      id="open-tasks-heading"
      title="Open tasks"
      action={
        canCreate ? (
          <TaskCreateDialog related={related} label="Add task" variant="outline" size="sm" />
        ) : null
      }
    >
      <PagedList
        query={list}
        loading={{ label: 'Loading open tasks', count: 2 }}
        failure="The open tasks could not be loaded."
        empty={<EmptyState>No open tasks.</EmptyState>}
        moreLabel="Show more open tasks"
      >
        {(tasks) => <TasksTable tasks={tasks} showRelated={false} />}
      </PagedList>
    </PageSection>
  );
}

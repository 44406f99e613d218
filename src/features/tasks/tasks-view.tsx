'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCurrentUserId } from '@/components/current-user-provider';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { OwnerFilter } from '@/features/members/owner-filter';
import { SavedViewsBar } from '@/features/views/saved-views-bar';
import { useSetSearchParam } from '@/lib/use-replace-search-params';
import { cn } from '@/lib/utils';
import { useNewRecordParam } from '@/lib/use-new-record-param';
import { api } from '@/trpc/react';
import {
  listedAssignee,
  taskPageHref,
  taskPageParams,
  taskViewQuery,
  type TaskPageParams,
} from './list-params';
import { TaskCreateDialog } from './task-create-dialog';
import { TaskListSection } from './task-list-section';
import { useTimeZone } from './use-time-zone';

/** My tasks (or, for managers, the team's) by when they are due, or the ones done. */
export function TasksView() {
  const searchParams = useSearchParams();
  const canCreate = useCan('tasks:write');
  const canSeeTeam = useCan('tasks:manage');
  const params = taskPageParams(searchParams, canSeeTeam);
  const asks = useNewRecordParam('task');

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Tasks"
        description="What is to be done, and by when."
        actions={canCreate ? <TaskCreateDialog key={asks} initiallyOpen={asks > 0} /> : null}
      />
      <SavedViewsBar list="tasks" plainLabel="My open tasks" canonicalQuery={taskViewQuery} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-wrap items-end gap-4">
          {canSeeTeam ? (
            <Switch
              label="Whose tasks"
              options={[
                { label: 'My tasks', href: taskPageHref({ ...params, scope: 'mine' }) },
                { label: 'Team', href: taskPageHref({ ...params, scope: 'team' }) },
              ]}
              current={params.scope === 'mine' ? 0 : 1}
            />
          ) : null}
          {params.scope === 'team' ? <AssigneeFilter assigneeId={params.assigneeId} /> : null}
        </div>
        <Switch
          label="Which tasks"
          options={[
            { label: 'Open', href: taskPageHref({ ...params, view: 'open' }) },
            { label: 'Done', href: taskPageHref({ ...params, view: 'done' }) },
          ]}
          current={params.view === 'open' ? 0 : 1}
        />
      </div>
      {params.view === 'open' ? <OpenTasks params={params} /> : <DoneTasks params={params} />}
    </div>
  );
}

function OpenTasks({ params }: { params: TaskPageParams }) {
  const me = useCurrentUserId();
  const timeZone = useTimeZone();
  const canCreate = useCan('tasks:write');
  const assigneeId = listedAssignee(params, me);
  // Everyone's tasks are not counted; their sections count what they have loaded.
  const counts = api.tasks.counts.useQuery(
    { timeZone, assigneeId },
    { enabled: assigneeId !== undefined },
  );
  const known = assigneeId !== undefined ? counts.data : undefined;

  if (known && known.overdue + known.today + known.upcoming === 0) {
    return (
      <EmptyState
        title={params.scope === 'mine' ? 'You have no open tasks.' : 'No open tasks here.'}
        action={canCreate ? <TaskCreateDialog variant="outline" /> : undefined}
      >
        {canCreate
          ? 'A call to return, a quote to send: add what is to be done, and by when.'
          : 'Tasks assigned to you will appear here.'}
      </EmptyState>
    );
  }
  const sections = [
    { due: 'overdue', title: 'Overdue', empty: 'Nothing is overdue.' },
    { due: 'today', title: 'Today', empty: 'Nothing else is due today.' },
    { due: 'upcoming', title: 'Upcoming', empty: 'Nothing is due later.' },
  ] as const;
  return sections.map((section) => (
    <TaskListSection
      key={section.due}
      id={`tasks-${section.due}-heading`}
      title={section.title}
      input={{ assigneeId, due: section.due, timeZone }}
      count={known?.[section.due]}
      empty={<EmptyState>{section.empty}</EmptyState>}
    />
  ));
}

function DoneTasks({ params }: { params: TaskPageParams }) {
  const me = useCurrentUserId();
  return (
    <TaskListSection
      id="tasks-done-heading"
      title="Done"
      input={{ assigneeId: listedAssignee(params, me), completed: true }}
      selectable={false}
      empty={
        <EmptyState
          title="No tasks done yet."
          action={
            <Button variant="outline" size="sm" asChild>
              <Link href={taskPageHref({ ...params, view: 'open' })}>See open tasks</Link>
            </Button>
          }
        >
          Tasks appear here, most recently completed first, once they are ticked off.
        </EmptyState>
      }
    />
  );
}

function AssigneeFilter({ assigneeId }: { assigneeId: string | undefined }) {
  const setParam = useSetSearchParam();
  return (
    <OwnerFilter
      label="Assignee"
      anyLabel="Anyone"
      ownerId={assigneeId}
      onChange={(id) => setParam('assignee', id)}
    />
  );
}

/** Two or more views of the page as links, so each can be bookmarked and reloaded. */
function Switch({
  label,
  options,
  current,
}: {
  label: string;
  options: { label: string; href: string }[];
  current: number;
}) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md border bg-background p-0.5">
      {options.map((option, i) => (
        <Link
          key={option.label}
          href={option.href}
          aria-current={i === current ? 'page' : undefined}
          className={cn(
            'inline-flex h-8 items-center rounded px-3 text-sm font-medium text-muted-foreground hover:text-foreground',
            i === current && 'bg-secondary text-secondary-foreground',
          )}
        >
          {option.label}
        </Link>
      ))}
    </nav>
  );
}

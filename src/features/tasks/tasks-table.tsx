'use client';

import { useState } from 'react';
import { InlineCell, type InlineField, type InlineSaving } from '@/components/inline-cell';
import { ListTable } from '@/components/list-table';
import { OwnerCell } from '@/components/owner-cell';
import { selectionColumn, SelectRowCell, type RowSelection } from '@/components/row-selection';
import { TableCell, TableRow } from '@/components/ui/table';
import { TASK_PRIORITIES, type Task, type TaskUpdateInput } from '@/schemas/tasks';
import { api } from '@/trpc/react';
import { TaskCompleteButton } from './task-complete-button';
import { describeDue, fromDueInput, toDueInput } from './task-due';
import { TaskDueText } from './task-due-text';
import { TaskEditDialog, type TaskEditStep } from './task-edit-dialog';
import { TaskPriorityBadge, taskPriorityLabel } from './task-priority-badge';
import { TaskRelatedLink } from './task-related-link';
import { useCanChangeTask } from './use-can-change-task';
import { useRefreshTasks } from './use-refresh-tasks';

type TaskPatch = Omit<TaskUpdateInput, 'id' | 'expectedVersion'>;
type TaskField = InlineField<Task, TaskPatch>;

const dueField: TaskField = {
  name: 'due time',
  draft: (task) => toDueInput(task.dueAt),
  show: (task) => <TaskDueText task={task} />,
  words: (task) => (task.dueAt ? describeDue(task.dueAt).absolute : 'No due time'),
  editor: { kind: 'input', type: 'datetime-local' },
  change: (draft) => {
    if (draft.trim() === '') return { patch: { dueAt: null } };
    const dueAt = fromDueInput(draft);
    return dueAt ? { patch: { dueAt } } : { error: 'must be a date and time' };
  },
};

const priorityField: TaskField = {
  name: 'priority',
  draft: (task) => task.priority,
  show: (task) => <TaskPriorityBadge status={task.priority} />,
  editor: {
    kind: 'select',
    options: TASK_PRIORITIES.map((priority) => ({
      value: priority,
      label: taskPriorityLabel(priority),
    })),
  },
  change: (draft) => {
    const priority = TASK_PRIORITIES.find((known) => known === draft);
    return priority ? { patch: { priority } } : { error: 'must be one of the priorities listed' };
  },
};

/** Saves a task's change in place, and reads the version someone else saved meanwhile. */
function useTaskSaving(): InlineSaving<Task, TaskPatch> {
  const utils = api.useUtils();
  const refreshTasks = useRefreshTasks();
  return {
    async save(task, patch, expectedVersion) {
      const updated = await utils.client.tasks.update.mutate({
        id: task.id,
        expectedVersion,
        ...patch,
      });
      void refreshTasks();
      return updated;
    },
    async fetchLatest({ id }) {
      const fresh = await utils.tasks.get.fetch({ id }, { staleTime: 0 });
      void utils.tasks.list.invalidate();
      return fresh;
    },
  };
}

/**
 * Tasks as a table: a tick box completing (or reopening) each, its title (opening its edit),
 * when it is due, its priority, assignee and the record it is about. Only the tasks the member
 * may change have the tick box and the edit, and their due time and priority change in place.
 */
export function TasksTable({
  tasks,
  selection,
  showRelated = true,
}: {
  tasks: Task[];
  /** The rows picked for "Complete selected"; no checkboxes when left out. */
  selection?: RowSelection;
  /** Leave out on a record's own page, where every task is about that record. */
  showRelated?: boolean;
}) {
  const canChange = useCanChangeTask();
  const saving = useTaskSaving();
  const [edit, setEdit] = useState<{ task: Task; step: TaskEditStep } | null>(null);
  const selectable = tasks.filter(canChange);

  return (
    <>
      <ListTable
        columns={[
          selection && selectable.length > 0
            ? selectionColumn(selectable, selection, 'Select all shown tasks')
            : false,
          { label: 'Done', srOnly: true, className: 'w-10' },
          'Task',
          'Due',
          { label: 'Priority', secondary: true },
          { label: 'Assignee', secondary: true },
          showRelated && { label: 'About', secondary: true },
        ]}
      >
        {tasks.map((task) => {
          const changeable = canChange(task);
          return (
            <TableRow key={task.id}>
              {selection && selectable.length > 0 ? (
                changeable ? (
                  <SelectRowCell id={task.id} name={task.title} selection={selection} />
                ) : (
                  <TableCell />
                )
              ) : null}
              <TableCell>{changeable ? <TaskCompleteButton task={task} /> : null}</TableCell>
              <TableCell className="font-medium">
                {changeable ? (
                  <button
                    type="button"
                    aria-haspopup="dialog"
                    className="text-left underline-offset-4 hover:underline focus-visible:underline"
                    onClick={() => setEdit({ task, step: 'edit' })}
                  >
                    {task.title}
                  </button>
                ) : (
                  task.title
                )}
              </TableCell>
              <InlineCell
                record={task}
                recordName={task.title}
                field={dueField}
                saving={saving}
                canEdit={changeable}
              />
              <InlineCell
                record={task}
                recordName={task.title}
                field={priorityField}
                saving={saving}
                canEdit={changeable}
              />
              <OwnerCell ownerId={task.assigneeId} none="Unassigned" />
              {showRelated ? (
                <TableCell>
                  {task.related ? <TaskRelatedLink related={task.related} /> : '—'}
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </ListTable>
      {/* Kept mounted once opened, so it closes (and hands focus back) in place. */}
      {edit ? (
        <TaskEditDialog
          task={edit.task}
          step={edit.step}
          onStepChange={(step) => setEdit({ ...edit, step })}
        />
      ) : null}
    </>
  );
}

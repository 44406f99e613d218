'use client';

import { useState } from 'react';
import { ListTable } from '@/components/list-table';
import { selectionColumn, SelectRowCell, type RowSelection } from '@/components/row-selection';
import { TableCell, TableRow } from '@/components/ui/table';
import type { Task } from '@/schemas/tasks';
import { useMemberNames } from '@/features/deals/use-member-names';
import { TaskCompleteButton } from './task-complete-button';
import { TaskDueText } from './task-due-text';
import { TaskEditDialog, type TaskEditStep } from './task-edit-dialog';
import { TaskPriorityBadge } from './task-priority-badge';
import { TaskRelatedLink } from './task-related-link';
import { useCanChangeTask } from './use-can-change-task';

/** The name of whoever a task is assigned to: "Unassigned", or "A former member". */
function assigneeLabel(names: ReadonlyMap<string, string>, assigneeId: string | null) {
  if (!assigneeId) return 'Unassigned';
  return names.get(assigneeId) ?? 'A former member';
}

/**
 * Tasks as a table: a tick box completing (or reopening) each, its title (opening its edit),
 * when it is due, its priority, assignee and the record it is about. Only the tasks the member
 * may change have the tick box and the edit.
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
  const names = useMemberNames();
  const canChange = useCanChangeTask();
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
          'Priority',
          'Assignee',
          showRelated && 'About',
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
              <TableCell>
                <TaskDueText task={task} />
              </TableCell>
              <TableCell>
                <TaskPriorityBadge status={task.priority} />
              </TableCell>
              <TableCell>{assigneeLabel(names, task.assigneeId)}</TableCell>
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

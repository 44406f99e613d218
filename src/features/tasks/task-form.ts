import type { Path, UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { issuesOf } from '@/lib/server-errors';
import { taskCreateInput, TASK_PRIORITIES, type Task } from '@/schemas/tasks';
import { fromDueInput, toDueInput } from './task-due';

/** A task as typed: the due time as a `datetime-local` input holds it, in local time. */
export const taskForm = z
  .object({
    title: taskCreateInput.shape.title,
    notes: taskCreateInput.shape.notes.unwrap(),
    due: z.string(),
    priority: z.enum(TASK_PRIORITIES),
    assigneeId: z.string().nullable(),
  })
  .superRefine((values, ctx) => {
    if (values.due.trim() !== '' && !fromDueInput(values.due)) {
      ctx.addIssue({ code: 'custom', path: ['due'], message: 'must be a date and time' });
    }
  })
  .transform(({ due, ...values }) => ({ ...values, dueAt: fromDueInput(due) }));
export type TaskFormInput = z.input<typeof taskForm>;
export type TaskFormOutput = z.output<typeof taskForm>;
export type TaskFormReturn = UseFormReturn<TaskFormInput, unknown, TaskFormOutput>;

/** A new task's fields: assigned to whoever creates it, unless they pick someone else. */
export const emptyTask = (assigneeId: string | null): TaskFormInput => ({
  title: '',
  notes: '',
  due: '',
  priority: 'normal',
  assigneeId,
});

/** A task's fields as the edit form starts from them. */
export const taskFormValues = (task: Task): TaskFormInput => ({
  title: task.title,
  notes: task.notes,
  due: toDueInput(task.dueAt),
  priority: task.priority,
  assigneeId: task.assigneeId,
});

const FIELDS: Record<string, Path<TaskFormInput>> = {
  title: 'title',
  notes: 'notes',
  dueAt: 'due',
  priority: 'priority',
  assigneeId: 'assigneeId',
};

/** Puts the server's field issues on the form's fields; true when at least one landed. */
export function applyTaskErrors(error: unknown, form: TaskFormReturn): boolean {
  let applied = false;
  for (const issue of issuesOf(error)) {
    const field = typeof issue.path[0] === 'string' ? FIELDS[issue.path[0]] : undefined;
    if (!field) continue;
    form.setError(field, { type: 'server', message: issue.message });
    applied = true;
  }
  return applied;
}

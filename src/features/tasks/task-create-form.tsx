'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useCurrentUserId } from '@/components/current-user-provider';
import { FormDialog, FormDialogActions, type DialogOpenState } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { TaskRelated } from '@/schemas/tasks';
import { api } from '@/trpc/react';
import {
  applyTaskErrors,
  emptyTask,
  taskForm,
  type TaskFormInput,
  type TaskFormOutput,
} from './task-form';
import { TaskFormFields } from './task-form-fields';
import { useRefreshTasks } from './use-refresh-tasks';

function TaskCreateForm({ related, onDone }: { related: TaskRelated | null; onDone: () => void }) {
  const me = useCurrentUserId();
  const refreshTasks = useRefreshTasks();
  const form = useForm<TaskFormInput, unknown, TaskFormOutput>({
    resolver: zodResolver(taskForm),
    defaultValues: emptyTask(me),
  });
  const create = api.tasks.create.useMutation({
    onSuccess: async (task) => {
      toast.success(`${task.title} was added`);
      onDone();
      await refreshTasks();
    },
    onError: (error) => {
      if (!applyTaskErrors(error, form)) toast.error(describeError(error));
    },
  });

  return (
    <PostForm onSubmit={form.handleSubmit((values) => create.mutate({ ...values, related }))}>
      <TaskFormFields form={form} />
      <FormDialogActions
        pending={create.isPending}
        submitLabel="Create task"
        pendingLabel="Creating…"
        onCancel={onDone}
      />
    </PostForm>
  );
}

export function TaskCreateFormDialog({
  related = null,
  ...dialog
}: DialogOpenState & {
  /** The record the new task is about. */
  related?: TaskRelated | null;
}) {
  return (
    <FormDialog
      {...dialog}
      title="New task"
      description={
        related
          ? 'A task about this record. Only the title is required.'
          : 'Something to do, and by when. Only the title is required.'
      }
    >
      <TaskCreateForm related={related} onDone={() => dialog.onOpenChange(false)} />
    </FormDialog>
  );
}

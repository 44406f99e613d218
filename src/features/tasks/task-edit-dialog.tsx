'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Trash2Icon } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { EditDialog, useVersionedRecord, VersionedEditForm } from '@/components/versioned-edit';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { Task } from '@/schemas/tasks';
import { api } from '@/trpc/react';
import {
  applyTaskErrors,
  taskForm,
  taskFormValues,
  type TaskFormInput,
  type TaskFormOutput,
} from './task-form';
import { TaskFormFields } from './task-form-fields';
import { useRefreshTasks } from './use-refresh-tasks';

/** What is open of a task's edit: its form, or the question whether to delete it. */
export type TaskEditStep = 'edit' | 'delete' | null;

/** Edits a task's fields; "Delete task" asks first, in a dialog of its own. */
export function TaskEditDialog({
  task,
  step,
  onStepChange,
}: {
  task: Task;
  step: TaskEditStep;
  onStepChange: (step: TaskEditStep) => void;
}) {
  const utils = api.useUtils();
  const refreshTasks = useRefreshTasks();
  return (
    <>
      <EditDialog
        name={task.title}
        open={step === 'edit'}
        onOpenChange={(open) => onStepChange(open ? 'edit' : null)}
      >
        {(done) => (
          <>
            <EditForm task={task} onDone={done} />
            <div className="border-t pt-4">
              <Button type="button" variant="outline" onClick={() => onStepChange('delete')}>
                <Trash2Icon aria-hidden="true" />
                Delete task
              </Button>
            </div>
          </>
        )}
      </EditDialog>
      <ConfirmDestructiveDialog
        open={step === 'delete'}
        onOpenChange={(open) => onStepChange(open ? 'delete' : null)}
        title={`Delete ${task.title}?`}
        description="The task is removed for everyone; this cannot be undone."
        confirmLabel="Delete task"
        pendingLabel="Deleting…"
        onConfirm={async () => {
          await utils.client.tasks.delete.mutate({ id: task.id });
          toast.success(`${task.title} was deleted`);
          void refreshTasks();
        }}
      />
    </>
  );
}

function EditForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const utils = api.useUtils();
  const refreshTasks = useRefreshTasks();
  const form = useForm<TaskFormInput, unknown, TaskFormOutput>({
    resolver: zodResolver(taskForm),
    defaultValues: taskFormValues(task),
  });
  const version = useVersionedRecord(task, {
    fetchLatest: ({ id }) => utils.tasks.get.fetch({ id }, { staleTime: 0 }),
    onReloaded: (fresh) => form.reset(taskFormValues(fresh)),
  });
  const { base } = version;

  const update = api.tasks.update.useMutation({
    onSuccess: async (updated) => {
      toast.success(`${updated.title} was saved`);
      onDone();
      await refreshTasks();
    },
    onError: (error) => {
      if (version.caughtConflict(error) || applyTaskErrors(error, form)) return;
      toast.error(describeError(error));
    },
  });

  return (
    <VersionedEditForm
      what="task"
      version={version}
      pending={update.isPending}
      onSubmit={form.handleSubmit((values) =>
        update.mutate({ id: base.id, expectedVersion: base.version, ...values }),
      )}
      onCancel={onDone}
    >
      <TaskFormFields form={form} />
    </VersionedEditForm>
  );
}

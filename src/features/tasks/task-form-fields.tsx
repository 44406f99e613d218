'use client';

import { useId } from 'react';
import { FormTextField } from '@/components/form-field';
import { FormSelectField } from '@/components/select-field';
import { Label } from '@/components/ui/label';
import { SelectItem } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { FormOwnerSelectField } from '@/features/members/owner-fields';
import { TASK_PRIORITIES } from '@/schemas/tasks';
import type { TaskFormReturn } from './task-form';
import { taskPriorityLabel } from './task-priority-badge';

/** The fields of a task: title, notes, due time (local), priority and assignee. */
export function TaskFormFields({ form }: { form: TaskFormReturn }) {
  const notesId = useId();
  const notesError = form.formState.errors.notes?.message;
  return (
    <>
      <FormTextField form={form} name="title" label="Title" autoComplete="off" />
      <div className="grid gap-2">
        <Label htmlFor={notesId}>Notes</Label>
        <Textarea
          id={notesId}
          rows={3}
          aria-invalid={notesError ? true : undefined}
          aria-describedby={notesError ? `${notesId}-error` : undefined}
          {...form.register('notes')}
        />
        {notesError ? (
          <p id={`${notesId}-error`} role="alert" className="text-sm text-destructive">
            {notesError}
          </p>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormTextField
          form={form}
          name="due"
          label="Due"
          type="datetime-local"
          hint="In your time zone; leave empty for no due time."
        />
        <FormSelectField control={form.control} name="priority" label="Priority">
          {TASK_PRIORITIES.map((priority) => (
            <SelectItem key={priority} value={priority}>
              {taskPriorityLabel(priority)}
            </SelectItem>
          ))}
        </FormSelectField>
      </div>
      <FormOwnerSelectField
        control={form.control}
        name="assigneeId"
        label="Assignee"
        noneLabel="Unassigned"
      />
    </>
  );
}

'use client';

import { FormTextField } from '@/components/form-field';
import { FormSelectField } from '@/components/select-field';
import { SelectItem } from '@/components/ui/select';
import { FormMentionField } from '@/features/mentions/form-mention-field';
import { FormOwnerSelectField } from '@/features/members/owner-fields';
import { TASK_PRIORITIES } from '@/schemas/tasks';
import type { TaskFormReturn } from './task-form';
import { taskPriorityLabel } from './task-priority-badge';

/** The fields of a task: title, notes, due time (local), priority and assignee. */
export function TaskFormFields({ form }: { form: TaskFormReturn }) {
  return (
    <>
      <FormTextField form={form} name="title" label="Title" autoComplete="off" />
      <FormMentionField control={form.control} name="notes" label="Notes" rows={3} />
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

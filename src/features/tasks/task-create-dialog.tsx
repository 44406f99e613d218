'use client';

import { PlusIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { LazyDialogButton } from '@/components/lazy-dialog-button';
import type { TaskRelated } from '@/schemas/tasks';

// The dialog and its form (with validation) load when first opened, or when the button is
// pointed at or focused, not with the list.
const loadForm = () => import('./task-create-form');
const TaskCreateForm = dynamic(() => loadForm().then((module) => module.TaskCreateFormDialog), {
  ssr: false,
});

/** "New task" (or another label, such as "Add task"), opening the dialog that creates one. */
export function TaskCreateDialog({
  related,
  label = 'New task',
  variant = 'default',
  size,
  initiallyOpen,
}: {
  /** The record the new task is about. */
  related?: TaskRelated;
  label?: string;
  variant?: 'default' | 'outline';
  size?: 'sm';
  initiallyOpen?: boolean;
}) {
  return (
    <LazyDialogButton
      variant={variant}
      size={size}
      load={loadForm}
      icon={PlusIcon}
      initiallyOpen={initiallyOpen}
      dialog={(state) => <TaskCreateForm related={related} {...state} />}
    >
      {label}
    </LazyDialogButton>
  );
}

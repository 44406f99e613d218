'use client';

import { CheckIcon, XIcon } from 'lucide-react';
import { useState } from 'react';
import { FLOATING_BAR_CLASSES, useFloatingBar } from '@/lib/floating-bars';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import { api } from '@/trpc/react';
import { useRefreshTasks } from './use-refresh-tasks';

/** "1 task", "3 tasks". */
export const taskCount = (n: number) => `${n} ${n === 1 ? 'task' : 'tasks'}`;

/**
 * Completes the selected tasks one by one (there is no bulk endpoint), then says how many were
 * done and why any were not.
 */
export function CompleteSelectedBar({
  ids,
  label,
  onDone,
}: {
  ids: string[];
  /** Names the bar for assistive technology: "Selected overdue tasks". */
  label: string;
  onDone: () => void;
}) {
  const utils = api.useUtils();
  const refreshTasks = useRefreshTasks();
  const [pending, setPending] = useState(false);
  const [placeBar, barBottom] = useFloatingBar<HTMLDivElement>();

  async function completeAll() {
    setPending(true);
    const results = await Promise.allSettled(
      ids.map((id) => utils.client.tasks.complete.mutate({ id, completed: true })),
    );
    setPending(false);
    const failures = results.filter((result) => result.status === 'rejected');
    const completed = results.length - failures.length;
    if (completed > 0) toast.success(`${taskCount(completed)} completed`);
    if (failures[0]) {
      toast.error(
        `${taskCount(failures.length)} could not be completed: ${describeError(failures[0].reason)}`,
      );
    }
    onDone();
    await refreshTasks();
  }

  return (
    <div
      role="region"
      aria-label={label}
      ref={placeBar}
      style={{ bottom: barBottom }}
      className={FLOATING_BAR_CLASSES}
    >
      <span className="text-sm font-medium" aria-live="polite">
        {taskCount(ids.length)} selected
      </span>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <Button variant="outline" size="sm" disabled={pending} onClick={() => void completeAll()}>
          <CheckIcon aria-hidden="true" />
          {pending ? 'Completing…' : 'Complete selected'}
        </Button>
        <Button variant="ghost" size="sm" disabled={pending} onClick={onDone}>
          <XIcon aria-hidden="true" />
          Clear selection
        </Button>
      </div>
    </div>
  );
}

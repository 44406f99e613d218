'use client';

import { CheckIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import { cn } from '@/lib/utils';
import type { Task } from '@/schemas/tasks';
import { api } from '@/trpc/react';
import { useRefreshTasks } from './use-refresh-tasks';

/** A round tick box: completes an open task, or reopens a done one. */
export function TaskCompleteButton({ task }: { task: Task }) {
  const refreshTasks = useRefreshTasks();
  const done = task.completedAt !== null;
  const complete = api.tasks.complete.useMutation({
    onSuccess: async (changed) => {
      toast.success(changed.completedAt ? `${changed.title} is done` : `${changed.title} reopened`);
      await refreshTasks();
    },
    onError: (error) => toast.error(describeError(error)),
  });
  return (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      className="size-8 rounded-full"
      aria-label={`${done ? 'Reopen' : 'Complete'} ${task.title}`}
      disabled={complete.isPending}
      onClick={() => complete.mutate({ id: task.id, completed: !done })}
    >
      <span
        aria-hidden="true"
        className={cn(
          'flex size-5 items-center justify-center rounded-full border-2 border-muted-foreground',
          done && 'border-primary bg-primary text-primary-foreground',
        )}
      >
        {done ? <CheckIcon className="size-3.5" /> : null}
      </span>
    </Button>
  );
}

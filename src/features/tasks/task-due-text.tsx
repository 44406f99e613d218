import { cn } from '@/lib/utils';
import type { Task } from '@/schemas/tasks';
import { describeDue } from './task-due';

/** When a task is due: relative, then the date and time; in the destructive colour when late. */
export function TaskDueText({ task }: { task: Task }) {
  if (!task.dueAt) return <span className="text-muted-foreground">No due time</span>;
  const due = describeDue(task.dueAt, { completed: task.completedAt !== null });
  return (
    <time
      dateTime={task.dueAt.toISOString()}
      className={cn('grid', due.overdue && 'text-destructive')}
    >
      {/* Relative to now and in the browser's time zone: the server's render may differ. */}
      <span className="font-medium" suppressHydrationWarning>
        {due.overdue ? <span className="sr-only">Overdue: </span> : null}
        {due.relative}
      </span>
      <span
        className={cn('text-xs', !due.overdue && 'text-muted-foreground')}
        suppressHydrationWarning
      >
        {due.absolute}
      </span>
    </time>
  );
}

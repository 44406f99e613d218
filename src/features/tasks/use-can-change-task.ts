'use client';

import { useCurrentUserId } from '@/components/current-user-provider';
import { useCan } from '@/components/permissions-provider';
import type { Task } from '@/schemas/tasks';

/**
 * Whether the signed-in member may change (edit, complete, delete) a task: anyone's with
 * tasks:manage, with tasks:write those they created or are assigned.
 */
export function useCanChangeTask(): (task: Task) => boolean {
  const me = useCurrentUserId();
  const canWrite = useCan('tasks:write');
  const canManage = useCan('tasks:manage');
  return (task) => canManage || (canWrite && (task.createdById === me || task.assigneeId === me));
}

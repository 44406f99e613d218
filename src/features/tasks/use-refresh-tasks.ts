'use client';

import { api } from '@/trpc/react';

/** After a task is created or changed: reads the task lists, counts and timelines again. */
export function useRefreshTasks() {
  const utils = api.useUtils();
  return () =>
    Promise.all([utils.tasks.invalidate(), utils.timeline.invalidate(), utils.audit.invalidate()]);
}

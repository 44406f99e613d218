'use client';

import { api } from '@/trpc/react';

/** After a task is created or changed: reads the task lists and counts again. */
export function useRefreshTasks() {
  const utils = api.useUtils();
  return () => utils.tasks.invalidate();
}

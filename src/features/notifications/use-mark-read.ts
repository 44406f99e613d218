'use client';

import { toast } from '@/lib/toast';
import { describeError } from '@/lib/server-errors';
import { api } from '@/trpc/react';

/** Marks one notification read; the bell and every list of them follow. */
export function useMarkNotificationRead() {
  const utils = api.useUtils();
  return api.notifications.markRead.useMutation({
    onError: (error) => toast.error(describeError(error)),
    onSettled: () => utils.notifications.invalidate(),
  });
}

/** Marks every notification read; the bell and every list of them follow. */
export function useMarkAllNotificationsRead() {
  const utils = api.useUtils();
  return api.notifications.markAllRead.useMutation({
    onError: (error) => toast.error(describeError(error)),
    onSettled: () => utils.notifications.invalidate(),
  });
}

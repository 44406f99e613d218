'use client';

import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { PagedList } from '@/components/paged-list';
import { Button } from '@/components/ui/button';
import { nextPageCursor } from '@/lib/cursor-pages';
import { api } from '@/trpc/react';
import { notificationListParams, type NotificationFilter } from './notification-filter';
import { NotificationEntry } from './notification-entry';
import { useMarkNotificationRead } from './use-mark-read';

/** The inbox under one filter, page by page. */
export function NotificationFeed({ filter }: { filter: NotificationFilter }) {
  const list = api.notifications.list.useInfiniteQuery(notificationListParams(filter), {
    getNextPageParam: nextPageCursor,
  });
  const markRead = useMarkNotificationRead();

  return (
    <PagedList
      query={list}
      loading={{ label: 'Loading notifications', shape: 'items' }}
      failure="The notifications could not be loaded."
      empty={
        <EmptyState
          title={filter === 'unread' ? "You're all caught up" : 'No notifications yet'}
          action={
            <Button asChild variant="outline">
              <Link href="/dashboard">Go to the dashboard</Link>
            </Button>
          }
        >
          {filter === 'unread'
            ? 'Every notification is read.'
            : 'You will hear here when a teammate gives you a record or a task, or moves a deal you own.'}
        </EmptyState>
      }
      moreLabel="Load more notifications"
    >
      {(notifications) => (
        <ul className="divide-y rounded-lg border bg-background p-4">
          {notifications.map((notification) => (
            <NotificationEntry
              key={notification.id}
              notification={notification}
              onMarkRead={({ id }) => markRead.mutate({ id })}
              marking={markRead.isPending && markRead.variables.id === notification.id}
            />
          ))}
        </ul>
      )}
    </PagedList>
  );
}

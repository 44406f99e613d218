'use client';

import Link from 'next/link';
import { useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { QueryState } from '@/components/query-state';
import { Button } from '@/components/ui/button';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import type { Notification } from '@/schemas/notifications';
import { api } from '@/trpc/react';
import {
  NOTIFICATION_FILTERS,
  notificationListParams,
  type NotificationFilter,
} from './notification-filter';
import { NotificationPanelItem } from './notification-panel-item';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from './use-mark-read';

/** How many of the latest notifications the panel shows; the page has the rest. */
const PANEL_SIZE = 8;

/** The bell's panel: the latest notifications, unread or all, and the way to the inbox. */
export function NotificationPanel({ unread, onClose }: { unread: number; onClose: () => void }) {
  const [filter, setFilter] = useState<NotificationFilter>('unread');
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();

  function openNotification(notification: Notification) {
    if (notification.readAt === null) markRead.mutate({ id: notification.id });
    onClose();
  }

  return (
    <div className="grid gap-3">
      <div className="flex items-center justify-between gap-2 px-1">
        <h2 id="notification-panel-title" className="text-sm font-semibold">
          Notifications
        </h2>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => markAllRead.mutate({})}
          disabled={unread === 0 || markAllRead.isPending}
        >
          Mark all read
        </Button>
      </div>
      <Tabs value={filter} onValueChange={(value) => setFilter(value as NotificationFilter)}>
        <TabsList className="w-full">
          {NOTIFICATION_FILTERS.map(({ value, label }) => (
            <TabsTrigger key={value} value={value}>
              {label}
            </TabsTrigger>
          ))}
        </TabsList>
        {NOTIFICATION_FILTERS.map(({ value }) => (
          <TabsContent key={value} value={value} className="max-h-96 overflow-y-auto">
            <LatestNotifications filter={value} onOpen={openNotification} />
          </TabsContent>
        ))}
      </Tabs>
      <div className="grid grid-cols-2 gap-2">
        <Button asChild variant="outline" size="sm">
          <Link href="/notifications" onClick={onClose}>
            View all
          </Link>
        </Button>
        <Button asChild variant="ghost" size="sm">
          <Link href="/settings/notifications" onClick={onClose}>
            Settings
          </Link>
        </Button>
      </div>
    </div>
  );
}

function LatestNotifications({
  filter,
  onOpen,
}: {
  filter: NotificationFilter;
  onOpen: (notification: Notification) => void;
}) {
  const latest = api.notifications.list.useQuery(notificationListParams(filter, PANEL_SIZE));
  return (
    <QueryState
      query={latest}
      loading={{ label: 'Loading notifications', count: 3 }}
      failure="The notifications could not be loaded."
      isEmpty={(data) => data.items.length === 0}
      empty={
        <EmptyState className="p-6">
          {filter === 'unread' ? "You're all caught up." : 'No notifications yet.'}
        </EmptyState>
      }
    >
      {(data) => (
        <ul className="grid gap-1" aria-label={filter === 'unread' ? 'Unread' : 'All'}>
          {data.items.map((notification) => (
            <NotificationPanelItem
              key={notification.id}
              notification={notification}
              onOpen={onOpen}
            />
          ))}
        </ul>
      )}
    </QueryState>
  );
}

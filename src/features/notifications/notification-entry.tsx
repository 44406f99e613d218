'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import type { Notification } from '@/schemas/notifications';
import { cn } from '@/lib/utils';
import { notificationHref } from './notification-filter';
import { NotificationTime } from './notification-time';
import { UnreadMarker } from './unread-marker';

/** One notification in the inbox: what happened, when, and a way to mark it read. */
export function NotificationEntry({
  notification,
  onMarkRead,
  marking,
}: {
  notification: Notification;
  onMarkRead: (notification: Notification) => void;
  marking: boolean;
}) {
  const unread = notification.readAt === null;
  return (
    <li className="flex flex-wrap items-start gap-x-3 gap-y-2 py-3 first:pt-0 last:pb-0">
      <UnreadMarker unread={unread} />
      <div className="grid min-w-0 flex-1 gap-1">
        <Link
          href={notificationHref(notification.link)}
          onClick={() => {
            if (unread) onMarkRead(notification);
          }}
          className={cn(
            'break-words underline-offset-4 hover:underline focus-visible:underline',
            unread ? 'font-medium' : 'text-muted-foreground',
          )}
        >
          {notification.title}
        </Link>
        {notification.body ? (
          <p className="text-sm break-words text-muted-foreground">{notification.body}</p>
        ) : null}
        <NotificationTime date={notification.createdAt} />
      </div>
      {unread ? (
        <Button
          variant="outline"
          size="sm"
          className="ml-5 sm:ml-0"
          onClick={() => onMarkRead(notification)}
          disabled={marking}
          aria-label={`Mark read: ${notification.title}`}
        >
          Mark read
        </Button>
      ) : null}
    </li>
  );
}

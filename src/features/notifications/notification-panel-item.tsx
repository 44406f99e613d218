'use client';

import Link from 'next/link';
import type { Notification } from '@/schemas/notifications';
import { cn } from '@/lib/utils';
import { notificationHref } from './notification-filter';
import { NotificationTime } from './notification-time';
import { UnreadMarker } from './unread-marker';

/** One notification in the bell's panel: a link to its record that marks it read on the way. */
export function NotificationPanelItem({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: (notification: Notification) => void;
}) {
  const unread = notification.readAt === null;
  return (
    <li>
      <Link
        href={notificationHref(notification.link)}
        onClick={() => onOpen(notification)}
        className="flex gap-3 rounded-md px-3 py-2 text-sm outline-none hover:bg-accent focus-visible:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <UnreadMarker unread={unread} />
        <span className="grid min-w-0 gap-0.5">
          <span className={cn('break-words', unread ? 'font-medium' : 'text-muted-foreground')}>
            {notification.title}
          </span>{' '}
          <NotificationTime date={notification.createdAt} />
        </span>
      </Link>
    </li>
  );
}

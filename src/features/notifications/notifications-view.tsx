'use client';

import { SettingsIcon } from 'lucide-react';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { UrlTabs, useUrlTabs } from '@/components/url-tabs';
import { api } from '@/trpc/react';
import { NOTIFICATION_FILTERS } from './notification-filter';
import { NotificationFeed } from './notification-feed';
import { useMarkAllNotificationsRead } from './use-mark-read';

export function NotificationsView() {
  const count = api.notifications.unreadCount.useQuery({});
  const markAllRead = useMarkAllNotificationsRead();
  const tabs = useUrlTabs(
    NOTIFICATION_FILTERS.map(({ value, label }) => ({
      value,
      label,
      content: <NotificationFeed filter={value} />,
    })),
  );

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Notifications"
        description="What your teammates did that concerns you."
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/settings/notifications">
                <SettingsIcon aria-hidden="true" />
                Choose what you hear about
              </Link>
            </Button>
            <Button
              variant="outline"
              onClick={() => markAllRead.mutate({})}
              disabled={!count.data?.unread || markAllRead.isPending}
            >
              Mark all read
            </Button>
          </>
        }
      />
      <UrlTabs {...tabs} />
    </div>
  );
}

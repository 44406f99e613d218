import type { Metadata } from 'next';
import {
  notificationFilterFrom,
  notificationListParams,
} from '@/features/notifications/notification-filter';
import { NotificationsView } from '@/features/notifications/notifications-view';
import { HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tab } = await searchParams;
  if (await rendersForMember()) {
    const filter = notificationFilterFrom(typeof tab === 'string' ? tab : undefined);
    void serverApi.notifications.unreadCount.prefetch({});
    void serverApi.notifications.list.prefetchInfinite(notificationListParams(filter));
  }
  return (
    <HydrateClient>
      <NotificationsView />
    </HydrateClient>
  );
}

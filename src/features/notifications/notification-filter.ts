import type { NotificationListParams } from '@/schemas/notifications';

/** Which notifications a list shows: the unread ones, or all of them. */
export type NotificationFilter = 'unread' | 'all';

export const NOTIFICATION_FILTERS: readonly { value: NotificationFilter; label: string }[] = [
  { value: 'unread', label: 'Unread' },
  { value: 'all', label: 'All' },
];

/** The page's filter from its URL (?tab=all); unread ones when it names none. */
export function notificationFilterFrom(tab: string | null | undefined): NotificationFilter {
  return tab === 'all' ? 'all' : 'unread';
}

/** The list query's input for a filter, the same on the server's prefetch and in the browser. */
export function notificationListParams(
  filter: NotificationFilter,
  limit?: number,
): Partial<NotificationListParams> {
  return {
    ...(filter === 'unread' ? { unread: true } : {}),
    ...(limit === undefined ? {} : { limit }),
  };
}

/**
 * Where a notification leads: its link when that is a path in the app, the inbox otherwise,
 * so a malformed link can never take the browser to another site or run a script.
 */
export function notificationHref(link: string): string {
  return link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\')
    ? link
    : '/notifications';
}

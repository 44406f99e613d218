import { router } from '../../trpc';
import { list } from './list';
import { notificationSettingsRouter } from './settings/router';
import { markAllRead, markRead } from './mark-read';
import { unreadCount } from './unread-count';

export const notificationsRouter = router({
  list,
  unreadCount,
  markRead,
  markAllRead,
  settings: notificationSettingsRouter,
});

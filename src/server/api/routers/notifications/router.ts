import { router } from '../../trpc';
import { list } from './list';
import { markAllRead, markRead } from './mark-read';
import { unreadCount } from './unread-count';

export const notificationsRouter = router({ list, unreadCount, markRead, markAllRead });

import type { Metadata } from 'next';
import { NotificationSettingsView } from '@/features/notification-settings/notification-settings-view';

export const metadata: Metadata = { title: 'Notification settings' };

export default function NotificationSettingsPage() {
  return <NotificationSettingsView />;
}

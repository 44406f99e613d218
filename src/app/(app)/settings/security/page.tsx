import type { Metadata } from 'next';
import { SecuritySettingsView } from '@/features/settings/settings-view';

export const metadata: Metadata = { title: 'Security settings' };

export default function SecuritySettingsPage() {
  return <SecuritySettingsView />;
}

'use client';

import { PageHeader } from '@/components/page-header';
import { PhoneSection } from './phone-section';
import { PreferencesSection } from './preferences-section';
import { PushSection } from './push-section';

export function NotificationSettingsView() {
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader
        title="Notification settings"
        description="What you are told, by which channel, and when. These settings are yours, in every organization you belong to."
      />
      <PreferencesSection />
      <PushSection />
      <PhoneSection />
    </div>
  );
}

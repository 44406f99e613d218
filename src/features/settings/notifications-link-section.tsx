import Link from 'next/link';
import { SettingsSection } from '@/components/settings-section';
import { Button } from '@/components/ui/button';

export function NotificationsLinkSection() {
  return (
    <SettingsSection
      title="Notifications"
      description="What you are told, by e-mail, push or SMS, your digest hour and your quiet hours."
    >
      <div>
        <Button asChild variant="outline">
          <Link href="/settings/notifications">Notification settings</Link>
        </Button>
      </div>
    </SettingsSection>
  );
}

'use client';

import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { DangerZoneSection } from './danger-zone-section';
import { EmailSection } from './email-section';
import { LeaveOrganizationSection } from './leave-organization-section';
import { NotificationsLinkSection } from './notifications-link-section';
import { OrganizationSection } from './organization-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SecurityActivitySection } from './security-activity-section';
import { SessionsSection } from './sessions-section';
import { TransferOwnershipSection } from './transfer-ownership-section';
import { TwoFactorSection } from './two-factor-section';

export function SettingsView() {
  // Everyone in an organization may read its members; nobody without one has any permission.
  const inOrganization = useCan('members:read');
  const canManage = useCan('org:manage');
  const canTransfer = useCan('org:transfer');
  const canDelete = useCan('org:delete');

  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader title="Settings" description="Your account and your organization." />
      <ProfileSection />
      <NotificationsLinkSection />
      <EmailSection />
      <PasswordSection />
      <TwoFactorSection />
      <SessionsSection />
      <SecurityActivitySection />
      {canManage ? <OrganizationSection /> : null}
      {canTransfer ? <TransferOwnershipSection /> : null}
      {inOrganization ? <LeaveOrganizationSection /> : null}
      {canDelete ? <DangerZoneSection /> : null}
    </div>
  );
}

'use client';

import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { ConnectedAppsSection } from './connected-apps-section';
import { DangerZoneSection } from './danger-zone-section';
import { EmailSection } from './email-section';
import { LeaveOrganizationSection } from './leave-organization-section';
import { OrganizationSection } from './organization-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SandboxSection } from './sandbox-section';
import { SecurityActivitySection } from './security-activity-section';
import { SessionsSection } from './sessions-section';
import { SsoSection } from './sso-section';
import { TransferOwnershipSection } from './transfer-ownership-section';
import { TwoFactorSection } from './two-factor-section';

function SettingsPage({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader title={title} description={description} />
      {children}
    </div>
  );
}

export function ProfileSettingsView() {
  return (
    <SettingsPage title="Profile settings" description="Your name and your e-mail address.">
      <ProfileSection />
      <EmailSection />
    </SettingsPage>
  );
}

export function SecuritySettingsView() {
  return (
    <SettingsPage
      title="Security settings"
      description="Your password, two-factor authentication, where you are signed in, and the apps you connected."
    >
      <PasswordSection />
      <TwoFactorSection />
      <SessionsSection />
      <ConnectedAppsSection />
      <SecurityActivitySection />
    </SettingsPage>
  );
}

export function OrganizationSettingsView() {
  // Everyone in an organization may read its members; nobody without one has any permission.
  const inOrganization = useCan('members:read');
  const canManage = useCan('org:manage');
  const canTransfer = useCan('org:transfer');
  const canDelete = useCan('org:delete');
  const canManageSso = useCan('sso:manage');
  return (
    <SettingsPage
      title="Organization settings"
      description="The organization you are working in: its name, single sign-on, its sandbox, its owner, leaving or deleting it."
    >
      {canManage ? <OrganizationSection /> : null}
      {canManageSso ? <SsoSection /> : null}
      {canManage ? <SandboxSection /> : null}
      {canTransfer ? <TransferOwnershipSection /> : null}
      {inOrganization ? <LeaveOrganizationSection /> : null}
      {canDelete ? <DangerZoneSection /> : null}
    </SettingsPage>
  );
}

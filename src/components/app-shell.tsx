import Link from 'next/link';
import type { Permission } from '@/schemas/permissions';
import {
  OrganizationSwitcher,
  type OrganizationOption,
} from '@/features/organizations/organization-switcher';
import { UserMenu } from '@/features/auth/user-menu';
import { VerifyEmailBanner } from '@/features/auth/verify-email-banner';
import { MainNav, type NavItem } from './main-nav';

const NAV: (NavItem & { permission?: Permission })[] = [
  { href: '/dashboard', label: 'Dashboard', permission: 'customers:read' },
  { href: '/customers', label: 'Customers', permission: 'customers:read' },
  { href: '/orders', label: 'Orders', permission: 'orders:read' },
  { href: '/import', label: 'Import', permission: 'data:import' },
  { href: '/team', label: 'Team', permission: 'members:read' },
  { href: '/audit', label: 'Audit', permission: 'audit:read' },
  { href: '/api-keys', label: 'API keys', permission: 'api-keys:manage' },
  { href: '/webhooks', label: 'Webhooks', permission: 'webhooks:manage' },
  { href: '/settings', label: 'Settings' },
];

export function AppShell({
  user,
  organizations,
  permissions,
  children,
}: {
  user: { name: string; email: string; emailVerified: boolean };
  organizations: OrganizationOption[];
  permissions: readonly Permission[];
  children: React.ReactNode;
}) {
  const items = NAV.filter((item) => !item.permission || permissions.includes(item.permission));
  return (
    <div className="min-h-screen bg-muted/30">
      <header className="border-b bg-background">
        <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link href="/dashboard" className="font-semibold tracking-tight">
            Clientele
          </Link>
          <OrganizationSwitcher organizations={organizations} />
          <MainNav items={items} />
          <div className="ml-auto">
            <UserMenu name={user.name} email={user.email} />
          </div>
        </div>
      </header>
      {!user.emailVerified ? <VerifyEmailBanner email={user.email} /> : null}
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}

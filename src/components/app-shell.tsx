import { LogOutIcon, MonitorIcon, MoonIcon, SettingsIcon, SunIcon, UserIcon } from 'lucide-react';
import Link from 'next/link';
import type { Permission } from '@/schemas/permissions';
import {
  OrganizationSwitcher,
  type OrganizationOption,
} from '@/features/organizations/organization-switcher';
import { UserMenu } from '@/features/auth/user-menu';
import { VerifyEmailBanner } from '@/features/auth/verify-email-banner';
import { NotificationBell } from '@/features/notifications/notification-bell';
import { SandboxBanner } from '@/features/sandbox/sandbox-banner';
import { CommandPalette } from './command-palette';
import { MainNav, MobileNav, type NavItem } from './main-nav';
import { ThemeToggle } from './theme-toggle';

const NAV: (NavItem & { permission?: Permission })[] = [
  { href: '/dashboard', label: 'Dashboard', permission: 'customers:read' },
  { href: '/customers', label: 'Customers', permission: 'customers:read' },
  { href: '/companies', label: 'Companies', permission: 'companies:read' },
  { href: '/deals', label: 'Deals', permission: 'deals:read' },
  { href: '/tasks', label: 'Tasks', permission: 'tasks:read' },
  { href: '/orders', label: 'Orders', permission: 'orders:read' },
  { href: '/import', label: 'Import', permission: 'data:import' },
  { href: '/team', label: 'Team', permission: 'members:read' },
  { href: '/audit', label: 'Audit', permission: 'audit:read' },
  { href: '/api-keys', label: 'API keys', permission: 'api-keys:manage' },
  { href: '/apps', label: 'OAuth apps', permission: 'apps:manage' },
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
  const sandboxOfId = organizations.find((organization) => organization.active)?.sandboxOfId;
  const live = organizations.find((organization) => organization.id === sandboxOfId) ?? null;
  return (
    <div className="min-h-screen bg-muted/30">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b bg-background">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-4">
          <Link href="/dashboard" className="hidden font-semibold tracking-tight sm:block">
            Clientele
          </Link>
          <OrganizationSwitcher organizations={organizations} />
          <div className="ml-auto flex items-center gap-1 sm:gap-2">
            <CommandPalette pages={items} />
            {permissions.includes('notifications:read') ? <NotificationBell /> : null}
            <ThemeToggle
              icons={{
                light: <SunIcon aria-hidden="true" />,
                dark: <MoonIcon aria-hidden="true" />,
                system: <MonitorIcon aria-hidden="true" />,
              }}
            />
            <UserMenu
              name={user.name}
              email={user.email}
              icons={{
                account: <UserIcon aria-hidden="true" />,
                settings: <SettingsIcon aria-hidden="true" />,
                signOut: <LogOutIcon aria-hidden="true" />,
              }}
            />
            <MobileNav items={items} />
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-2">
          <MainNav items={items} />
        </div>
      </header>
      {sandboxOfId ? <SandboxBanner live={live} /> : null}
      {!user.emailVerified ? <VerifyEmailBanner email={user.email} /> : null}
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}

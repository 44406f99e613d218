'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useCan } from '@/components/permissions-provider';
import { cn } from '@/lib/utils';

interface SettingsPage {
  href: string;
  label: string;
}

const PROFILE: SettingsPage = { href: '/settings/profile', label: 'Profile' };
const SECURITY: SettingsPage = { href: '/settings/security', label: 'Security' };
const NOTIFICATIONS: SettingsPage = { href: '/settings/notifications', label: 'Notifications' };
const ORGANIZATION: SettingsPage = { href: '/settings/organization', label: 'Organization' };

/**
 * The settings pages: a column beside the page from tablet width up, a row that scrolls
 * sideways on phones.
 */
export function SettingsNav() {
  const pathname = usePathname();
  // Everyone in an organization may read its members; nobody without one has any permission.
  const inOrganization = useCan('members:read');
  const pages = inOrganization
    ? [PROFILE, SECURITY, NOTIFICATIONS, ORGANIZATION]
    : [PROFILE, SECURITY, NOTIFICATIONS];
  return (
    <nav aria-label="Settings" className="min-w-0">
      <ul className="flex gap-1 overflow-x-auto pb-1 md:flex-col md:overflow-visible md:pb-0">
        {pages.map((page) => {
          const current = pathname === page.href || pathname.startsWith(`${page.href}/`);
          return (
            <li key={page.href} className="shrink-0">
              <Link
                href={page.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  // The focus ring is drawn inside: the row scrolls on phones and would clip it.
                  'block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring',
                  current && 'bg-muted text-foreground',
                )}
              >
                {page.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

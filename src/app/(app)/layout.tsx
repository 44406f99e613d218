import { redirect } from 'next/navigation';
import { AppShell } from '@/components/app-shell';
import { CurrentUserProvider } from '@/components/current-user-provider';
import { PermissionsProvider } from '@/components/permissions-provider';
import { LiveChanges } from '@/features/live/live-changes';
import { NoOrganization } from '@/features/organizations/no-organization';
import { permissionsOf } from '@/schemas/permissions';
import { sessionRefusalIn } from '@/server/api/authorize';
import { getServerContext, serverApi } from '@/trpc/server';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { principal } = await getServerContext();
  if (principal?.kind !== 'user' || principal.twoFactorPending) redirect('/sign-in');
  // An organization that accepts only SSO sends a password session to its SSO sign-in.
  const refusal = principal.organization && sessionRefusalIn(principal, principal.organization);
  if (refusal?.details.signInUrl) redirect(refusal.details.signInUrl);
  const organizations = await serverApi.organizations.mine();
  const permissions = principal.organization ? permissionsOf(principal.organization.role) : [];
  return (
    <PermissionsProvider permissions={permissions}>
      <AppShell
        user={{
          name: principal.name,
          email: principal.email,
          emailVerified: principal.emailVerified,
        }}
        organizations={organizations}
        permissions={permissions}
      >
        {principal.organization ? (
          <CurrentUserProvider userId={principal.userId}>
            {/* A stream per organization: switching to another one opens a new stream. */}
            <LiveChanges key={principal.organization.id} userId={principal.userId} />
            {children}
          </CurrentUserProvider>
        ) : (
          <NoOrganization organizations={organizations} />
        )}
      </AppShell>
    </PermissionsProvider>
  );
}

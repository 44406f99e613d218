import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ConsentCard } from '@/features/oauth/consent-card';
import { PERMISSION_DESCRIPTIONS } from '@/schemas/permission-descriptions';
import { consentRequestOf } from '@/server/oauth/consent';
import { getServerContext } from '@/trpc/server';

export const metadata: Metadata = { title: 'Connect an app' };

/**
 * What an app asks to do for the signed-in person, and in which organization, before they
 * allow it. Reached from the authorization server (/oauth/interaction/…), never directly.
 */
export default async function ConsentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { request } = await searchParams;
  const uid = typeof request === 'string' ? request : '';
  const { principal, services } = await getServerContext();
  if (principal?.kind !== 'user' || principal.twoFactorPending) {
    redirect(`/sign-in?next=${encodeURIComponent(`/oauth/consent?request=${uid}`)}`);
  }
  const consent = uid ? await consentRequestOf(services.db, uid, principal.userId) : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-md">
        <ConsentCard
          request={
            consent && {
              uid: consent.uid,
              appName: consent.app.name,
              logoUrl: consent.app.logoUrl,
              organizationName: consent.organization.name,
              redirectHost: consent.redirectUri ? new URL(consent.redirectUri).host : null,
              member: consent.member,
              granted: consent.granted.map((scope) => PERMISSION_DESCRIPTIONS[scope]),
              withheld: consent.withheld.map((scope) => PERMISSION_DESCRIPTIONS[scope]),
              offline: consent.otherScopes.includes('offline_access'),
            }
          }
          signedInAs={principal.email}
        />
      </div>
    </main>
  );
}

import type { Metadata } from 'next';
import { AcceptInvitation, type InvitationPreview } from '@/features/invitations/accept-invitation';
import { getServerContext, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Accept invitation' };

async function previewOf(token: string | undefined): Promise<InvitationPreview | null> {
  if (!token) return null;
  try {
    return await serverApi.invitations.preview({ token });
  } catch {
    // A malformed token fails validation: it is as unusable as an expired one.
    return null;
  }
}

/** Outside the (auth) group: the invited person may already be signed in. */
export default async function AcceptInvitationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token: tokenParam } = await searchParams;
  const token = typeof tokenParam === 'string' ? tokenParam : undefined;
  const [{ principal }, preview] = await Promise.all([getServerContext(), previewOf(token)]);
  const signedIn =
    principal?.kind === 'user'
      ? { email: principal.email, twoFactorPending: principal.twoFactorPending }
      : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-sm">
        <AcceptInvitation token={token ?? ''} preview={preview} signedIn={signedIn} />
      </div>
    </main>
  );
}

import { redirect } from 'next/navigation';
import { getServerContext } from '@/trpc/server';

/** Signed-in people go to the app; a session still owing its second factor stays here. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const { principal } = await getServerContext();
  const signedIn = principal?.kind === 'user' && !principal.twoFactorPending;
  if (signedIn) redirect('/dashboard');
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}

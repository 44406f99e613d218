import type { Metadata } from 'next';
import { VerifyEmail } from '@/features/auth/verify-email';

export const metadata: Metadata = { title: 'Verify e-mail address' };

/** Outside the (auth) group: people who are signed in open this link too. */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-sm">
        <VerifyEmail token={typeof token === 'string' ? token : undefined} />
      </div>
    </main>
  );
}

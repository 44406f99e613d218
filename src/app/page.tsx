import { redirect } from 'next/navigation';
import { getServerContext } from '@/trpc/server';

export default async function Home() {
  const { principal } = await getServerContext();
  const signedIn = principal?.kind === 'user' && !principal.twoFactorPending;
  redirect(signedIn ? '/dashboard' : '/sign-in');
}

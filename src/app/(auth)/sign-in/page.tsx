import type { Metadata } from 'next';
import { SignInForm } from '@/features/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  // The form checks that it is a path on this site before following it.
  return <SignInForm next={typeof next === 'string' ? next : undefined} />;
}

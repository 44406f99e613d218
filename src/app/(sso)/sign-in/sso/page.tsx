import type { Metadata } from 'next';
import { SsoSignInForm } from '@/features/auth/sso-sign-in-form';

export const metadata: Metadata = { title: 'Sign in with SSO' };

const one = (value: string | string[] | undefined) =>
  typeof value === 'string' ? value : undefined;

export default async function SsoSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { error, organization, next } = await searchParams;
  return <SsoSignInForm error={one(error)} organization={one(organization)} next={one(next)} />;
}

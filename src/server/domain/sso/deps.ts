import type { SecretBox } from '@/server/crypto/secret-box';
import type { AccountDeps } from '@/server/domain/accounts/deps';

/** What SSO sign-in needs from the request and the process. */
export interface SsoDeps extends Pick<
  AccountDeps,
  'db' | 'appUrl' | 'throttle' | 'client' | 'logger'
> {
  secretBox: SecretBox;
}

/** Ten minutes to sign in at the provider and come back. */
export const SSO_ATTEMPT_TTL_MS = 10 * 60 * 1000;

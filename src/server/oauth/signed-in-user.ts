import type { IncomingMessage } from 'node:http';
import { readSessionCookie } from '@/server/auth/cookie';
import { validateSessionToken } from '@/server/auth/session';
import type { AppServices } from '@/server/services';

/** The person signed in to the app in this browser (fully: second factor given), if any. */
export async function signedInUserOf(
  services: Pick<AppServices, 'db' | 'secureCookies'>,
  req: IncomingMessage,
): Promise<string | undefined> {
  const token = readSessionCookie(req.headers.cookie, services.secureCookies);
  const session = token ? await validateSessionToken(services.db, token) : null;
  return session && !session.twoFactorPending ? session.user.id : undefined;
}

import { parse, serialize } from 'cookie';
import { SSO_ATTEMPT_TTL_MS } from '@/server/domain/sso/deps';

/**
 * The state of the SSO sign-in this browser started, checked at the callback: a callback URL
 * planted in another browser (login CSRF) finds no matching cookie there. SameSite=Lax, so the
 * provider's top-level redirect back carries it.
 */
const cookieName = (secure: boolean) =>
  secure ? '__Host-clientele_sso_state' : 'clientele_sso_state';

export function ssoStateCookie(state: string, secure: boolean): string {
  return serialize(cookieName(secure), state, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: SSO_ATTEMPT_TTL_MS / 1000,
  });
}

export function clearedSsoStateCookie(secure: boolean): string {
  return serialize(cookieName(secure), '', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: 0,
  });
}

export function readSsoStateCookie(cookieHeader: string | undefined, secure: boolean) {
  return cookieHeader ? parse(cookieHeader)[cookieName(secure)] : undefined;
}

import { parse, serialize } from 'cookie';

/**
 * The session cookie. Over HTTPS it is `Secure` with the `__Host-` prefix, which also pins it
 * to this host and path `/`; plain-HTTP development uses the bare name.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-clientele_session' : 'clientele_session';
}

export function readSessionCookie(cookieHeader: string | null | undefined, secure: boolean) {
  if (!cookieHeader) return undefined;
  return parse(cookieHeader)[sessionCookieName(secure)];
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serialize(sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    expires: expiresAt,
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(sessionCookieName(secure), '', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: 0,
  });
}

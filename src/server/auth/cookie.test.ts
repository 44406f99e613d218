import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, readSessionCookie, sessionCookie } from './cookie';

describe('the session cookie', () => {
  const expires = new Date('2030-01-01T00:00:00Z');

  it('over HTTPS is Secure, HttpOnly, SameSite=Lax, Path=/ and __Host- prefixed', () => {
    const cookie = sessionCookie('abc.def', expires, true);
    expect(cookie).toMatch(/^__Host-clientele_session=abc\.def;/);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/'])
      expect(cookie).toContain(attribute);
    expect(cookie).not.toContain('Domain=');
    expect(readSessionCookie('other=1; __Host-clientele_session=abc.def', true)).toBe('abc.def');
    expect(readSessionCookie('clientele_session=abc.def', true)).toBeUndefined();
  });

  it('over plain HTTP (development) drops Secure and the prefix, and clears with Max-Age=0', () => {
    const cookie = sessionCookie('abc.def', expires, false);
    expect(cookie).toMatch(/^clientele_session=abc\.def;/);
    expect(cookie).not.toContain('Secure');
    expect(clearedSessionCookie(false)).toContain('Max-Age=0');
  });
});

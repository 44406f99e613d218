export const DEFAULT_TARGET = '/dashboard';

/** Whether `next` is a path on this site. "//host" and "/\host" lead to another site. */
export function isLocalPath(next: string | null | undefined): next is string {
  return (
    typeof next === 'string' &&
    next.startsWith('/') &&
    !next.startsWith('//') &&
    !next.startsWith('/\\') &&
    next.length <= 2000
  );
}

/** Where to go after signing in: only a path on this site (no open redirect). */
export function safeRedirectTarget(next: string | null | undefined): string {
  return isLocalPath(next) ? next : DEFAULT_TARGET;
}

import { parse, serialize } from 'cookie';
import { usesReplicas } from '@/server/db/replicas';
import type { AppServices } from '@/server/services';
import type { Context } from './context';

/**
 * Replicas apply the primary's changes a moment later. A browser refetches what it changed at
 * once (and again when the change's live event arrives), so after a write its reads stay on the
 * primary for a few seconds, marked by a short-lived cookie that reaches every instance.
 */
const WINDOW_SECONDS = 5;

const cookieName = (secure: boolean) => (secure ? '__Host-clientele_wrote' : 'clientele_wrote');

/** Whether this browser wrote a moment ago; never asked of the cookie without replicas. */
export function wroteRecently(services: AppServices, cookieHeader: string | null): boolean {
  if (!cookieHeader || !usesReplicas(services.db)) return false;
  return parse(cookieHeader)[cookieName(services.secureCookies)] !== undefined;
}

/** After a committed write: the rest of this request, and a browser's next reads, use the primary. */
export function markWrite(ctx: Context): void {
  ctx.reads.fromPrimary = true;
  if (!ctx.viaCookie || !usesReplicas(ctx.db)) return;
  const secure = ctx.services.secureCookies;
  ctx.responseHeaders.append(
    'set-cookie',
    serialize(cookieName(secure), '1', {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure,
      maxAge: WINDOW_SECONDS,
    }),
  );
}

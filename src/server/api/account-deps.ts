import { clearedSessionCookie, sessionCookie } from '@/server/auth/cookie';
import type { AccountDeps } from '@/server/domain/accounts/deps';
import type { Context } from './context';
import { throttleFor } from './rate-limit';

/** The account domain's dependencies, for this request. */
export function accountDeps(ctx: Context): AccountDeps {
  const { services } = ctx;
  return {
    db: services.db,
    outbox: { jobs: services.jobs, secretBox: services.secretBox },
    appUrl: services.appUrl,
    throttle: throttleFor(ctx),
    client: {
      ipAddress: ctx.request.ipAddress,
      userAgent: ctx.request.userAgent,
      requestId: ctx.request.requestId,
    },
    logger: services.logger,
  };
}

export function setSessionCookie(
  ctx: Context,
  session: { token: string; absoluteExpiresAt: Date },
) {
  ctx.responseHeaders.append(
    'set-cookie',
    sessionCookie(session.token, session.absoluteExpiresAt, ctx.services.secureCookies),
  );
}

export function clearSessionCookie(ctx: Context) {
  ctx.responseHeaders.append('set-cookie', clearedSessionCookie(ctx.services.secureCookies));
}

/** Enough to queue mail with links back to the app. */
export const mailDeps = (ctx: Context) => ({
  outbox: { jobs: ctx.services.jobs, secretBox: ctx.services.secretBox },
  appUrl: ctx.services.appUrl,
});

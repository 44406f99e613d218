import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { SSO_PATHS } from '@/schemas/sso';
import { isLocalPath, safeRedirectTarget } from '@/lib/redirect-target';
import type { RequestInfo } from '@/server/api/context';
import { throttleFor } from '@/server/api/rate-limit';
import { sessionCookie } from '@/server/auth/cookie';
import type { SsoDeps } from '@/server/domain/sso/deps';
import { finishSsoSignIn } from '@/server/domain/sso/finish-sign-in';
import { SsoRefusal } from '@/server/domain/sso/refusal';
import { startSsoSignIn } from '@/server/domain/sso/start-sign-in';
import { AppError } from '@/server/errors';
import { sendJson } from '@/server/http/json';
import type { AppServices } from '@/server/services';
import { clearedSsoStateCookie, readSsoStateCookie, ssoStateCookie } from './state-cookie';

export const isSsoPath = (pathname: string) =>
  pathname === SSO_PATHS.start || pathname === SSO_PATHS.callback;

/**
 * The two steps of an SSO sign-in in the browser: `start` (a link, or the sign-in page's form)
 * sends it to the organization's
 * provider, `callback` takes it back, opens the session and goes on to the app. Every refusal
 * lands on the SSO sign-in page with the reason in words.
 */
export function createSsoHandler(services: AppServices, logger: Logger) {
  const { secureCookies: secure } = services;
  return async (req: IncomingMessage, res: ServerResponse, request: RequestInfo) => {
    const url = new URL(req.url ?? '/', services.appUrl);
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return sendJson(res, 405, { code: 'METHOD_NOT_SUPPORTED', message: 'Use GET' });
    }
    const responseHeaders = new Headers();
    const deps: SsoDeps = {
      db: services.db,
      appUrl: services.appUrl,
      secretBox: services.secretBox,
      throttle: throttleFor({ services, responseHeaders }),
      client: {
        ipAddress: request.ipAddress,
        userAgent: request.userAgent,
        requestId: request.requestId,
      },
      logger,
    };
    res.setHeader('cache-control', 'no-store');
    try {
      if (url.pathname === SSO_PATHS.start) {
        // A GET whatever starts it (a link, or the sign-in page's form): the pages'
        // Content-Security-Policy (form-action 'self') would stop a posted form's redirect to
        // the provider.
        const fields = url.searchParams;
        const next = fields.get('next');
        const started = await startSsoSignIn(deps, {
          email: fields.get('email') ?? undefined,
          organization: fields.get('organization') ?? undefined,
          next: isLocalPath(next) ? next : null,
        });
        res.setHeader('set-cookie', ssoStateCookie(started.state, secure));
        return redirect(res, started.redirectTo.href);
      }
      req.resume();
      const signedIn = await finishSsoSignIn(deps, {
        url,
        browserState: readSsoStateCookie(req.headers.cookie, secure),
      });
      res.setHeader('set-cookie', [
        clearedSsoStateCookie(secure),
        sessionCookie(signedIn.token, signedIn.absoluteExpiresAt, secure),
      ]);
      return redirect(res, safeRedirectTarget(signedIn.next));
    } catch (error) {
      const message = refusalMessage(error, request.requestId);
      if (!(error instanceof SsoRefusal) && !(error instanceof AppError)) {
        logger.error({ err: error, requestId: request.requestId }, 'SSO sign-in failed');
      }
      if (url.pathname === SSO_PATHS.callback) {
        res.setHeader('set-cookie', clearedSsoStateCookie(secure));
      }
      return redirect(res, `${SSO_PATHS.page}?error=${encodeURIComponent(message)}`);
    }
  };
}

function refusalMessage(error: unknown, requestId: string): string {
  if (error instanceof SsoRefusal) return error.message;
  if (error instanceof AppError && error.code === 'TOO_MANY_REQUESTS') {
    return 'Too many sign-in attempts; wait a few minutes and try again';
  }
  if (error instanceof AppError && error.status < 500) return error.message;
  return `Signing in failed on our side; try again (request ${requestId})`;
}

function redirect(res: ServerResponse, location: string) {
  res.statusCode = 303;
  res.setHeader('location', location);
  res.end();
}

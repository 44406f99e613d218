import { TRPCError } from '@trpc/server';
import type { Context } from './context';

/**
 * Browsers send Origin (and Sec-Fetch-Site) with every cross-site POST, including the
 * form posts that need no preflight. A mutation from another site is refused outright; a
 * cookie-authenticated one must prove it is same-origin. API-key callers send neither header.
 */
export function assertSameOrigin(
  ctx: Pick<Context, 'door' | 'request' | 'viaCookie' | 'services'>,
) {
  if (ctx.door !== 'trpc') return;
  assertNotCrossSite(ctx);
  const { origin, secFetchSite } = ctx.request;
  if (ctx.viaCookie && !origin && secFetchSite !== 'same-origin') {
    throw forbidden('Cross-site request refused: the request did not say where it came from');
  }
}

/**
 * Refuses a request that a browser says another site started: an Origin that is not the app's,
 * or a Sec-Fetch-Site other than same-origin or none (the address typed in, a bookmark). A
 * download the session cookie authenticates needs this too: another site's link or page would
 * otherwise fetch it with the person's cookie.
 */
export function assertNotCrossSite(ctx: Pick<Context, 'request' | 'services'>) {
  const { origin, secFetchSite } = ctx.request;
  const appUrl = ctx.services.appUrl;
  if (origin && !isAppOrigin(origin, appUrl)) {
    throw forbidden(`Cross-site request refused: origin ${origin} is not ${appUrl}`);
  }
  if (secFetchSite && secFetchSite !== 'same-origin' && secFetchSite !== 'none') {
    throw forbidden('Cross-site request refused');
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether an Origin is the app's own (APP_URL). In development, when APP_URL is on this
 * machine, its other loopback names are the same app too (http://127.0.0.1:3000 for
 * http://localhost:3000), so the development server works opened at either; in production
 * only APP_URL itself is.
 */
export function isAppOrigin(
  origin: string,
  appUrl: string,
  development = process.env.NODE_ENV === 'development',
): boolean {
  if (origin === appUrl) return true;
  if (!development || !URL.canParse(origin)) return false;
  const given = new URL(origin);
  const app = new URL(appUrl);
  return (
    given.origin === origin &&
    given.protocol === app.protocol &&
    given.port === app.port &&
    LOOPBACK_HOSTS.has(given.hostname) &&
    LOOPBACK_HOSTS.has(app.hostname)
  );
}

function forbidden(message: string) {
  return new TRPCError({ code: 'FORBIDDEN', message });
}

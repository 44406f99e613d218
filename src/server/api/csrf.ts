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
  const { origin, secFetchSite } = ctx.request;
  const appUrl = ctx.services.appUrl;
  if (origin && origin !== appUrl) {
    throw forbidden(`Cross-site request refused: origin ${origin} is not ${appUrl}`);
  }
  if (secFetchSite && secFetchSite !== 'same-origin' && secFetchSite !== 'none') {
    throw forbidden('Cross-site request refused');
  }
  if (ctx.viaCookie && !origin && secFetchSite !== 'same-origin') {
    throw forbidden('Cross-site request refused: the request did not say where it came from');
  }
}

function forbidden(message: string) {
  return new TRPCError({ code: 'FORBIDDEN', message });
}

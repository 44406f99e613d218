import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { sendJson } from '@/server/http/json';
import type { AppServices } from '@/server/services';
import { consentRequestOf } from './consent';
import { INTERACTION_PATH, oauthServerOf } from './provider';
import { signedInUserOf } from './signed-in-user';

export const CONSENT_PAGE = '/oauth/consent';

/**
 * The steps between /oauth/authorize and the app's redirect: who is signed in (the app's own
 * session: without one, the sign-in page and back), then the consent page for what the app
 * asks. The page answers through `confirm` or `deny`, which reply with where the browser goes
 * next (a page's CSP allows forms to post only to this origin, so the page navigates itself).
 */
export function createInteractionHandler(services: AppServices, logger: Logger) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const [uid, action] = pathname.slice(INTERACTION_PATH.length + 1).split('/');
    const provider = await oauthServerOf(services).provider();
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (error) {
      logger.info({ err: error }, 'OAuth interaction not found');
      return sendJson(res, 400, {
        code: 'BAD_REQUEST',
        message:
          'This authorization request has expired or belongs to another browser; start again from the app',
      });
    }
    if (details.uid !== uid)
      return sendJson(res, 404, { code: 'NOT_FOUND', message: 'No such authorization request' });
    const userId = await signedInUserOf(services, req);

    if (req.method === 'GET' && !action) {
      if (!userId) return redirect(res, `/sign-in?next=${encodeURIComponent(pathname)}`);
      if (details.prompt.name === 'login') {
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: userId } },
          { mergeWithLastSubmission: false },
        );
      }
      return redirect(res, `${CONSENT_PAGE}?request=${encodeURIComponent(details.uid)}`);
    }

    if (req.method !== 'POST' || (action !== 'confirm' && action !== 'deny')) {
      return sendJson(res, 404, { code: 'NOT_FOUND', message: 'No such step' });
    }
    if (req.headers.origin !== services.appUrl) {
      return sendJson(res, 403, { code: 'FORBIDDEN', message: 'Cross-site request refused' });
    }
    const consent = userId && (await consentRequestOf(services.db, details.uid, userId));
    if (!consent) {
      return sendJson(res, 403, {
        code: 'FORBIDDEN',
        message: 'This request is not yours to answer',
      });
    }
    if (action === 'deny' || !consent.member) {
      const redirectTo = await provider.interactionResult(req, res, {
        error: 'access_denied',
        error_description: consent.member
          ? 'The person declined'
          : `The person does not work in ${consent.organization.name}`,
      });
      return sendJson(res, 200, { redirectTo });
    }
    const { Grant } = provider;
    const grant =
      (details.grantId ? await Grant.find(details.grantId) : undefined) ??
      new Grant({ accountId: userId, clientId: consent.app.clientId });
    for (const [resource, scopes] of Object.entries(consent.resourceScopes)) {
      if (scopes.length) grant.addResourceScope(resource, scopes.join(' '));
    }
    if (consent.otherScopes.length) grant.addOIDCScope(consent.otherScopes.join(' '));
    const grantId = await grant.save();
    const redirectTo = await provider.interactionResult(req, res, { consent: { grantId } });
    sendJson(res, 200, { redirectTo });
  };
}

function redirect(res: ServerResponse, location: string) {
  res.statusCode = 303;
  res.setHeader('location', location);
  res.end();
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt } from 'jose';
import { findOAuthAppByClientId } from '@/server/db/repositories/oauth-apps';
import { oauthGrantExists } from '@/server/db/repositories/oauth-records';
import { withIdentity } from '@/server/db/tenant';
import { readTextBody, sendJson } from '@/server/http/json';
import type { AppServices } from '@/server/services';
import { looksLikeJwt, oauthPrincipal } from './access-tokens';
import { clientSecretMatches } from './credentials';
import { oauthServerOf } from './provider';

const BODY_LIMIT_BYTES = 16 * 1024;
const INACTIVE = { active: false } as const;

/**
 * Token introspection (RFC 7662) for an app's own tokens. oidc-provider introspects only the
 * tokens it stores, and access tokens here are JWTs it does not: this answers for both, an
 * access token as the API would judge it now (grant, membership, role), a refresh token from
 * the provider's store. Callers authenticate with their client secret (HTTP Basic).
 */
export async function introspect(services: AppServices, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendJson(res, 405, { error: 'invalid_request', error_description: 'POST only' });
  }
  const clientId = await authenticatedClient(services, req.headers.authorization);
  if (!clientId) {
    res.setHeader('www-authenticate', 'Basic realm="clientele"');
    return sendJson(res, 401, {
      error: 'invalid_client',
      error_description: 'Client authentication failed',
    });
  }
  const body = await readTextBody(req, BODY_LIMIT_BYTES).catch(() => null);
  const token = body === null ? null : new URLSearchParams(body).get('token');
  if (!token) {
    return sendJson(res, 400, { error: 'invalid_request', error_description: 'token is required' });
  }
  const server = oauthServerOf(services);
  if (looksLikeJwt(token)) {
    const principal = await oauthPrincipal(services.db, server, services.appUrl, token).catch(
      () => null,
    );
    if (principal?.clientId !== clientId) return sendJson(res, 200, INACTIVE);
    const { iss, aud, exp, iat, sub, scope, org } = decodeJwt(token);
    return sendJson(res, 200, {
      active: true,
      token_type: 'Bearer',
      client_id: clientId,
      ...{ iss, aud, exp, iat, sub, scope, org },
    });
  }
  const provider = await server.provider();
  const refreshToken = await provider.RefreshToken.find(token);
  const live =
    refreshToken &&
    !refreshToken.isExpired &&
    !refreshToken.consumed &&
    refreshToken.clientId === clientId &&
    refreshToken.grantId &&
    (await withIdentity(services.db, (tx) => oauthGrantExists(tx, refreshToken.grantId!)));
  if (!live) return sendJson(res, 200, INACTIVE);
  sendJson(res, 200, {
    active: true,
    client_id: clientId,
    iss: services.appUrl,
    sub: refreshToken.accountId,
    scope: refreshToken.scope,
    exp: refreshToken.exp,
    iat: refreshToken.iat,
  });
}

/** The client id of valid HTTP Basic client credentials (RFC 6749 §2.3.1), else null. */
async function authenticatedClient(services: AppServices, authorization: string | undefined) {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const clientId = decodeURIComponent(decoded.slice(0, colon));
  const secret = decodeURIComponent(decoded.slice(colon + 1));
  const found = await withIdentity(services.db, (tx) => findOAuthAppByClientId(tx, clientId));
  const expected = found?.app.secretHash;
  if (!expected) return null;
  return clientSecretMatches(secret, expected) ? clientId : null;
}

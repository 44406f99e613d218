import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Principal } from '@/server/api/context';
import { isOAuthScope } from '@/schemas/oauth-apps';
import type { Permission, Role } from '@/schemas/permissions';
import {
  findOAuthAppByClientId,
  findOAuthAppById,
  type OAuthAppRow,
} from '@/server/db/repositories/oauth-apps';
import { oauthGrantExists } from '@/server/db/repositories/oauth-records';
import { findMembershipRole } from '@/server/db/repositories/organizations';
import { withIdentity } from '@/server/db/tenant';
import type { Database, IdentityTx } from '@/server/db/types';
import { AppError } from '@/server/errors';
import { resourcesOf, type OAuthServer } from './provider';
import { SIGNING_ALGORITHM } from './signing-keys';

type OAuthPrincipal = Extract<Principal, { kind: 'oauth' }>;

/** A compact JWS: what an access token looks like, unlike an API key. */
export const looksLikeJwt = (value: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(value);

interface AccessTokenClaims extends JWTPayload {
  client_id?: string;
  scope?: string;
  org?: string;
  gid?: string;
}

/**
 * The caller an access token stands for, checked now rather than when it was issued: the
 * signature (a key of this server), issuer, audience and expiry; then the app still exists in
 * that organization, a person's grant still stands and they still work there. Their role now,
 * not at issue, bounds what the token's scopes allow (authorize() checks both).
 */
export async function oauthPrincipal(
  db: Database,
  server: OAuthServer,
  appUrl: string,
  token: string,
): Promise<OAuthPrincipal> {
  const claims = await verifiedClaims(server, appUrl, token);
  const { client_id: clientId, org, sub, exp } = claims;
  if (!clientId || !org || !sub || !exp) throw invalidToken();
  const userId = sub.startsWith('client:') ? null : sub;
  return withIdentity(db, async (tx) => {
    const found = await findOAuthAppByClientId(tx, clientId);
    if (!found || found.app.organizationId !== org) throw invalidToken();
    const { app, organization } = found;
    const role = await roleNow(tx, app, userId, claims.gid ?? null);
    const scopes = (claims.scope ?? '').split(' ').filter(isOAuthScope) as Permission[];
    return {
      kind: 'oauth',
      appId: app.id,
      clientId,
      appName: app.name,
      userId,
      scopes,
      organization: { ...organization, role },
      grantId: claims.gid ?? null,
      expiresAt: new Date(exp * 1000),
    };
  });
}

/** What an OAuth caller of a long request (a live stream) may do now, and until when. */
export async function currentOAuthAccess(
  db: Database,
  principal: OAuthPrincipal,
  now = new Date(),
): Promise<{ role: Role; expiresAt: Date }> {
  if (now >= principal.expiresAt) throw invalidToken();
  const role = await withIdentity(db, async (tx) => {
    const app = await findOAuthAppById(tx, principal.appId);
    if (!app) throw invalidToken();
    return roleNow(tx, app, principal.userId, principal.grantId);
  });
  return { role, expiresAt: principal.expiresAt };
}

/** The app's own role, or the person's while their grant stands and they work there. */
async function roleNow(
  tx: IdentityTx,
  app: OAuthAppRow,
  userId: string | null,
  grantId: string | null,
): Promise<Role> {
  if (!userId) {
    if (!app.role) throw invalidToken();
    return app.role;
  }
  if (!grantId || !(await oauthGrantExists(tx, grantId))) throw invalidToken();
  const role = await findMembershipRole(tx, app.organizationId, userId);
  if (!role) throw invalidToken();
  return role;
}

async function verifiedClaims(server: OAuthServer, appUrl: string, token: string) {
  const resources = resourcesOf(appUrl);
  const verify = async (refresh: boolean) =>
    jwtVerify<AccessTokenClaims>(
      token,
      createLocalJWKSet({ keys: await server.publicKeys(refresh) }),
      {
        issuer: appUrl,
        audience: [resources.rest, resources.mcp],
        algorithms: [SIGNING_ALGORITHM],
        typ: 'at+jwt',
      },
    );
  try {
    return (await verify(false)).payload;
  } catch (error) {
    // A key another instance made since this one last looked: look again, once.
    if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw invalidToken();
    return (
      await verify(true).catch(() => {
        throw invalidToken();
      })
    ).payload;
  }
}

export function invalidToken() {
  return new AppError('UNAUTHORIZED', 'Invalid, expired or revoked access token');
}

import { encodeBase64 } from '@oslojs/encoding';
import { looksLikeApiKey, hashApiKey } from '@/server/auth/api-key';
import { readSessionCookie } from '@/server/auth/cookie';
import {
  credentialCaches,
  type CredentialCache,
  type CredentialCaches,
} from '@/server/auth/credential-cache';
import { sha256Of } from '@/server/auth/tokens';
import type { Role } from '@/schemas/permissions';
import { validateSessionToken } from '@/server/auth/session';
import {
  findActiveApiKeyById,
  findActiveApiKeyByHash,
  markApiKeyUsed,
  type ApiKeyAccess,
} from '@/server/db/repositories/api-keys';
import { findSessionWithUser } from '@/server/db/repositories/sessions';
import { withIdentity } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { AppError } from '@/server/errors';
import {
  currentOAuthAccess,
  invalidToken,
  looksLikeJwt,
  oauthPrincipal,
} from '@/server/oauth/access-tokens';
import type { OAuthServer } from '@/server/oauth/provider';
import type { Principal } from './context';

type OAuthPrincipal = Extract<Principal, { kind: 'oauth' }>;

const UNCACHED = credentialCaches(0);

export interface Credentials {
  /** The Authorization header. */
  authorization: string | null;
  /** The Cookie header; null where cookies are not accepted (the REST door). */
  cookie: string | null;
}

/**
 * Who is calling: an API key from `Authorization: Bearer`, else a session from the cookie.
 * A credential that is present but wrong is an error (401), never a silent fall-back to anonymous.
 */
export async function resolvePrincipal(
  db: Database,
  credentials: Credentials,
  secureCookies: boolean,
  oauth?: { server: OAuthServer; appUrl: string },
  caches: CredentialCaches = UNCACHED,
): Promise<Principal | null> {
  if (credentials.authorization) {
    const token = bearerOf(credentials.authorization);
    if (oauth && looksLikeJwt(token)) {
      return oauthTokenPrincipal(caches.oauthTokens, token, () =>
        oauthPrincipal(db, oauth.server, oauth.appUrl, token),
      );
    }
    return apiKeyPrincipal(db, caches.apiKeys, token);
  }
  const token = readSessionCookie(credentials.cookie, secureCookies);
  if (!token) return null;
  const session = await validateSessionToken(db, token);
  if (!session) return null;
  return {
    kind: 'user',
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    emailVerified: session.user.emailVerified,
    sessionId: session.sessionId,
    twoFactorPending: session.twoFactorPending,
    reauthenticatedAt: session.reauthenticatedAt,
    organization: session.organization,
    organizationSsoOnly: session.organizationSsoOnly,
    ssoOrganizationId: session.ssoOrganizationId,
  };
}

/** The credential of `Authorization: Bearer <credential>`; empty when the header is not that. */
const bearerOf = (authorization: string) => /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? '';

async function apiKeyPrincipal(
  db: Database,
  cache: CredentialCache<ApiKeyAccess>,
  key: string,
): Promise<Principal> {
  if (!looksLikeApiKey(key)) throw invalidKey();
  const now = new Date();
  const hash = hashApiKey(key);
  const cacheKey = encodeBase64(hash);
  const access = await cache.get(cacheKey, async () => {
    const row = await findActiveApiKeyByHash(db, hash, now);
    return (
      row && {
        value: row,
        dependsOn: [
          { kind: 'apiKey', id: row.id },
          { kind: 'organization', id: row.organization.id },
        ],
      }
    );
  });
  if (!access || (access.expiresAt && now >= access.expiresAt)) throw invalidKey();
  if (isStale(access.lastUsedAt, now)) {
    // Marked in the cache first, so that requests arriving meanwhile do not write it too.
    cache.update(cacheKey, { ...access, lastUsedAt: now });
    await withIdentity(db, (tx) => markApiKeyUsed(tx, access.id, now));
  }
  return {
    kind: 'apiKey',
    apiKeyId: access.id,
    name: access.name,
    organization: { ...access.organization, role: access.role },
  };
}

/** An access token's caller, resolved and checked once, then kept until it expires. */
async function oauthTokenPrincipal(
  cache: CredentialCache<OAuthPrincipal>,
  token: string,
  resolve: () => Promise<OAuthPrincipal>,
): Promise<OAuthPrincipal> {
  const principal = await cache.get(encodeBase64(sha256Of(token)), async () => {
    const resolved = await resolve();
    const { organization, userId, grantId } = resolved;
    return {
      value: resolved,
      dependsOn: [
        { kind: 'oauthApp', id: resolved.appId },
        { kind: 'organization', id: organization.id },
        ...(userId
          ? [{ kind: 'membership', organizationId: organization.id, userId } as const]
          : []),
        ...(grantId ? [{ kind: 'oauthGrant', id: grantId } as const] : []),
      ],
    };
  });
  if (!principal || new Date() >= principal.expiresAt) throw invalidToken();
  return principal;
}

export interface CurrentAccess {
  role: Role;
  /** When the session or key expires unless used (a session's idle expiry moves on with use). */
  expiresAt: Date | null;
}

/**
 * The role a principal resolved earlier has in the organization now, for a request that
 * outlives its start (a live stream): one statement on the primary. Throws UNAUTHORIZED when
 * the session ended or expired or the key was revoked or expired, FORBIDDEN when the session no
 * longer works in that organization (removed from it, or turned to another).
 */
export async function currentAccess(
  db: Database,
  principal: Principal,
  organizationId: string,
  now = new Date(),
): Promise<CurrentAccess> {
  if (principal.kind === 'apiKey') {
    const key = await findActiveApiKeyById(db, principal.apiKeyId, now);
    if (!key) throw invalidKey();
    return { role: key.role, expiresAt: key.expiresAt };
  }
  if (principal.kind === 'oauth') return currentOAuthAccess(db, principal, now);
  const row = await findSessionWithUser(db, principal.sessionId);
  const { session, organization } = row ?? {};
  if (!session || now >= session.expiresAt || now >= session.absoluteExpiresAt) {
    throw new AppError('UNAUTHORIZED', 'Your session has ended; sign in again');
  }
  if (organization?.id !== organizationId) {
    throw new AppError('FORBIDDEN', 'You no longer work in this organization in this session');
  }
  const expiresAt = Math.min(session.expiresAt.getTime(), session.absoluteExpiresAt.getTime());
  return { role: organization.role, expiresAt: new Date(expiresAt) };
}

/** Last use is recorded at most once a minute, so busy integrations do not write on every call. */
const isStale = (lastUsedAt: Date | null, now: Date) =>
  !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= 60_000;

function invalidKey() {
  return new AppError('UNAUTHORIZED', 'Invalid or revoked API key');
}

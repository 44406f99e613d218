import type { Permission, Role } from '@/schemas/permissions';
import type { Database } from '@/server/db/types';
import type { AppServices } from '@/server/services';
import { toTRPCError } from './errors';
import type { IdempotentRequest } from './idempotency';
import type { EntityTags } from './preconditions';
import { oauthServerOf } from '@/server/oauth/provider';
import { resolvePrincipal, type Credentials } from './principal';
import { wroteRecently } from './read-your-writes';

/**
 * The door a request came in by: tRPC, REST, MCP, the server-side caller (page rendering), or a
 * CSV export (which runs no procedure).
 */
export type Door = 'trpc' | 'rest' | 'mcp' | 'server' | 'export';

export interface RequestInfo {
  requestId: string;
  ipAddress: string | null;
  userAgent: string | null;
  origin: string | null;
  secFetchSite: string | null;
  /** The software making the call, as it named itself (an MCP client): kept in audit rows. */
  clientName?: string | null;
}

export interface OrganizationAccess {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

export type Principal =
  | {
      kind: 'user';
      userId: string;
      email: string;
      name: string;
      emailVerified: boolean;
      sessionId: string;
      /** Signed in with a password, but the second factor is still owed. */
      twoFactorPending: boolean;
      /** When the password was last confirmed in this session. */
      reauthenticatedAt: Date | null;
      organization: OrganizationAccess | null;
      /** The organization accepts only sessions opened through its SSO connection. */
      organizationSsoOnly: boolean;
      /** The organization whose SSO connection opened this session; null for a password one. */
      ssoOrganizationId: string | null;
    }
  | {
      kind: 'apiKey';
      apiKeyId: string;
      name: string;
      organization: OrganizationAccess;
    }
  | {
      /** An OAuth access token: for a person who connected the app, or for the app itself. */
      kind: 'oauth';
      appId: string;
      clientId: string;
      appName: string;
      /** The person the token acts for; null for an app acting as itself (client credentials). */
      userId: string | null;
      /** The permissions the token was granted; the role's permissions bound them at each use. */
      scopes: readonly Permission[];
      /** The role now: the person's membership, or the app's own role. */
      organization: OrganizationAccess;
      /** The grant a person's token was issued under; revoking it ends the token. */
      grantId: string | null;
      expiresAt: Date;
    };

export interface Context {
  services: AppServices;
  db: Database;
  door: Door;
  request: RequestInfo;
  principal: Principal | null;
  /** Whether the principal came from a cookie (and so needs CSRF protection). */
  viaCookie: boolean;
  /** Headers to add to the HTTP response (Set-Cookie, rate limits). */
  responseHeaders: Headers;
  /** A REST POST's Idempotency-Key (the REST door only). */
  idempotency?: IdempotentRequest;
  /** A REST PATCH, PUT or DELETE's If-Match: procedures check it with assertIfMatch. */
  ifMatch?: EntityTags;
  /**
   * Whether reads go to the primary, not a replica: this request or, shortly before, this
   * browser wrote. An object, so calls made one after another on one context (a server-side
   * caller) share it although each gets a copy of the context; a batch's calls run at once.
   */
  reads: { fromPrimary: boolean };
}

export interface CreateContextOptions {
  services: AppServices;
  door: Door;
  request: RequestInfo;
  credentials: Credentials;
  idempotency?: IdempotentRequest;
  ifMatch?: EntityTags;
}

/** Throws a TRPCError (401 for a bad key, 503 when the database is down), never anonymous. */
export async function createContext(options: CreateContextOptions): Promise<Context> {
  const { services } = options;
  const principal = await resolvePrincipal(
    services.db,
    options.credentials,
    services.secureCookies,
    { server: oauthServerOf(services), appUrl: services.appUrl },
    services.credentials,
  ).catch((error: unknown) => {
    throw toTRPCError(error);
  });
  return {
    services,
    db: services.db,
    door: options.door,
    request: options.request,
    principal,
    viaCookie: principal?.kind === 'user',
    responseHeaders: new Headers(),
    idempotency: options.idempotency,
    ifMatch: options.ifMatch,
    reads: { fromPrimary: wroteRecently(services, options.credentials.cookie) },
  };
}

import type { Role } from '@/schemas/permissions';
import type { Database } from '@/server/db/types';
import type { AppServices } from '@/server/services';
import { toTRPCError } from './errors';
import type { IdempotentRequest } from './idempotency';
import type { EntityTags } from './preconditions';
import { resolvePrincipal, type Credentials } from './principal';
import { wroteRecently } from './read-your-writes';

/**
 * The door a request came in by: tRPC, REST, the server-side caller (page rendering), or a CSV
 * export (which runs no procedure).
 */
export type Door = 'trpc' | 'rest' | 'server' | 'export';

export interface RequestInfo {
  requestId: string;
  ipAddress: string | null;
  userAgent: string | null;
  origin: string | null;
  secFetchSite: string | null;
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
    }
  | {
      kind: 'apiKey';
      apiKeyId: string;
      name: string;
      organization: OrganizationAccess;
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

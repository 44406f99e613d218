import type { Role } from '@/schemas/permissions';
import { randomToken, sameHash, sha256Of } from './tokens';
import {
  deleteSession,
  findSessionWithUser,
  insertSession,
  touchSession,
} from '@/server/db/repositories/sessions';
import { withIdentity } from '@/server/db/tenant';
import type { Database, IdentityTx } from '@/server/db/types';

/**
 * Sessions after Lucia's guide: the token is `<id>.<secret>`, the id is the lookup key and only
 * SHA-256 of the 256-bit secret is stored, compared in constant time. A session ends after
 * SESSION_IDLE_TIMEOUT without use or SESSION_ABSOLUTE_LIFETIME after sign-in, whichever is first.
 */
export const SESSION_IDLE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** Activity is written back at most this often, to keep reads cheap. */
const ACTIVITY_WRITE_INTERVAL_MS = 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
}

export interface ValidSession {
  sessionId: string;
  user: SessionUser;
  /** The user has two-factor authentication and this session has not passed it yet. */
  twoFactorPending: boolean;
  /** When the password was last confirmed in this session (for sensitive actions). */
  reauthenticatedAt: Date | null;
  /** The active organization and the user's role in it, if the user still belongs to it. */
  organization: { id: string; name: string; slug: string; role: Role } | null;
  /** The active organization accepts only sessions opened through its SSO connection. */
  organizationSsoOnly: boolean;
  /** The organization whose SSO connection opened this session; null for a password sign-in. */
  ssoOrganizationId: string | null;
  absoluteExpiresAt: Date;
}

export interface NewSession {
  token: string;
  sessionId: string;
  absoluteExpiresAt: Date;
}

export async function createSession(
  tx: IdentityTx,
  input: {
    userId: string;
    activeOrganizationId: string | null;
    ipAddress: string | null;
    userAgent: string | null;
    /** False when the user still owes a second factor. */
    twoFactorVerified?: boolean;
    /** The SSO connection the person signed in through, if they did. */
    ssoConnectionId?: string | null;
  },
  now = new Date(),
): Promise<NewSession> {
  const sessionId = randomToken(15);
  const secret = randomToken(32);
  const absoluteExpiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS);
  await insertSession(tx, {
    id: sessionId,
    secretHash: sha256Of(secret),
    userId: input.userId,
    activeOrganizationId: input.activeOrganizationId,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent?.slice(0, 512) ?? null,
    twoFactorVerified: input.twoFactorVerified ?? true,
    ssoConnectionId: input.ssoConnectionId ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: idleExpiry(now, absoluteExpiresAt),
    absoluteExpiresAt,
  });
  return { token: `${sessionId}.${secret}`, sessionId, absoluteExpiresAt };
}

/**
 * The session a token stands for, or null. Reading it is one statement; a write (an expired
 * session removed, activity recorded at most once a minute) takes an identity transaction.
 */
export async function validateSessionToken(
  db: Database,
  token: string,
  now = new Date(),
): Promise<ValidSession | null> {
  const [sessionId, secret, ...rest] = token.split('.');
  if (!sessionId || !secret || rest.length > 0 || token.length > 200) return null;

  const row = await findSessionWithUser(db, sessionId);
  if (!row || !sameHash(sha256Of(secret), row.session.secretHash)) return null;

  const { session } = row;
  if (now >= session.expiresAt || now >= session.absoluteExpiresAt) {
    await withIdentity(db, (tx) => deleteSession(tx, session.id));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) {
    await withIdentity(db, (tx) =>
      touchSession(tx, session.id, {
        lastSeenAt: now,
        expiresAt: idleExpiry(now, session.absoluteExpiresAt),
      }),
    );
  }
  const { emailVerifiedAt, twoFactorEnabledAt, ...user } = row.user;
  return {
    sessionId: session.id,
    user: { ...user, emailVerified: emailVerifiedAt !== null },
    twoFactorPending: twoFactorEnabledAt !== null && !session.twoFactorVerified,
    reauthenticatedAt: session.reauthenticatedAt,
    organization: row.organization,
    organizationSsoOnly: row.organizationSsoOnly,
    ssoOrganizationId: session.ssoOrganizationId,
    absoluteExpiresAt: session.absoluteExpiresAt,
  };
}

export async function invalidateSession(tx: IdentityTx, sessionId: string): Promise<void> {
  await deleteSession(tx, sessionId);
}

function idleExpiry(now: Date, absoluteExpiresAt: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_TIMEOUT_MS, absoluteExpiresAt.getTime()));
}

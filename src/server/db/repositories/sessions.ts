import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { sessionPrincipals, sessions } from '../schema';
import type { Database, IdentityTx } from '../types';
import { primaryOf } from '../replicas';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(tx: IdentityTx, values: typeof sessions.$inferInsert) {
  await tx.insert(sessions).values(values);
}

const sessionLookups = new WeakMap<Database, ReturnType<typeof prepareSessionLookup>>();

function prepareSessionLookup(db: Database) {
  return db
    .select()
    .from(sessionPrincipals)
    .where(eq(sessionPrincipals.id, sql.placeholder('sessionId')))
    .limit(1)
    .prepare('session_principal');
}

/**
 * The session with its user and the user's role in the session's active organization: one
 * prepared statement (built once per database handle), no transaction needed.
 */
export async function findSessionWithUser(db: Database, sessionId: string) {
  const primary = primaryOf(db);
  let lookup = sessionLookups.get(primary);
  if (!lookup) sessionLookups.set(primary, (lookup = prepareSessionLookup(primary)));
  const [row] = await lookup.execute({ sessionId });
  if (!row) return undefined;
  return {
    session: {
      id: row.id,
      secretHash: row.secretHash,
      twoFactorVerified: row.twoFactorVerified,
      reauthenticatedAt: row.reauthenticatedAt,
      lastSeenAt: row.lastSeenAt,
      expiresAt: row.expiresAt,
      absoluteExpiresAt: row.absoluteExpiresAt,
      ssoOrganizationId: row.ssoOrganizationId,
    },
    organizationSsoOnly: row.organizationSsoOnly,
    user: {
      id: row.userId,
      email: row.userEmail,
      name: row.userName,
      emailVerifiedAt: row.userEmailVerifiedAt,
      twoFactorEnabledAt: row.userTwoFactorEnabledAt,
    },
    organization:
      row.organizationId && row.organizationName && row.organizationSlug && row.organizationRole
        ? {
            id: row.organizationId,
            name: row.organizationName,
            slug: row.organizationSlug,
            role: row.organizationRole,
          }
        : null,
  };
}

export async function touchSession(
  tx: IdentityTx,
  sessionId: string,
  values: { lastSeenAt: Date; expiresAt: Date },
) {
  await tx.update(sessions).set(values).where(eq(sessions.id, sessionId));
}

export async function updateSession(
  tx: IdentityTx,
  sessionId: string,
  values: Partial<
    Pick<SessionRow, 'twoFactorVerified' | 'activeOrganizationId' | 'reauthenticatedAt'>
  >,
) {
  await tx.update(sessions).set(values).where(eq(sessions.id, sessionId));
}

export async function deleteSession(tx: IdentityTx, sessionId: string) {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

/** One of the user's sessions, by id; undefined when it is not theirs. */
export async function deleteSessionOfUser(tx: IdentityTx, userId: string, sessionId: string) {
  const deleted = await tx
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

/** Ends every session of the user, or every one but `keepSessionId`. Returns how many ended. */
export async function deleteSessionsOfUser(tx: IdentityTx, userId: string, keepSessionId?: string) {
  const deleted = await tx
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    )
    .returning({ id: sessions.id });
  return deleted.length;
}

export async function listSessionsOfUser(tx: IdentityTx, userId: string) {
  return tx
    .select({
      id: sessions.id,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt));
}

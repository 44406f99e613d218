import Bowser from 'bowser';
import {
  deleteSessionOfUser,
  deleteSessionsOfUser,
  listSessionsOfUser,
} from '@/server/db/repositories/sessions';
import { listAccountEvents } from '@/server/db/repositories/audit-logs';
import { countUnusedRecoveryCodes } from '@/server/db/repositories/recovery-codes';
import { findUserById, updateUser } from '@/server/db/repositories/users';
import { withIdentity } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import type { AccountDeps } from './deps';
import { recordSecurityEvent } from './security-events';

/** "Firefox on macOS" from a user agent, for the list of sessions. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (!browser && !os) return userAgent.slice(0, 60);
  return [browser, os && `on ${os}`].filter(Boolean).join(' ');
}

export async function listSessions(
  deps: Pick<AccountDeps, 'db'>,
  session: { userId: string; sessionId: string },
) {
  const rows = await withIdentity(deps.db, (tx) => listSessionsOfUser(tx, session.userId), {
    readOnly: true,
  });
  return rows.map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    ipAddress: row.ipAddress,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === session.sessionId,
  }));
}

export async function revokeSession(
  deps: AccountDeps,
  session: { userId: string },
  sessionId: string,
) {
  await withIdentity(deps.db, async (tx) => {
    if (!(await deleteSessionOfUser(tx, session.userId, sessionId)))
      throw new AppError('NOT_FOUND', 'Session not found');
    await recordSecurityEvent(
      tx,
      { action: 'session.revoked', subjectUserId: session.userId },
      deps.client,
    );
  });
}

/** Ends every session of the person, this one included. */
export async function signOutEverywhere(deps: AccountDeps, session: { userId: string }) {
  return withIdentity(deps.db, async (tx) => {
    const ended = await deleteSessionsOfUser(tx, session.userId);
    await recordSecurityEvent(
      tx,
      {
        action: 'user.signed_out_everywhere',
        subjectUserId: session.userId,
        details: { sessionsEnded: ended },
      },
      deps.client,
    );
    return ended;
  });
}

export async function signOut(deps: AccountDeps, session: { userId: string; sessionId: string }) {
  await withIdentity(deps.db, async (tx) => {
    await deleteSessionOfUser(tx, session.userId, session.sessionId);
    await recordSecurityEvent(
      tx,
      { action: 'user.signed_out', subjectUserId: session.userId },
      deps.client,
    );
  });
}

/** Saves the person's name; when it is the name they have, nothing is written or recorded. */
export async function updateProfile(deps: AccountDeps, userId: string, input: { name: string }) {
  await withIdentity(deps.db, async (tx) => {
    if ((await findUserById(tx, userId))?.name === input.name) return;
    await updateUser(tx, userId, { name: input.name });
    await recordSecurityEvent(
      tx,
      { action: 'user.profile_updated', subjectUserId: userId, details: input },
      deps.client,
    );
  });
}

export async function getProfile(deps: Pick<AccountDeps, 'db'>, userId: string) {
  return withIdentity(
    deps.db,
    async (tx) => {
      const user = await findUserById(tx, userId);
      if (!user) throw new AppError('NOT_FOUND', 'Account not found');
      return {
        name: user.name,
        email: user.email,
        emailVerified: user.emailVerifiedAt !== null,
        twoFactorEnabled: user.twoFactorEnabledAt !== null,
        recoveryCodesLeft: user.twoFactorEnabledAt
          ? await countUnusedRecoveryCodes(tx, user.id)
          : 0,
      };
    },
    { readOnly: true },
  );
}

export async function securityActivity(deps: Pick<AccountDeps, 'db'>, userId: string) {
  return withIdentity(deps.db, (tx) => listAccountEvents(tx, userId), { readOnly: true });
}

import { verifyAgainstNothing, verifyPassword } from '@/server/auth/password';
import { createSession, type NewSession } from '@/server/auth/session';
import { listMembershipsOfUser } from '@/server/db/repositories/organizations';
import { updateSession } from '@/server/db/repositories/sessions';
import { findUserByEmail, findUserById } from '@/server/db/repositories/users';
import { withIdentity } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import type { AccountDeps } from './deps';
import { recordSecurityEvent } from './security-events';

export const INVALID_CREDENTIALS = 'Invalid e-mail or password';

export interface SignInResult extends NewSession {
  userId: string;
  /** The password was right; the session still needs the second factor. */
  twoFactorRequired: boolean;
}

/**
 * Checks the password and opens a new session (a fresh token every time). An unknown e-mail
 * and a wrong password look the same to the caller: same error, a password hash verified
 * either way, a security event recorded either way.
 */
export async function signIn(
  deps: AccountDeps,
  input: { email: string; password: string },
): Promise<SignInResult> {
  const ip = deps.client.ipAddress ?? 'unknown';
  await deps.throttle('sign-in:ip', ip);
  await deps.throttle('sign-in:account-ip', `${input.email.toLowerCase()}|${ip}`);

  const user = await withIdentity(deps.db, (tx) => findUserByEmail(tx, input.email), {
    readOnly: true,
  });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstNothing(input.password);

  if (!user || !valid) {
    await withIdentity(deps.db, (tx) =>
      recordSecurityEvent(
        tx,
        {
          action: 'user.sign_in_failed',
          subjectUserId: user?.id ?? null,
          actorId: null,
          details: { email: input.email },
        },
        deps.client,
      ),
    );
    deps.logger.warn(
      {
        securityEvent: 'sign_in_failed',
        userId: user?.id ?? null,
        ip,
        requestId: deps.client.requestId,
      },
      'sign-in failed',
    );
    throw new AppError('UNAUTHORIZED', INVALID_CREDENTIALS);
  }

  return withIdentity(deps.db, async (tx) => {
    const [firstMembership] = await listMembershipsOfUser(tx, user.id);
    const twoFactorRequired = user.twoFactorEnabledAt !== null;
    const session = await createSession(tx, {
      userId: user.id,
      activeOrganizationId: firstMembership?.organizationId ?? null,
      ipAddress: deps.client.ipAddress,
      userAgent: deps.client.userAgent,
      twoFactorVerified: !twoFactorRequired,
    });
    await recordSecurityEvent(
      tx,
      {
        action: twoFactorRequired ? 'user.password_verified' : 'user.signed_in',
        subjectUserId: user.id,
      },
      deps.client,
    );
    return { ...session, userId: user.id, twoFactorRequired };
  });
}

/**
 * Re-authentication for sensitive changes: the current password, throttled per user. A wrong
 * one is reported on the form field that asked for it.
 */
export async function assertCurrentPassword(
  deps: Pick<AccountDeps, 'db' | 'throttle' | 'client'>,
  userId: string,
  password: string,
  field = 'currentPassword',
) {
  await deps.throttle('reauthentication:user', userId);
  const user = await withIdentity(deps.db, (tx) => findUserById(tx, userId), { readOnly: true });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    await withIdentity(deps.db, (tx) =>
      recordSecurityEvent(
        tx,
        { action: 'user.reauthentication_failed', subjectUserId: userId },
        deps.client,
      ),
    );
    throw new AppError('BAD_REQUEST', 'The current password is not correct', {
      issues: [{ path: [field], message: 'is not correct' }],
    });
  }
}

export const REAUTHENTICATION_WINDOW_MS = 10 * 60 * 1000;

/** Confirms the password for this session; sensitive actions then proceed for ten minutes. */
export async function reauthenticate(
  deps: AccountDeps,
  session: { userId: string; sessionId: string },
  password: string,
) {
  await assertCurrentPassword(deps, session.userId, password, 'password');
  await withIdentity(deps.db, (tx) =>
    updateSession(tx, session.sessionId, { reauthenticatedAt: new Date() }),
  );
}

export function assertRecentlyReauthenticated(
  principal: { reauthenticatedAt: Date | null },
  now = Date.now(),
) {
  const at = principal.reauthenticatedAt?.getTime() ?? 0;
  if (now - at > REAUTHENTICATION_WINDOW_MS) {
    throw new AppError('FORBIDDEN', 'Confirm your password first (required for this action)');
  }
}

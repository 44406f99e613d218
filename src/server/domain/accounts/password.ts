import { hashPassword } from '@/server/auth/password';
import { assertAcceptablePassword } from '@/server/auth/password-policy';
import { randomToken, sha256Of } from '@/server/auth/tokens';
import {
  consumePasswordResetToken,
  insertPasswordResetToken,
  voidPasswordResetTokens,
} from '@/server/db/repositories/one-time-tokens';
import { deleteSessionsOfUser } from '@/server/db/repositories/sessions';
import { findUserByEmail, findUserById, updateUser } from '@/server/db/repositories/users';
import { withIdentity } from '@/server/db/tenant';
import type { IdentityTx } from '@/server/db/types';
import { AppError } from '@/server/errors';
import { composeMail } from '@/server/mail/message';
import { queueMail } from '@/server/mail/outbox';
import type { AccountDeps } from './deps';
import { recordSecurityEvent } from './security-events';
import { assertCurrentPassword } from './sign-in';

const RESET_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Queues a reset link when the address has an account; answers the same either way, so the
 * form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(deps: AccountDeps, email: string): Promise<void> {
  await deps.throttle('password-reset:ip', deps.client.ipAddress ?? 'unknown');
  await deps.throttle('password-reset:email', email.toLowerCase());
  await withIdentity(deps.db, async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) return;
    const token = randomToken(32);
    await insertPasswordResetToken(tx, {
      userId: user.id,
      tokenHash: sha256Of(token),
      expiresAt: new Date(Date.now() + RESET_LIFETIME_MS),
    });
    await queueMail(
      deps.outbox,
      tx,
      composeMail({
        to: user.email,
        subject: 'Reset your Clientele password',
        paragraphs: [
          `Hello ${user.name},`,
          'Somebody (hopefully you) asked to reset the password of your Clientele account.',
          'The link works once, for one hour. Resetting signs you out everywhere.',
        ],
        action: {
          label: 'Choose a new password',
          url: `${deps.appUrl}/reset-password?token=${token}`,
        },
      }),
    );
    await recordSecurityEvent(
      tx,
      { action: 'user.password_reset_requested', subjectUserId: user.id, actorId: null },
      deps.client,
    );
  });
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(deps: AccountDeps, input: { token: string; password: string }) {
  const now = new Date();
  const passwordHash = await hashPassword(input.password);
  await withIdentity(deps.db, async (tx) => {
    const row = await consumePasswordResetToken(tx, sha256Of(input.token), now);
    const user = row && (await findUserById(tx, row.userId));
    if (!user)
      throw new AppError('BAD_REQUEST', 'This link is invalid, used or expired; ask for a new one');
    assertAcceptablePassword(input.password, user);
    await setPassword(deps, tx, user, passwordHash, now);
    await deleteSessionsOfUser(tx, user.id);
    await recordSecurityEvent(
      tx,
      { action: 'user.password_reset', subjectUserId: user.id, actorId: null },
      deps.client,
    );
  });
}

/** Changes the password given the current one; optionally ends the other sessions. */
export async function changePassword(
  deps: AccountDeps,
  session: { userId: string; sessionId: string },
  input: { currentPassword: string; newPassword: string; signOutOtherSessions: boolean },
): Promise<{ sessionsEnded: number }> {
  await assertCurrentPassword(deps, session.userId, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  return withIdentity(deps.db, async (tx) => {
    const user = await findUserById(tx, session.userId);
    if (!user) throw new AppError('NOT_FOUND', 'Account not found');
    assertAcceptablePassword(input.newPassword, user, 'newPassword');
    await setPassword(deps, tx, user, passwordHash, new Date());
    const sessionsEnded = input.signOutOtherSessions
      ? await deleteSessionsOfUser(tx, user.id, session.sessionId)
      : 0;
    await recordSecurityEvent(
      tx,
      {
        action: 'user.password_changed',
        subjectUserId: user.id,
        details: { otherSessionsEnded: sessionsEnded },
      },
      deps.client,
    );
    return { sessionsEnded };
  });
}

async function setPassword(
  deps: AccountDeps,
  tx: IdentityTx,
  user: { id: string; name: string; email: string },
  passwordHash: string,
  now: Date,
) {
  await updateUser(tx, user.id, { passwordHash });
  await voidPasswordResetTokens(tx, user.id, now);
  await queueMail(
    deps.outbox,
    tx,
    composeMail({
      to: user.email,
      subject: 'Your Clientele password was changed',
      paragraphs: [
        `Hello ${user.name},`,
        'The password of your Clientele account was just changed.',
        'If this was not you, reset your password now and contact your administrator.',
      ],
    }),
  );
}

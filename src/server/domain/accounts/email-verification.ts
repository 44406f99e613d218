import { randomToken, sha256Of } from '@/server/auth/tokens';
import {
  consumeEmailVerificationToken,
  insertEmailVerificationToken,
} from '@/server/db/repositories/one-time-tokens';
import { findUserById, updateUser } from '@/server/db/repositories/users';
import { withIdentity } from '@/server/db/tenant';
import type { IdentityTx } from '@/server/db/types';
import { AppError } from '@/server/errors';
import { composeMail } from '@/server/mail/message';
import { queueMail } from '@/server/mail/outbox';
import type { AccountDeps } from './deps';
import { recordSecurityEvent } from './security-events';

const VERIFICATION_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Queues a link proving the person controls `email`: their address at sign-up, or the new
 * address of an e-mail change (the change happens only when the link is followed).
 */
export async function queueEmailVerification(
  deps: Pick<AccountDeps, 'outbox' | 'appUrl'>,
  tx: IdentityTx,
  user: { id: string; name: string; email: string },
  email = user.email,
) {
  const token = randomToken(32);
  await insertEmailVerificationToken(tx, {
    userId: user.id,
    email,
    tokenHash: sha256Of(token),
    expiresAt: new Date(Date.now() + VERIFICATION_LIFETIME_MS),
  });
  const changing = email.toLowerCase() !== user.email.toLowerCase();
  await queueMail(
    deps.outbox,
    tx,
    composeMail({
      to: email,
      subject: changing ? 'Confirm your new e-mail address' : 'Verify your e-mail address',
      paragraphs: [
        `Hello ${user.name},`,
        changing
          ? `Follow the link to make ${email} the address of your Clientele account.`
          : 'Follow the link to confirm this is your e-mail address.',
        'The link works once, for 24 hours.',
      ],
      action: {
        label: changing ? 'Confirm new address' : 'Verify e-mail',
        url: `${deps.appUrl}/verify-email?token=${token}`,
      },
    }),
  );
}

export async function resendEmailVerification(deps: AccountDeps, userId: string) {
  await deps.throttle('email-verification:user', userId);
  await withIdentity(deps.db, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user || user.emailVerifiedAt) return;
    await queueEmailVerification(deps, tx, user);
  });
}

/** Follows a verification link: confirms the address, or completes an e-mail change. */
export async function verifyEmail(deps: AccountDeps, token: string): Promise<{ email: string }> {
  const now = new Date();
  return withIdentity(deps.db, async (tx) => {
    const row = await consumeEmailVerificationToken(tx, sha256Of(token), now);
    const user = row && (await findUserById(tx, row.userId));
    if (!row || !user) {
      throw new AppError('BAD_REQUEST', 'This link is invalid, used or expired; ask for a new one');
    }
    const changing = row.email.toLowerCase() !== user.email.toLowerCase();
    await updateUser(tx, user.id, { email: row.email, emailVerifiedAt: now });
    await recordSecurityEvent(
      tx,
      {
        action: changing ? 'user.email_changed' : 'user.email_verified',
        subjectUserId: user.id,
        details: changing ? { from: user.email, to: row.email } : { email: row.email },
      },
      deps.client,
    );
    if (changing) {
      await queueMail(
        deps.outbox,
        tx,
        composeMail({
          to: user.email,
          subject: 'Your e-mail address was changed',
          paragraphs: [
            `Hello ${user.name},`,
            `The e-mail address of your Clientele account is now ${row.email}.`,
            'If you did not make this change, reset your password and contact your administrator.',
          ],
        }),
      );
    }
    return { email: row.email };
  });
}

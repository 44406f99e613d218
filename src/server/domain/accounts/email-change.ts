import { findUserByEmail, findUserById } from '@/server/db/repositories/users';
import { withIdentity } from '@/server/db/tenant';
import { AppError, conflictOn } from '@/server/errors';
import type { AccountDeps } from './deps';
import { queueEmailVerification } from './email-verification';
import { recordSecurityEvent } from './security-events';
import { assertCurrentPassword } from './sign-in';

/**
 * Asks to move the account to a new address: the current password first, then a link to the
 * new address. The address changes only when that link is followed (see verifyEmail).
 */
export async function requestEmailChange(
  deps: AccountDeps,
  userId: string,
  input: { newEmail: string; password: string },
) {
  await assertCurrentPassword(deps, userId, input.password, 'password');
  await withIdentity(deps.db, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('NOT_FOUND', 'Account not found');
    if (user.email.toLowerCase() === input.newEmail.toLowerCase()) {
      throw conflictOn('newEmail', 'This is already your e-mail address');
    }
    if (await findUserByEmail(tx, input.newEmail)) {
      throw conflictOn('newEmail', 'Another account uses this e-mail address');
    }
    await queueEmailVerification(deps, tx, user, input.newEmail);
    await recordSecurityEvent(
      tx,
      {
        action: 'user.email_change_requested',
        subjectUserId: userId,
        details: { to: input.newEmail },
      },
      deps.client,
    );
  });
}

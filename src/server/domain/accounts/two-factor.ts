import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import {
  generateRecoveryCodes,
  generateTotpKey,
  hashRecoveryCode,
  totpKeyText,
  totpKeyUri,
  verifyTotp,
} from '@/server/auth/two-factor';
import { updateSession } from '@/server/db/repositories/sessions';
import {
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  replaceRecoveryCodes,
} from '@/server/db/repositories/recovery-codes';
import { findUserById, updateUser } from '@/server/db/repositories/users';
import { withIdentity } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { composeMail } from '@/server/mail/message';
import { queueMail } from '@/server/mail/outbox';
import type { AccountDeps } from './deps';
import { recordSecurityEvent } from './security-events';
import { assertCurrentPassword } from './sign-in';

const sealContext = (userId: string) => `totp:${userId}`;

/**
 * A new key for the person to add to their authenticator app. Nothing is stored yet: the key
 * comes back with the first code (`enableTwoFactor`), which proves the app has it.
 */
export function newTwoFactorKey(email: string) {
  const key = generateTotpKey();
  return { key: totpKeyText(key), uri: totpKeyUri(key, email) };
}

export async function enableTwoFactor(
  deps: AccountDeps,
  userId: string,
  input: { key: string; code: string; password: string },
): Promise<{ recoveryCodes: string[] }> {
  await assertCurrentPassword(deps, userId, input.password, 'password');
  let key: Uint8Array;
  try {
    key = decodeBase32IgnorePadding(input.key.replace(/\s/g, '').toUpperCase());
  } catch {
    throw new AppError('BAD_REQUEST', 'The key is not valid', {
      issues: [{ path: ['key'], message: 'is not valid' }],
    });
  }
  const step = key.length === 20 ? verifyTotp(key, input.code, null) : null;
  if (step === null) {
    throw new AppError('BAD_REQUEST', 'That code does not match; check the time on your device', {
      issues: [{ path: ['code'], message: 'does not match' }],
    });
  }
  const recoveryCodes = generateRecoveryCodes();
  await withIdentity(deps.db, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('NOT_FOUND', 'Account not found');
    if (user.twoFactorEnabledAt)
      throw new AppError('CONFLICT', 'Two-factor authentication is already on');
    await updateUser(tx, userId, {
      twoFactorSecret: deps.outbox.secretBox.seal(
        Buffer.from(key).toString('base64'),
        sealContext(userId),
      ),
      twoFactorEnabledAt: new Date(),
      twoFactorLastStep: step,
    });
    await replaceRecoveryCodes(tx, userId, recoveryCodes.map(hashRecoveryCode));
    await recordSecurityEvent(
      tx,
      { action: 'user.two_factor_enabled', subjectUserId: userId },
      deps.client,
    );
    await notify(deps, tx, user, 'Two-factor authentication was turned on for your account.');
  });
  return { recoveryCodes };
}

export async function disableTwoFactor(
  deps: AccountDeps,
  userId: string,
  input: { password: string },
) {
  await assertCurrentPassword(deps, userId, input.password, 'password');
  await withIdentity(deps.db, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user?.twoFactorEnabledAt)
      throw new AppError('CONFLICT', 'Two-factor authentication is not on');
    await updateUser(tx, userId, {
      twoFactorSecret: null,
      twoFactorEnabledAt: null,
      twoFactorLastStep: null,
    });
    await replaceRecoveryCodes(tx, userId, []);
    await recordSecurityEvent(
      tx,
      { action: 'user.two_factor_disabled', subjectUserId: userId },
      deps.client,
    );
    await notify(deps, tx, user, 'Two-factor authentication was turned off for your account.');
  });
}

export async function regenerateRecoveryCodes(
  deps: AccountDeps,
  userId: string,
  input: { password: string },
): Promise<{ recoveryCodes: string[] }> {
  await assertCurrentPassword(deps, userId, input.password, 'password');
  const recoveryCodes = generateRecoveryCodes();
  await withIdentity(deps.db, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user?.twoFactorEnabledAt)
      throw new AppError('CONFLICT', 'Two-factor authentication is not on');
    await replaceRecoveryCodes(tx, userId, recoveryCodes.map(hashRecoveryCode));
    await recordSecurityEvent(
      tx,
      { action: 'user.recovery_codes_regenerated', subjectUserId: userId },
      deps.client,
    );
  });
  return { recoveryCodes };
}

/**
 * The second step of signing in: a code from the app, or one recovery code. A wrong code is
 * recorded as a security event (in its own transaction, since the attempt itself changes nothing).
 */
export async function completeTwoFactorSignIn(
  deps: AccountDeps,
  session: { userId: string; sessionId: string },
  input: { code?: string; recoveryCode?: string },
) {
  await deps.throttle('two-factor:user', session.userId);
  const method = await withIdentity(deps.db, async (tx) => {
    const user = await findUserById(tx, session.userId);
    if (!user?.twoFactorSecret)
      throw new AppError('BAD_REQUEST', 'Two-factor authentication is not on');
    let used: 'totp' | 'recovery_code' | null = null;
    if (input.code) {
      const key = Buffer.from(
        deps.outbox.secretBox.open(user.twoFactorSecret, sealContext(user.id)),
        'base64',
      );
      const step = verifyTotp(new Uint8Array(key), input.code, user.twoFactorLastStep);
      if (step !== null) {
        await updateUser(tx, user.id, { twoFactorLastStep: step });
        used = 'totp';
      }
    } else if (input.recoveryCode) {
      if (
        await consumeRecoveryCode(tx, user.id, hashRecoveryCode(input.recoveryCode), new Date())
      ) {
        used = 'recovery_code';
      }
    }
    if (!used) return null;
    await updateSession(tx, session.sessionId, { twoFactorVerified: true });
    const remaining =
      used === 'recovery_code' ? await countUnusedRecoveryCodes(tx, user.id) : undefined;
    await recordSecurityEvent(
      tx,
      {
        action: 'user.signed_in',
        subjectUserId: user.id,
        details: { secondFactor: used, recoveryCodesLeft: remaining },
      },
      deps.client,
    );
    return used;
  });
  if (!method) {
    await withIdentity(deps.db, (tx) =>
      recordSecurityEvent(
        tx,
        { action: 'user.two_factor_failed', subjectUserId: session.userId },
        deps.client,
      ),
    );
    deps.logger.warn(
      {
        securityEvent: 'two_factor_failed',
        userId: session.userId,
        requestId: deps.client.requestId,
      },
      'second factor refused',
    );
    throw new AppError('BAD_REQUEST', 'That code is not valid', {
      issues: [{ path: [input.code ? 'code' : 'recoveryCode'], message: 'is not valid' }],
    });
  }
}

async function notify(
  deps: AccountDeps,
  tx: Parameters<typeof queueMail>[1],
  user: { name: string; email: string },
  what: string,
) {
  await queueMail(
    deps.outbox,
    tx,
    composeMail({
      to: user.email,
      subject: 'Your Clientele sign-in settings changed',
      paragraphs: [
        `Hello ${user.name},`,
        what,
        'If this was not you, reset your password now and contact your administrator.',
      ],
    }),
  );
}

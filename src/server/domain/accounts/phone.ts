import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import {
  countPhoneCodeAttempt,
  getOwnSettings,
  getPendingPhoneCode,
  markPhoneVerified,
  removePhone as clearPhone,
  setPendingPhone,
} from '@/server/db/repositories/notification-settings';
import { withIdentity } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { queueSms } from '@/server/sms/outbox';
import type { AccountDeps } from './deps';
import { recordSecurityEvent } from './security-events';

export const PHONE_CODE_LIFETIME_MS = 10 * 60 * 1000;
/** Wrong entries a code survives; after them it is dead and a new one must be asked for. */
export const PHONE_CODE_ATTEMPTS = 5;

type PhoneDeps = Pick<AccountDeps, 'db' | 'outbox' | 'throttle' | 'client'>;

/**
 * The code's hash, bound to the person and the number it was sent to, so that it proves only
 * that this person reads messages to that number.
 */
function phoneCodeHash(userId: string, phoneNumber: string, code: string): string {
  return createHash('sha256').update(`${userId}:${phoneNumber}:${code}`).digest('hex');
}

/** The audit trail names a number by its last digits: enough for its owner to recognise. */
const numberEnding = (phoneNumber: string) => ({ phoneEnding: phoneNumber.slice(-4) });

const codeIssue = (message: string, detail: string) =>
  new AppError('BAD_REQUEST', message, { issues: [{ path: ['code'], message: detail }] });

/**
 * Sends a 6-digit code by SMS to a number the person wants notifications at. The number is
 * stored unverified at once (a verified number it replaces stops receiving SMS) and becomes
 * verified when the code is entered.
 */
export async function requestPhoneCode(deps: PhoneDeps, userId: string, phoneNumber: string) {
  const expiresAt = new Date(Date.now() + PHONE_CODE_LIFETIME_MS);
  await withIdentity(deps.db, async (tx) => {
    const current = await getOwnSettings(tx, userId);
    if (current.phoneVerified && current.phoneNumber === phoneNumber) {
      throw new AppError('CONFLICT', 'This phone number is already verified', {
        issues: [{ path: ['phoneNumber'], message: 'is already verified' }],
      });
    }
    await deps.throttle('phone-code:user', userId);
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    await setPendingPhone(
      tx,
      userId,
      phoneNumber,
      phoneCodeHash(userId, phoneNumber, code),
      expiresAt,
    );
    await queueSms(deps.outbox, tx, {
      to: phoneNumber,
      text: `Your Clientele code is ${code}. It expires in 10 minutes.`,
    });
    await recordSecurityEvent(
      tx,
      { action: 'user.phone_code_sent', subjectUserId: userId, details: numberEnding(phoneNumber) },
      deps.client,
    );
  });
  return { phoneNumber, expiresAt };
}

type CodeCheck = { verified: true; phoneNumber: string } | { verified: false; error: AppError };

/**
 * Checks the code sent by requestPhoneCode. A wrong code counts against the code's attempts
 * (the count is committed even though the call fails); the right one verifies the number.
 */
export async function verifyPhoneCode(deps: PhoneDeps, userId: string, code: string) {
  const now = new Date();
  const check = await withIdentity(deps.db, async (tx): Promise<CodeCheck> => {
    const pending = await getPendingPhoneCode(tx, userId);
    if (!pending?.codeHash || !pending.expiresAt || !pending.phoneNumber) {
      return {
        verified: false,
        error: codeIssue(
          'No code is waiting to be entered; ask for a new one',
          'ask for a new code',
        ),
      };
    }
    if (pending.attempts >= PHONE_CODE_ATTEMPTS) {
      return {
        verified: false,
        error: codeIssue(
          'This code was entered wrongly too many times; ask for a new one',
          'too many wrong entries: ask for a new code',
        ),
      };
    }
    if (pending.expiresAt <= now) {
      return {
        verified: false,
        error: codeIssue(
          'This code has expired; ask for a new one',
          'has expired: ask for a new code',
        ),
      };
    }
    const expected = Buffer.from(pending.codeHash, 'hex');
    const given = Buffer.from(phoneCodeHash(userId, pending.phoneNumber, code), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      await countPhoneCodeAttempt(tx, userId);
      const left = PHONE_CODE_ATTEMPTS - pending.attempts - 1;
      return {
        verified: false,
        error: codeIssue(
          left > 0
            ? `That code does not match; ${left} ${left === 1 ? 'try' : 'tries'} left`
            : 'That code does not match, and was the last try; ask for a new one',
          'does not match',
        ),
      };
    }
    await markPhoneVerified(tx, userId);
    await recordSecurityEvent(
      tx,
      {
        action: 'user.phone_verified',
        subjectUserId: userId,
        details: numberEnding(pending.phoneNumber),
      },
      deps.client,
    );
    return { verified: true, phoneNumber: pending.phoneNumber };
  });
  if (!check.verified) throw check.error;
  return { phoneNumber: check.phoneNumber };
}

/** Forgets the person's phone number, verified or not, and any code waiting for it. */
export async function removePhone(deps: Pick<PhoneDeps, 'db' | 'client'>, userId: string) {
  await withIdentity(deps.db, async (tx) => {
    const { phoneNumber } = await getOwnSettings(tx, userId);
    if (!phoneNumber) throw new AppError('NOT_FOUND', 'You have no phone number to remove');
    await clearPhone(tx, userId);
    await recordSecurityEvent(
      tx,
      { action: 'user.phone_removed', subjectUserId: userId, details: numberEnding(phoneNumber) },
      deps.client,
    );
  });
}

/** The person's phone number as the settings page shows it. */
export async function getPhone(deps: Pick<PhoneDeps, 'db'>, userId: string) {
  const { phoneNumber, phoneVerified } = await withIdentity(
    deps.db,
    (tx) => getOwnSettings(tx, userId),
    { readOnly: true },
  );
  return { phoneNumber, phoneVerified };
}

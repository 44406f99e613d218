import COMMON_PASSWORDS from './common-passwords.json';
import { AppError } from '@/server/errors';

/** The 10,000 most common passwords of 8+ characters (zxcvbn-ts's list, MIT), lowercased. */
const common = new Set<string>(COMMON_PASSWORDS);

/**
 * What a new password must not be, beyond its length (checked by the schema before anything is
 * hashed): one of the most common passwords, or the person's own e-mail address or name.
 */
export function assertAcceptablePassword(
  password: string,
  person: { email: string; name?: string },
  field = 'password',
) {
  const lowered = password.toLowerCase();
  const reason = common.has(lowered)
    ? 'is one of the most commonly used passwords; choose another'
    : lowered === person.email.toLowerCase() ||
        lowered === person.email.split('@')[0]?.toLowerCase()
      ? 'must not be your e-mail address'
      : person.name && lowered === person.name.toLowerCase()
        ? 'must not be your name'
        : null;
  if (reason) {
    throw new AppError('BAD_REQUEST', `The password ${reason}`, {
      issues: [{ path: [field], message: reason }],
    });
  }
}

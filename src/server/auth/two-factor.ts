import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { randomToken, sha256Of } from './tokens';

/** TOTP per RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
const ISSUER = 'Clientele';

export function generateTotpKey(): Uint8Array {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  return key;
}

export function totpKeyUri(key: Uint8Array, accountName: string): string {
  return createTOTPKeyURI(ISSUER, accountName, key, TOTP_PERIOD_SECONDS, DIGITS);
}

/** The key as people type it into an authenticator app by hand. */
export const totpKeyText = (key: Uint8Array) => encodeBase32UpperCaseNoPadding(key);

/**
 * Checks a code against the current time step and the one before (clock drift) and returns
 * the step it belongs to, or null. TOTP is HOTP with the time step as counter (RFC 6238), so
 * the step is known. A step at or before `lastUsedStep` is refused: each code works once.
 */
export function verifyTotp(
  key: Uint8Array,
  code: string,
  lastUsedStep: number | null,
  now = Date.now(),
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const step = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
  for (const candidate of [step, step - 1]) {
    if (lastUsedStep !== null && candidate <= lastUsedStep) continue;
    if (verifyHOTP(key, BigInt(candidate), DIGITS, code)) return candidate;
  }
  return null;
}

/** Ten one-time recovery codes like `k7d2m-q9x4p`. */
export function generateRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const raw = randomToken(7).slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): Uint8Array {
  return sha256Of(code.toLowerCase().replace(/[^a-z2-7]/g, ''));
}

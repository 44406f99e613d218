import { generateHOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import {
  generateRecoveryCodes,
  generateTotpKey,
  hashRecoveryCode,
  TOTP_PERIOD_SECONDS,
  totpKeyUri,
  verifyTotp,
} from './two-factor';

const codeAt = (key: Uint8Array, ms: number) =>
  generateHOTP(key, BigInt(Math.floor(ms / 1000 / TOTP_PERIOD_SECONDS)), 6);

describe('TOTP', () => {
  const key = generateTotpKey();
  const now = Date.UTC(2026, 10, 22, 12, 0, 10);
  const step = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);

  it('accepts the current and the previous code, and names their step', () => {
    expect(verifyTotp(key, codeAt(key, now), null, now)).toBe(step);
    expect(verifyTotp(key, codeAt(key, now - 30_000), null, now)).toBe(step - 1);
  });

  it('refuses old, future, malformed and already used codes', () => {
    expect(verifyTotp(key, codeAt(key, now - 90_000), null, now)).toBeNull();
    expect(verifyTotp(key, codeAt(key, now + 60_000), null, now)).toBeNull();
    expect(verifyTotp(key, '12345', null, now)).toBeNull();
    expect(verifyTotp(key, codeAt(key, now), step, now)).toBeNull();
    expect(verifyTotp(key, codeAt(key, now - 30_000), step - 1, now)).toBeNull();
  });

  it('describes the key for authenticator apps', () => {
    expect(totpKeyUri(key, 'ada@example.com')).toMatch(
      /^otpauth:\/\/totp\/Clientele:ada%40example\.com\?/,
    );
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes, hashed the same however they are typed', () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replace('-', ' '))).toEqual(
      hashRecoveryCode(codes[0]!),
    );
  });
});

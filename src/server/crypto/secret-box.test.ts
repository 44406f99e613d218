import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';

const box = new SecretBox(randomBytes(32).toString('base64'));

describe('SecretBox', () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const sealed = box.seal('otpauth secret', 'totp:user-1');
    expect(sealed).not.toContain('otpauth');
    expect(box.open(sealed, 'totp:user-1')).toBe('otpauth secret');
    expect(box.seal('otpauth secret', 'totp:user-1')).not.toBe(sealed);
  });

  it('refuses a value sealed for another context, under another key, or altered', () => {
    const sealed = box.seal('secret', 'totp:user-1');
    expect(() => box.open(sealed, 'totp:user-2')).toThrow();
    expect(() =>
      new SecretBox(randomBytes(32).toString('base64')).open(sealed, 'totp:user-1'),
    ).toThrow();
    const [v, iv, data, tag] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0]! ^= 1;
    expect(() =>
      box.open([v, iv, flipped.toString('base64url'), tag].join('.'), 'totp:user-1'),
    ).toThrow();
  });
});

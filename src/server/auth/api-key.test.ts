import { describe, expect, it } from 'vitest';
import { isTestApiKey } from '@/schemas/api-keys';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key';

describe('API keys', () => {
  it('have a recognisable prefix, 256 random bits and a valid checksum', () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key).toMatch(/^clt_[a-z2-7]{59}$/);
    expect(key.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(12);
    expect(looksLikeApiKey(key)).toBe(true);
    expect(hash).toEqual(hashApiKey(key));
    expect(generateApiKey().key).not.toBe(key);
  });

  it('fail the checksum when a character is changed, added or removed', () => {
    const { key } = generateApiKey();
    const last = key.at(-5)!;
    expect(looksLikeApiKey(key.slice(0, -5) + (last === 'a' ? 'b' : 'a') + key.slice(-4))).toBe(
      false,
    );
    expect(looksLikeApiKey(`${key}a`)).toBe(false);
    expect(looksLikeApiKey(key.slice(0, -1))).toBe(false);
    expect(looksLikeApiKey(key.replace('clt_', 'xyz_'))).toBe(false);
    expect(looksLikeApiKey(key.toUpperCase())).toBe(false);
  });

  it('start clt_test_ in a sandbox, pass the same checks, and a live key never starts so', () => {
    const { key, prefix, hash } = generateApiKey({ sandbox: true });
    expect(key).toMatch(/^clt_test_[a-z2-7]{59}$/);
    expect(prefix).toBe(key.slice(0, 17));
    expect(isTestApiKey(key)).toBe(true);
    expect(isTestApiKey(prefix)).toBe(true);
    expect(looksLikeApiKey(key)).toBe(true);
    expect(hash).toEqual(hashApiKey(key));
    expect(looksLikeApiKey(key.replace('clt_test_', 'clt_tst_'))).toBe(false);
    for (let n = 0; n < 50; n++) expect(isTestApiKey(generateApiKey().key)).toBe(false);
  });
});

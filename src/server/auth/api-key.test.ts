import { describe, expect, it } from 'vitest';
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
});

import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from './slug';

describe('slugify', () => {
  it('makes a readable, URL-safe slug from any name', () => {
    expect(slugify('Ünited Wídgets, Inc.')).toBe('united-widgets-inc');
    expect(slugify('  --Acme--  ')).toBe('acme');
    expect(slugify('日本')).toBe('organization');
    expect(slugify('a'.repeat(60))).toHaveLength(40);
  });

  it('always matches the slug pattern', () => {
    for (const name of ['Ünited Wídgets, Inc.', 'x', `${'ab-'.repeat(20)}`, '!!!']) {
      expect(slugify(name)).toMatch(SLUG_PATTERN);
    }
  });
});

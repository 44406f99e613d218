import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields';

describe('changedFields', () => {
  it('keeps only what changed, comparing values rather than references', () => {
    const before = {
      name: 'Ada',
      tags: ['a'],
      address: { city: 'London' },
      version: 1,
      updatedAt: new Date(0),
    };
    const after = {
      name: 'Ada',
      tags: ['a', 'b'],
      address: { city: 'London' },
      version: 2,
      updatedAt: new Date(1),
    };
    expect(changedFields(before, after)).toEqual({
      before: { tags: ['a'] },
      after: { tags: ['a', 'b'] },
    });
  });
});

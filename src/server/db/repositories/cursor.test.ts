import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/errors';
import { decodeCursor, encodeCursor, pageOf } from './cursor';

const id = '0b6f5a0e-6b8b-4c2a-9d6e-1f0f6e2b3c4d';

describe('keyset cursors', () => {
  it('round-trip the sort position', () => {
    const position = {
      sort: 'createdAt',
      order: 'desc' as const,
      value: '2026-01-02T03:04:05.678Z',
      id,
    };
    expect(decodeCursor(encodeCursor(position), position)).toEqual(position);
  });

  it('are refused for another sort or direction', () => {
    const cursor = encodeCursor({ sort: 'name', order: 'asc', value: 'ada', id });
    expect(() => decodeCursor(cursor, { sort: 'name', order: 'desc' })).toThrow(AppError);
    expect(() => decodeCursor(cursor, { sort: 'company', order: 'asc' })).toThrow(/different sort/);
  });

  it('are refused when forged or damaged', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of [
      'garbage',
      forged(['name', 'asc', 'x', 'not-a-uuid']),
      forged(['name', 'asc', { $ne: 1 }, id]),
      forged({ sort: 'name' }),
    ]) {
      expect(() => decodeCursor(cursor, { sort: 'name', order: 'asc' })).toThrow(AppError);
    }
  });

  it('end a page after its last row only when more were read than it holds', () => {
    const keyset = { sort: 'createdAt', order: 'desc' } as const;
    const at = new Date('2026-01-02T03:04:05.678Z');
    const rows = [1, 2, 3].map(() => ({ id, createdAt: at }));
    const full = pageOf(rows, 2, keyset, (row) => row.createdAt);
    expect(full.items).toHaveLength(2);
    expect(decodeCursor(full.nextCursor!, keyset)).toEqual({
      ...keyset,
      value: '2026-01-02T03:04:05.678Z',
      id,
    });
    expect(pageOf(rows, 3, keyset, (row) => row.createdAt)).toEqual({
      items: rows,
      nextCursor: null,
    });
  });
});

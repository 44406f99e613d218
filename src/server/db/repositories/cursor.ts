import { AppError } from '@/server/errors';

/**
 * Keyset cursors: the sort key, direction, and the last row's sort value and id, as base64url
 * JSON. They are opaque to clients and only valid for the sort they were made for.
 */
export interface CursorPosition {
  sort: string;
  order: 'asc' | 'desc';
  value: string | number | null;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  const { sort, order, value, id } = position;
  return Buffer.from(JSON.stringify([sort, order, value, id])).toString('base64url');
}

export function decodeCursor(
  cursor: string,
  expected: { sort: string; order: 'asc' | 'desc' },
): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalidCursor();
  const [sort, order, value, id] = parsed as unknown[];
  if (sort !== expected.sort || order !== expected.order) {
    throw new AppError('BAD_REQUEST', 'The cursor belongs to a different sort order', {
      issues: [{ path: ['cursor'], message: 'was made for a different sort or order' }],
    });
  }
  const validValue = value === null || typeof value === 'string' || typeof value === 'number';
  if (!validValue || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
  return { sort, order, value, id } as CursorPosition;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalidCursor() {
  return new AppError('BAD_REQUEST', 'Invalid cursor', {
    issues: [{ path: ['cursor'], message: 'is not a cursor returned by this list' }],
  });
}

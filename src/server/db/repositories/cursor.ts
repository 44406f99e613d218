import { asc, desc, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
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

/** A keyset order: the sort it is by, and its direction. */
export type Keyset = Pick<CursorPosition, 'sort' | 'order'>;

/**
 * The rows after a cursor's position in the order of (key, id). The key is compared as `type`
 * (`timestamptz`, `date`…) from the cursor's text, or as the cursor's value when none is given.
 */
export function afterPosition(
  key: SQLWrapper,
  id: SQLWrapper,
  position: CursorPosition,
  type?: SQL,
): SQL {
  const value = type ? sql`${String(position.value)}::${type}` : sql`${position.value}`;
  const after = sql`(${value}, ${position.id}::uuid)`;
  return position.order === 'asc'
    ? sql`(${key}, ${id}) > ${after}`
    : sql`(${key}, ${id}) < ${after}`;
}

/** The ORDER BY of a keyset order on (key, id). */
export const keysetOrder = (order: 'asc' | 'desc', key: SQLWrapper, id: SQLWrapper) =>
  order === 'asc' ? [asc(key), asc(id)] : [desc(key), desc(id)];

/**
 * One page of a keyset list, from the `limit + 1` rows read for it: its rows, and the cursor
 * after the last of them when there are more. `valueOf` is a row's sort value (a time is
 * carried as ISO 8601 text).
 */
export function pageOf<Row extends { id: string }>(
  rows: Row[],
  limit: number,
  keyset: Keyset,
  valueOf: (row: Row) => Date | string | number | null,
): { items: Row[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  if (rows.length <= limit || !last) return { items, nextCursor: null };
  const value = valueOf(last);
  return {
    items,
    nextCursor: encodeCursor({
      ...keyset,
      value: value instanceof Date ? value.toISOString() : value,
      id: last.id,
    }),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalidCursor() {
  return new AppError('BAD_REQUEST', 'Invalid cursor', {
    issues: [{ path: ['cursor'], message: 'is not a cursor returned by this list' }],
  });
}

import stringify from 'safe-stable-stringify';

/**
 * Whether two stored values are the same: compared as JSON with sorted keys, as PostgreSQL's
 * jsonb keeps no key order, and dates by their time.
 */
export const sameValue = (a: unknown, b: unknown) => stringify(a) === stringify(b);

/**
 * The values an update would really change: those given (not undefined) that differ from the
 * record's. Empty when the update changes nothing, which then is not written at all.
 */
export function changesTo<T extends object>(record: T, values: Partial<T>): Partial<T> {
  const current = record as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(values).filter(
      ([key, value]) => value !== undefined && !sameValue(current[key], value),
    ),
  ) as Partial<T>;
}

export const isEmpty = (changes: object) => Object.keys(changes).length === 0;

/**
 * Where a JSON value carries dates, as generated from the OpenAPI document: `true` is a date,
 * `'[]'` each item of an array, `'{}'` each value of a map, any other key that property.
 */
export type DateShape = true | { readonly [key: string]: DateShape };

// RFC 3339 date-times as the server writes them; anything else is left as it came.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function reviveOne(value: unknown, shape: DateShape): unknown {
  if (shape === true) {
    if (typeof value !== 'string' || !DATE_TIME.test(value)) return value;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = shape['[]'];
    if (items) value.forEach((item, index) => (value[index] = reviveOne(item, items)));
    return value;
  }
  const record = value as Record<string, unknown>;
  const values = shape['{}'];
  for (const key of Object.keys(record)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : values;
    if (field) record[key] = reviveOne(record[key], field);
  }
  return value;
}

/** Turns the date-time strings `shape` points at into `Date`s, in place; returns `value`. */
export function reviveDates<T>(value: T, shape: DateShape | undefined): T {
  return shape ? (reviveOne(value, shape) as T) : value;
}

/** A copy of query parameters with each `Date` (also inside arrays) as its ISO string. */
export function serializeDates(query: Record<string, unknown>): Record<string, unknown> {
  const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.map(iso) : iso(value),
    ]),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A well-formed UUID from a URL, lower-cased; anything else is undefined (not asked for). */
export function uuidParam(value: string | null): string | undefined {
  return value && UUID.test(value) ? value.toLowerCase() : undefined;
}

/** A server page's `searchParams` (a record) as URLSearchParams, the way the browser sees them. */
export function toSearchParams(
  record: Record<string, string | string[] | undefined>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const item of [value ?? []].flat()) params.append(key, item);
  }
  return params;
}
